package org.targetedmoney.policy.model;

import java.time.LocalDate;

/**
 * How an epoch number is derived from a block timestamp (never from a local clock).
 *
 * <p>{@link Kind#MONTH}: epoch = months since January 1970 in UTC (2026-11 is 682). {@link Kind#FIXED}:
 * epoch = (timestamp - genesis timestamp) / seconds, for test networks that need short periods.
 * Pure arithmetic: {@link LocalDate#ofEpochDay} reads no clock.
 */
public record EpochScheme(Kind kind, long fixedSeconds, long genesisTimestampSeconds) {
    public enum Kind { MONTH, FIXED }

    public static final long MIN_FIXED_SECONDS = 1;

    public EpochScheme {
        if (kind == Kind.FIXED && fixedSeconds < MIN_FIXED_SECONDS) {
            throw new IllegalArgumentException("a FIXED epoch scheme needs seconds >= 1");
        }
    }

    public static EpochScheme monthly(long genesisTimestampSeconds) {
        return new EpochScheme(Kind.MONTH, 0, genesisTimestampSeconds);
    }

    /** The epoch containing {@code timestampSeconds} (seconds since 1970, UTC). */
    public int epochAt(long timestampSeconds) {
        if (kind == Kind.FIXED) {
            long since = Math.max(0, timestampSeconds - genesisTimestampSeconds);
            return Math.toIntExact(since / fixedSeconds);
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(timestampSeconds, 86_400L));
        return Math.toIntExact((day.getYear() - 1970L) * 12 + day.getMonthValue() - 1);
    }

    /** A readable label: {@code 2026-11} for monthly epochs, {@code #12} for fixed ones. */
    public String label(int epoch) {
        if (kind == Kind.FIXED) {
            return "#" + epoch;
        }
        int year = 1970 + Math.floorDiv(epoch, 12);
        int month = Math.floorMod(epoch, 12) + 1;
        return String.format("%04d-%02d", year, month);
    }
}
