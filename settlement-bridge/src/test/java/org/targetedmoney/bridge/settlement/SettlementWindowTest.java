package org.targetedmoney.bridge.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.bridge.settlement.Fixtures.utc;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SettlementWindowTest {
    @Test
    void windowOf_daily_isTheUtcDayFromMidnightToMidnight() {
        WindowId w = SettlementWindow.DAILY.windowOf(utc(2026, 11, 30, 23, 59, 59));

        assertThat(w.text()).isEqualTo("2026-11-30");
        assertThat(w.startSeconds()).isEqualTo(utc(2026, 11, 30, 0, 0, 0));
        assertThat(w.endSeconds()).isEqualTo(utc(2026, 12, 1, 0, 0, 0));
        assertThat(SettlementWindow.DAILY.windowOf(utc(2026, 12, 1, 0, 0, 0)).text()).isEqualTo("2026-12-01");
    }

    @Test
    void windowOf_weekly_startsOnMondayAndIsNamedByIsoWeek() {
        WindowId w = SettlementWindow.WEEKLY.windowOf(utc(2026, 12, 3, 12, 0, 0)); // a Thursday

        assertThat(w.firstDay()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(w.text()).isEqualTo("2026-W49");
        assertThat(w.endSeconds() - w.startSeconds()).isEqualTo(7 * 86_400);
    }

    @Test
    void windowOf_week53_spansNewYearAndIsFundedByTheMonthItStartsIn() {
        // 2026 starts on a Thursday: it has 53 ISO weeks, the last running 2026-12-28 to 2027-01-03.
        WindowId lastDay = SettlementWindow.WEEKLY.windowOf(utc(2027, 1, 3, 23, 59, 59));

        assertThat(lastDay.text()).isEqualTo("2026-W53");
        assertThat(lastDay.firstDay()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(lastDay.fundingMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(SettlementWindow.WEEKLY.windowOf(utc(2027, 1, 4, 0, 0, 0)).text()).isEqualTo("2027-W01");
    }

    @Test
    void windowOf_newYearsDayInPreviousWeekYear_isNamedByThatWeekYear() {
        assertThat(SettlementWindow.WEEKLY.windowOf(utc(2021, 1, 1, 0, 0, 0)).text()).isEqualTo("2020-W53");
    }

    @Test
    void windowOf_monthly_endsOnTheFirstOfTheNextMonth() {
        WindowId november = SettlementWindow.MONTHLY.windowOf(utc(2026, 11, 30, 23, 59, 59));

        assertThat(november.text()).isEqualTo("2026-11");
        assertThat(november.endSeconds()).isEqualTo(utc(2026, 12, 1, 0, 0, 0));
        assertThat(SettlementWindow.MONTHLY.windowOf(utc(2026, 12, 31, 23, 59, 59)).endSeconds())
                .isEqualTo(utc(2027, 1, 1, 0, 0, 0));
    }

    @Test
    void windowOf_leapDay_isItsOwnDayAndPartOfFebruary() {
        long leapDay = utc(2028, 2, 29, 8, 0, 0);

        assertThat(SettlementWindow.DAILY.windowOf(leapDay).text()).isEqualTo("2028-02-29");
        WindowId february = SettlementWindow.MONTHLY.windowOf(leapDay);
        assertThat(february.text()).isEqualTo("2028-02");
        assertThat(february.endSeconds() - february.startSeconds()).isEqualTo(29 * 86_400);
    }

    @Test
    void windowOf_negativeOrHugeTimestamp_isRefused() {
        assertThatThrownBy(() -> SettlementWindow.DAILY.windowOf(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> SettlementWindow.MONTHLY.windowOf(Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> SettlementWindow.WEEKLY.windowOf(SettlementWindow.MAX_TIMESTAMP_SECONDS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowOf_extremeAcceptedTimestamps_haveFourDigitYears() {
        assertThat(SettlementWindow.DAILY.windowOf(0).text()).isEqualTo("1970-01-01");
        assertThat(SettlementWindow.WEEKLY.windowOf(0).text()).isEqualTo("1970-W01");
        assertThat(SettlementWindow.DAILY.windowOf(SettlementWindow.MAX_TIMESTAMP_SECONDS).text())
                .isEqualTo("9999-12-31");
    }

    @Test
    void closedBy_blockAtOrAfterTheEnd_closesTheWindow() {
        WindowId w = SettlementWindow.DAILY.windowOf(utc(2026, 11, 30, 12, 0, 0));

        assertThat(w.closedBy(w.endSeconds() - 1)).isFalse();
        assertThat(w.closedBy(w.endSeconds())).isTrue();
    }

    @Test
    void parse_configText_givesTheKindOrAClearError() {
        assertThat(SettlementWindow.parse("weekly")).isEqualTo(SettlementWindow.WEEKLY);
        assertThatThrownBy(() -> SettlementWindow.parse("Weekly"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown settlement window 'Weekly': expected one of daily, weekly, monthly");
    }

    @Test
    void parseWindowId_storedTexts_giveTheSameWindows() {
        for (String text : new String[] {"2026-11-30", "2026-W53", "2026-W01", "2028-02", "2028-02-29"}) {
            assertThat(WindowId.parse(text).text()).isEqualTo(text);
        }
        assertThat(WindowId.parse("2026-W53").firstDay()).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void parseWindowId_impossibleWindows_areRefused() {
        for (String text : new String[] {"2025-W53", "2026-W00", "2026-13", "2027-02-29", "26-11", "2026/11", ""}) {
            assertThatThrownBy(() -> WindowId.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void newWindowId_misalignedFirstDay_isRefused() {
        assertThatThrownBy(() -> new WindowId(SettlementWindow.WEEKLY, LocalDate.of(2026, 12, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weekly");
        assertThatThrownBy(() -> new WindowId(SettlementWindow.MONTHLY, LocalDate.of(2026, 12, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void order_olderWindowFirst() {
        WindowId week = WindowId.parse("2026-W49");
        WindowId dayBefore = WindowId.parse("2026-11-29");

        assertThat(dayBefore).isLessThan(week);
        assertThat(WindowId.parse("2026-11-30")).isLessThan(week); // same start, ends first
    }
}
