package org.targetedmoney.bridge.engine;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Where one movement of money between the inter-enterprise fund and a firm stands, for a closed period: a payout
 * (the fund pays the firm) or a due (the firm pays the fund, by direct debit). Amounts above the SEPA ceiling are
 * split into parts, one claim each. Each attempt has its own end-to-end id, in exactly one order file.
 *
 * @param reference  {@code ief-<period>-<SIREN>}, with {@code -<part>} for parts of a split amount
 * @param flow       payout or due
 * @param period     the fund period
 * @param firmId     the firm (SIREN)
 * @param amountCents what moves
 * @param payee      the firm's account (and mandate, for a due)
 * @param remittance the text sent with every attempt
 * @param status     where it stands
 * @param attempt    the current attempt, 1.. {@link InterEnterpriseBook#MAX_ATTEMPTS}; 0 for a due never ordered
 * @param endToEndId the current attempt's end-to-end id ("" when never ordered)
 * @param orderId    the order holding the current attempt ("" when never ordered)
 * @param lastReason the bank's last refusal or return reason, or why it was not ordered ("" when none)
 */
public record FundClaim(String reference, Flow flow, YearMonth period, String firmId, long amountCents,
                        FirmPayee payee, String remittance, Status status, int attempt, String endToEndId,
                        String orderId, String lastReason) {
    /** Which way the money goes. */
    public enum Flow { PAYOUT, DUE }

    /** Where a claim stands. */
    public enum Status {
        /** In an order file, waiting for the bank's answer. */
        ORDERED,
        /** Payout booked by the bank: the firm is paid. */
        PAID,
        /** Due booked by the bank: the money is in the fund's account (and credited to its funding account). */
        COLLECTED,
        /** Due of a firm without a usable mandate: listed, not collected (a person must obtain one). */
        NO_MANDATE,
        /** Refused or returned {@link InterEnterpriseBook#MAX_ATTEMPTS} times, or returned after being credited:
         *  waits for a person. */
        ESCALATED;

        /** Lower-case code for APIs. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public FundClaim {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(firmId, "firmId");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(remittance, "remittance");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endToEndId, "endToEndId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lastReason, "lastReason");
    }

    FundClaim with(Status newStatus, String reason) {
        return new FundClaim(reference, flow, period, firmId, amountCents, payee, remittance, newStatus, attempt,
                endToEndId, orderId, reason);
    }

    FundClaim ordered(int newAttempt, String newEndToEndId, String newOrderId, String reason) {
        return new FundClaim(reference, flow, period, firmId, amountCents, payee, remittance, Status.ORDERED,
                newAttempt, newEndToEndId, newOrderId, reason);
    }
}
