package org.targetedmoney.bridge.settlement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How ledger lines are grouped in time into settlement windows, in UTC: one day, one ISO week (Monday to
 * Sunday, numbered by ISO week-based year) or one calendar month. The window of a line is chosen by its block's
 * timestamp; a window is closed only when the ledger holds a block stamped at or after its end (see
 * {@link WindowId#closedBy(long)}), never by a wall clock. Codes are stable: they are the configuration text.
 */
public enum SettlementWindow {
    DAILY("daily"),
    WEEKLY("weekly"),
    MONTHLY("monthly");

    /** Smallest block timestamp accepted: 1970-01-01T00:00:00Z (a ledger block is never older). */
    public static final long MIN_TIMESTAMP_SECONDS = 0;
    /** Largest block timestamp accepted: 9999-12-31T23:59:59Z, so that window texts keep a four-digit year. */
    public static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;

    private final String code;

    SettlementWindow(String code) {
        this.code = code;
    }

    /** The configuration text: "daily", "weekly" or "monthly". */
    public String code() {
        return code;
    }

    /**
     * The window holding a block timestamp.
     *
     * @throws IllegalArgumentException if the timestamp is outside [{@link #MIN_TIMESTAMP_SECONDS},
     *                                  {@link #MAX_TIMESTAMP_SECONDS}] (a ledger never stamps such a block: a bug)
     */
    public WindowId windowOf(long timestampSeconds) {
        requireTimestamp(timestampSeconds);
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochSecond(timestampSeconds), ZoneOffset.UTC);
        LocalDate first = switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
        return new WindowId(this, first);
    }

    /**
     * The window kind named by configuration text, exactly "daily", "weekly" or "monthly".
     *
     * @throws IllegalArgumentException naming the accepted values otherwise
     */
    public static SettlementWindow parse(String text) {
        for (SettlementWindow w : values()) {
            if (w.code.equals(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown settlement window '" + text + "': expected one of "
                + Arrays.stream(values()).map(SettlementWindow::code).collect(Collectors.joining(", ")));
    }

    static void requireTimestamp(long timestampSeconds) {
        if (timestampSeconds < MIN_TIMESTAMP_SECONDS || timestampSeconds > MAX_TIMESTAMP_SECONDS) {
            throw new IllegalArgumentException("block timestamp " + timestampSeconds + " is outside ["
                    + MIN_TIMESTAMP_SECONDS + ", " + MAX_TIMESTAMP_SECONDS + "] seconds (1970 to 9999, UTC)");
        }
    }
}
