package org.targetedmoney.bridge.contribution;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

/**
 * Which months accept contribution inputs (firm declarations, member contributions, public credits).
 *
 * <p>Pure: the caller says what "now" is, as the month of the ledger's latest block time
 * ({@link #monthOf(long)}), so every replica and every replay of the inputs decides alike. Open are the current
 * month, the {@code lateMonths} before it (late declarations) and the {@code horizonMonths} after it (inputs sent
 * ahead). Older months are closed (PERIOD_CLOSED), later ones not yet open (PERIOD_NOT_OPEN).
 *
 * <p>Example: {@code lateMonths = 2, horizonMonths = 0}, now = 2025-05: 2025-03..2025-05 are open, 2025-02 is
 * closed, 2025-06 is not open.
 *
 * @param lateMonths    past months still open, 0..{@link #MAX_LATE_MONTHS}
 * @param horizonMonths future months already open, 0..{@link #MAX_HORIZON_MONTHS}
 */
public record ContributionCalendar(int lateMonths, int horizonMonths) {
    public static final int MAX_LATE_MONTHS = 24;
    public static final int MAX_HORIZON_MONTHS = 12;

    /** Whether a period is open, or why not. */
    public enum PeriodStatus { OPEN, CLOSED, NOT_OPEN }

    public ContributionCalendar {
        if (lateMonths < 0 || lateMonths > MAX_LATE_MONTHS) {
            throw new IllegalArgumentException("lateMonths must be in 0.." + MAX_LATE_MONTHS + ": " + lateMonths);
        }
        if (horizonMonths < 0 || horizonMonths > MAX_HORIZON_MONTHS) {
            throw new IllegalArgumentException(
                    "horizonMonths must be in 0.." + MAX_HORIZON_MONTHS + ": " + horizonMonths);
        }
    }

    /** The UTC month of a block timestamp (seconds since 1970): what the caller passes as "now". */
    public static YearMonth monthOf(long blockTimestampSeconds) {
        return YearMonth.from(Instant.ofEpochSecond(blockTimestampSeconds).atOffset(ZoneOffset.UTC));
    }

    public PeriodStatus status(YearMonth period, YearMonth now) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(now, "now");
        if (period.isBefore(now.minusMonths(lateMonths))) {
            return PeriodStatus.CLOSED;
        }
        if (period.isAfter(now.plusMonths(horizonMonths))) {
            return PeriodStatus.NOT_OPEN;
        }
        return PeriodStatus.OPEN;
    }

    /** Whether {@code period} is past its late window: its fund period can be settled for good. */
    public boolean isClosed(YearMonth period, YearMonth now) {
        return status(period, now) == PeriodStatus.CLOSED;
    }

    /** The open months, oldest first. */
    public List<YearMonth> openPeriods(YearMonth now) {
        List<YearMonth> open = new ArrayList<>();
        for (YearMonth m = now.minusMonths(lateMonths); !m.isAfter(now.plusMonths(horizonMonths)); m = m.plusMonths(1)) {
            open.add(m);
        }
        return List.copyOf(open);
    }

    /** The refusal of an input for {@code period} (its field named {@code field}), or empty if the period is open. */
    public Optional<ContributionRejection> check(String field, YearMonth period, YearMonth now) {
        return switch (status(period, now)) {
            case OPEN -> Optional.empty();
            case CLOSED -> Optional.of(ContributionRejection.of(Code.PERIOD_CLOSED, field, period,
                    "closed: months before " + now.minusMonths(lateMonths) + " no longer accept inputs (now is "
                            + now + ")"));
            case NOT_OPEN -> Optional.of(ContributionRejection.of(Code.PERIOD_NOT_OPEN, field, period,
                    "not open yet: months after " + now.plusMonths(horizonMonths) + " do not accept inputs (now is "
                            + now + ")"));
        };
    }
}
