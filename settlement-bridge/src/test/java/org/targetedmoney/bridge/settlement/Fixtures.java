package org.targetedmoney.bridge.settlement;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;

/** Lines, plans and credits for the settlement tests. */
final class Fixtures {
    static final int FOOD = 1;
    static final int HEALTH = 2;
    static final int CULTURE = 3;

    private Fixtures() {}

    /** Seconds since 1970 of a UTC date-time. */
    static long utc(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
    }

    /** The address of provider number {@code n}: 0x then 40 lower-case hex digits. */
    static String provider(int n) {
        return String.format("0x%040x", 0xa000 + n);
    }

    static String txHash(long block, int logIndex) {
        return String.format("0x%048x%016x", block, logIndex);
    }

    static LedgerLine line(long block, int logIndex, long timestampSeconds, int provider, int purpose, long amountCents) {
        return new LedgerLine(block, logIndex, txHash(block, logIndex), timestampSeconds, provider(provider), purpose,
                LineKind.REDEMPTION, amountCents, block * 1000 + logIndex);
    }

    /** Contributions "ssa" (any purpose), public "state-food" (food only), creation "creation" (any). */
    static FundingPlan plan(long ceilingCents) {
        return new FundingPlan(List.of(
                FundingAccount.any("ssa", SourceKind.CONTRIBUTIONS),
                new FundingAccount("state-food", SourceKind.PUBLIC_ACCOUNT, Set.of(FOOD)),
                FundingAccount.any("creation", SourceKind.MONETARY_CREATION)), ceilingCents);
    }

    static FundingCredit contribution(String account, long cents) {
        return new FundingCredit(account, SourceKind.CONTRIBUTIONS, java.time.YearMonth.of(2026, 11), cents, "decl-1");
    }

    static FundingCredit publicCredit(String account, long cents) {
        return new FundingCredit(account, SourceKind.PUBLIC_ACCOUNT, java.time.YearMonth.of(2026, 11), cents, "state-1");
    }
}
