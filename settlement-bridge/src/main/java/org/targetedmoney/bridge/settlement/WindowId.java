package org.targetedmoney.bridge.settlement;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One settlement window: a UTC day, ISO week or month, named by its first day.
 *
 * <p>Its {@link #text()} is stable (stored, printed, part of batch ids and hashes): "2026-11-30" for a day,
 * "2026-W48" for an ISO week (week-based year, two-digit week), "2026-11" for a month. Windows order by start,
 * then end, then kind ({@link #ORDER}: oldest first).
 *
 * @param kind     daily, weekly or monthly
 * @param firstDay its first day (UTC): any day for daily, a Monday for weekly, the 1st for monthly
 */
public record WindowId(SettlementWindow kind, LocalDate firstDay) implements Comparable<WindowId> {
    /** Oldest window first; ties (only when the configured kind changed) by end, then kind. */
    public static final Comparator<WindowId> ORDER = Comparator.comparingLong(WindowId::startSeconds)
            .thenComparingLong(WindowId::endSeconds).thenComparing(WindowId::kind);

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final long SECONDS_PER_DAY = 86_400;

    public WindowId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(firstDay, "firstDay");
        boolean aligned = switch (kind) {
            case DAILY -> true;
            case WEEKLY -> firstDay.getDayOfWeek() == DayOfWeek.MONDAY;
            case MONTHLY -> firstDay.getDayOfMonth() == 1;
        };
        if (!aligned) {
            throw new IllegalArgumentException(kind.code() + " window cannot start on " + firstDay);
        }
        // A window must hold an accepted timestamp (the ISO week of 1970-01-01 starts on 1969-12-29).
        if (next(kind, firstDay).toEpochDay() * SECONDS_PER_DAY <= SettlementWindow.MIN_TIMESTAMP_SECONDS
                || firstDay.toEpochDay() * SECONDS_PER_DAY > SettlementWindow.MAX_TIMESTAMP_SECONDS) {
            throw new IllegalArgumentException("window starting " + firstDay + " holds no timestamp of 1970..9999");
        }
    }

    /** "%04d-W%02d" without String.format, which costs more than the rest of a line's settlement. */
    private static String weekText(int weekBasedYear, int week) {
        return weekBasedYear + (week < 10 ? "-W0" : "-W") + week; // the year has four digits (1970..9999)
    }

    /** The stable text form: "2026-11-30", "2026-W48" or "2026-11". */
    public String text() {
        return switch (kind) {
            case DAILY -> firstDay.toString();
            case WEEKLY -> weekText(firstDay.get(IsoFields.WEEK_BASED_YEAR),
                    firstDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> YearMonth.from(firstDay).toString();
        };
    }

    /** First second of the window (inclusive), seconds since 1970 UTC. */
    public long startSeconds() {
        return firstDay.toEpochDay() * SECONDS_PER_DAY;
    }

    /** First second after the window (exclusive). */
    public long endSeconds() {
        return next(kind, firstDay).toEpochDay() * SECONDS_PER_DAY;
    }

    private static LocalDate next(SettlementWindow kind, LocalDate firstDay) {
        return switch (kind) {
            case DAILY -> firstDay.plusDays(1);
            case WEEKLY -> firstDay.plusWeeks(1);
            case MONTHLY -> firstDay.plusMonths(1);
        };
    }

    /** Whether a block timestamp falls in this window. */
    public boolean contains(long timestampSeconds) {
        return timestampSeconds >= startSeconds() && timestampSeconds < endSeconds();
    }

    /**
     * The month funding this window: the month of its first day. A week straddling two months (2026-W53 runs
     * from 2026-12-28 to 2027-01-03) is funded by the month it starts in, so that one batch draws on one
     * month's creation ceiling.
     */
    public YearMonth fundingMonth() {
        return YearMonth.from(firstDay);
    }

    /**
     * Whether the window is over: the ledger holds a block stamped at or after its end, so no further line can
     * fall in it. {@code latestBlockTimestampSeconds} must be that of the latest block the bridge has read all
     * events of, so that every line of the window is already known.
     */
    public boolean closedBy(long latestBlockTimestampSeconds) {
        return latestBlockTimestampSeconds >= endSeconds();
    }

    /**
     * The window named by a stable text form (as stored): "yyyy-MM-dd", "yyyy-Www" or "yyyy-MM".
     *
     * @throws IllegalArgumentException if the text is none of these, or names no real day, week or month
     */
    public static WindowId parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            Matcher m;
            if ((m = DAY.matcher(text)).matches()) {
                return new WindowId(SettlementWindow.DAILY, LocalDate.of(num(m, 1), num(m, 2), num(m, 3)));
            }
            if ((m = WEEK.matcher(text)).matches()) {
                return week(num(m, 1), num(m, 2), text);
            }
            if ((m = MONTH.matcher(text)).matches()) {
                return new WindowId(SettlementWindow.MONTHLY, LocalDate.of(num(m, 1), num(m, 2), 1));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("window '" + text + "' names no real day or month", e);
        }
        throw new IllegalArgumentException("window '" + text
                + "' is not one of yyyy-MM-dd (daily), yyyy-Www (weekly), yyyy-MM (monthly)");
    }

    private static WindowId week(int weekYear, int week, String text) {
        // The 4th of January is always in week 1 of its week-based year.
        LocalDate inWeekOne = LocalDate.of(weekYear, 1, 4);
        long weeks = inWeekOne.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("window '" + text + "': " + weekYear + " has " + weeks + " ISO weeks");
        }
        LocalDate monday = inWeekOne.with(DayOfWeek.MONDAY).plusWeeks(week - 1L);
        return new WindowId(SettlementWindow.WEEKLY, monday);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    @Override
    public int compareTo(WindowId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return text();
    }
}
