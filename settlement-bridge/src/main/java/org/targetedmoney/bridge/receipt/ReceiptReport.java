package org.targetedmoney.bridge.receipt;

import java.util.List;
import java.util.Objects;
import org.targetedmoney.bridge.funding.FundingCredit;

/**
 * Money received, for a treasurer: matched pairs, receipts matching no declaration, declared credits not yet
 * seen on the bank account, each with its age in ledger days.
 */
public record ReceiptReport(ReceiptBook.Totals totals, List<Matched> matched, List<Unmatched> unmatched,
                            List<Expected> expected) {
    /** A receipt names a declared credit but not its amount (or currency); both stay visible. */
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    /** A receipt names no declared credit (yet: the declaration may come after the money). */
    public static final String NOT_DECLARED = "NOT_DECLARED";
    /** A receipt names a credit another receipt already confirmed (the payer paid twice). */
    public static final String ALREADY_CONFIRMED = "ALREADY_CONFIRMED";
    /** A declared credit no bank entry has named yet. */
    public static final String NOT_SEEN = "NOT_SEEN";

    public ReceiptReport {
        Objects.requireNonNull(totals, "totals");
        matched = List.copyOf(matched);
        unmatched = List.copyOf(unmatched);
        expected = List.copyOf(expected);
    }

    /** @param ageDays ledger days since the match was made */
    public record Matched(FundingCredit credit, BankReceipt receipt, long ageDays) {}

    /** @param code {@link #NOT_DECLARED}, {@link #AMOUNT_MISMATCH} or {@link #ALREADY_CONFIRMED}; @param ageDays since received */
    public record Unmatched(BankReceipt receipt, String code, long ageDays) {}

    /** @param code {@link #NOT_SEEN} or {@link #AMOUNT_MISMATCH}; @param ageDays since declared */
    public record Expected(FundingCredit credit, String code, long ageDays) {}
}
