package org.targetedmoney.bridge.iso;

import java.util.Objects;

/**
 * The bank's status for one transfer of an earlier pain.001 file (pain.002 TxInfAndSts).
 *
 * @param originalEndToEndId the end-to-end id of the transfer in the pain.001 file
 * @param status             ACCP, ACSC, ACSP, ACTC, ACWC, PDNG, RJCT, ...: TxSts, or when absent its payment
 *                           information's or group's status
 * @param reasonCode         the first status reason (StsRsnInf/Rsn/Cd, or Prtry), e.g. AC04; null if none given
 */
public record TransactionStatus(String originalEndToEndId, String status, String reasonCode) {
    public TransactionStatus {
        Objects.requireNonNull(originalEndToEndId, "originalEndToEndId");
        Objects.requireNonNull(status, "status");
    }

    /** Whether the bank refused this transfer. */
    public boolean isRejected() {
        return StatusReport.REJECTED.equals(status);
    }
}
