package org.targetedmoney.bridge.iso;

import java.util.List;
import java.util.Objects;

/**
 * A parsed pain.002 customer payment status report: the bank's verdict on an earlier pain.001 file.
 *
 * @param messageId         the report's own id (GrpHdr/MsgId)
 * @param originalMessageId the pain.001 message id it reports on (OrgnlGrpInfAndSts/OrgnlMsgId)
 * @param groupStatus       the whole file's status (GrpSts: ACCP, ACTC, PART, RJCT, ...), or null when the bank
 *                          reports per transaction only; RJCT means every transfer of the file is refused
 * @param transactions      per-transfer statuses, in file order (may be empty for a group-level verdict)
 */
public record StatusReport(String messageId, String originalMessageId, String groupStatus,
                           List<TransactionStatus> transactions) {
    /** The status code of a refusal, at group or transaction level. */
    public static final String REJECTED = "RJCT";

    public StatusReport {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(originalMessageId, "originalMessageId");
        transactions = List.copyOf(transactions);
    }

    /** Whether the bank refused the whole file. */
    public boolean isGroupRejected() {
        return REJECTED.equals(groupStatus);
    }
}
