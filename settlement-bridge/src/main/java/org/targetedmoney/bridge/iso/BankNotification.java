package org.targetedmoney.bridge.iso;

import java.util.List;
import java.util.Objects;

/**
 * A parsed bank-to-customer camt.054 notification or camt.053 statement: the movements it reports.
 *
 * @param messageId the bank's message id (GrpHdr/MsgId): a file seen twice has the same one
 * @param kind      {@link #CAMT_053} or {@link #CAMT_054}
 * @param namespace the root namespace, which names the exact version
 *                  (e.g. urn:iso:std:iso:20022:tech:xsd:camt.054.001.08)
 * @param entries   every account's movements, in file order
 */
public record BankNotification(String messageId, String kind, String namespace, List<BankEntry> entries) {
    /** A bank-to-customer statement (end of day). */
    public static final String CAMT_053 = "camt.053";
    /** A bank-to-customer debit/credit notification (as it happens). */
    public static final String CAMT_054 = "camt.054";

    public BankNotification {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        entries = List.copyOf(entries);
    }
}
