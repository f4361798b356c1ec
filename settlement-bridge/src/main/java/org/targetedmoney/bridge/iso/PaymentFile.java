package org.targetedmoney.bridge.iso;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What one outgoing pain.001 credit-transfer file says: one debit account, one execution date, many transfers.
 *
 * <p>The file has a single payment-information block whose id is the message id (both are 35-character SEPA
 * identifiers, and a file's message id is already unique for the bank).
 *
 * @param messageId              the file's id (GrpHdr/MsgId and PmtInf/PmtInfId), 1..35 SEPA identifier characters;
 *                               banks refuse a message id they have already seen
 * @param createdAt              the file's creation time, given by the caller (never read from the clock here)
 * @param debtor                 the account debited
 * @param requestedExecutionDate the day the bank is asked to execute the transfers
 * @param transfers              1 .. {@link Pain001Writer#MAX_TRANSFERS_PER_FILE} transfers, in file order
 */
public record PaymentFile(String messageId, OffsetDateTime createdAt, Party debtor, LocalDate requestedExecutionDate,
                          List<CreditTransfer> transfers) {
    public PaymentFile {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(debtor, "debtor");
        Objects.requireNonNull(requestedExecutionDate, "requestedExecutionDate");
        transfers = List.copyOf(transfers);
    }
}
