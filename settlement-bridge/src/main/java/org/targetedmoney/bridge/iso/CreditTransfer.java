package org.targetedmoney.bridge.iso;

import java.util.Objects;

/**
 * One euro payment to a creditor in a pain.001 file.
 *
 * <p>Values are checked by {@link SepaRules}, which refuses them as values; here only presence is required.
 *
 * @param endToEndId   the bridge's id of the payment, 1..35 SEPA identifier characters, unique in its file: the bank
 *                     quotes it back in camt.054 and pain.002, which is how reconciliation matches
 * @param amountCents  euro cents, 1 .. 99 999 999 999
 * @param creditorName 1..70 SEPA characters
 * @param creditorIban electronic format (no spaces, upper case)
 * @param creditorBic  the creditor's bank (ISO 9362), or null (optional for SEPA transfers)
 * @param remittance   unstructured remittance text, up to 140 SEPA characters, or null
 */
public record CreditTransfer(String endToEndId, long amountCents, String creditorName, String creditorIban,
                             String creditorBic, String remittance) {
    public CreditTransfer {
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(creditorName, "creditorName");
        Objects.requireNonNull(creditorIban, "creditorIban");
    }
}
