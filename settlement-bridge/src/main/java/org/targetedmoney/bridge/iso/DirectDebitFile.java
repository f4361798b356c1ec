package org.targetedmoney.bridge.iso;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What one outgoing pain.008 direct-debit file says: one creditor account and creditor identifier, one collection
 * date, many debits. Like {@link PaymentFile}, a single payment-information block whose id is the message id.
 *
 * @param messageId               the file's id (GrpHdr/MsgId and PmtInf/PmtInfId), 1..35 SEPA identifier characters
 * @param createdAt               the file's creation time, given by the caller (never read from the clock here)
 * @param creditor                the account credited
 * @param creditorId              the creditor's SEPA identifier (e.g. FR72ZZZ123456)
 * @param requestedCollectionDate the day the debtors' accounts are to be debited
 * @param debits                  1 .. {@link Pain008Writer#MAX_DEBITS_PER_FILE} debits, in file order
 */
public record DirectDebitFile(String messageId, OffsetDateTime createdAt, Party creditor, String creditorId,
                              LocalDate requestedCollectionDate, List<DirectDebit> debits) {
    public DirectDebitFile {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(creditor, "creditor");
        Objects.requireNonNull(creditorId, "creditorId");
        Objects.requireNonNull(requestedCollectionDate, "requestedCollectionDate");
        debits = List.copyOf(debits);
    }
}
