package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.contribution.ContributionCalendar.PeriodStatus;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

class ContributionCalendarTest {
    private static final YearMonth NOW = YearMonth.of(2025, 5);
    private final ContributionCalendar calendar = new ContributionCalendar(2, 1);

    @Test
    void status_currentLateAndHorizonMonths_open() {
        assertThat(calendar.openPeriods(NOW)).containsExactly(YearMonth.of(2025, 3), YearMonth.of(2025, 4),
                YearMonth.of(2025, 5), YearMonth.of(2025, 6));
        assertThat(calendar.status(YearMonth.of(2025, 3), NOW)).isEqualTo(PeriodStatus.OPEN);
        assertThat(calendar.status(YearMonth.of(2025, 6), NOW)).isEqualTo(PeriodStatus.OPEN);
    }

    @Test
    void check_monthBeforeLateWindow_periodClosed() {
        assertThat(calendar.isClosed(YearMonth.of(2025, 2), NOW)).isTrue();
        assertThat(calendar.check("period", YearMonth.of(2025, 2), NOW)).get().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Code.PERIOD_CLOSED);
            assertThat(r.message()).startsWith("period=2025-02: closed").contains("now is 2025-05");
        });
    }

    @Test
    void check_monthBeyondHorizon_periodNotOpen() {
        assertThat(calendar.check("period", YearMonth.of(2025, 7), NOW)).get()
                .extracting(ContributionRejection::code).isEqualTo(Code.PERIOD_NOT_OPEN);
    }

    @Test
    void check_noLateMonthsNoHorizon_onlyTheCurrentMonthIsOpen() {
        ContributionCalendar strict = new ContributionCalendar(0, 0);
        assertThat(strict.openPeriods(NOW)).containsExactly(NOW);
        assertThat(strict.check("period", NOW.minusMonths(1), NOW)).get()
                .extracting(ContributionRejection::code).isEqualTo(Code.PERIOD_CLOSED);
        assertThat(strict.check("period", NOW.plusMonths(1), NOW)).get()
                .extracting(ContributionRejection::code).isEqualTo(Code.PERIOD_NOT_OPEN);
    }

    @Test
    void status_acrossYearEnd_countsMonths() {
        assertThat(calendar.status(YearMonth.of(2024, 11), YearMonth.of(2025, 1))).isEqualTo(PeriodStatus.OPEN);
        assertThat(calendar.status(YearMonth.of(2024, 10), YearMonth.of(2025, 1))).isEqualTo(PeriodStatus.CLOSED);
    }

    @Test
    void monthOf_blockTimestamp_utcMonth() {
        // 2025-03-31T23:59:59Z and one second later, 2025-04-01T00:00:00Z.
        assertThat(ContributionCalendar.monthOf(1_743_465_599L)).isEqualTo(YearMonth.of(2025, 3));
        assertThat(ContributionCalendar.monthOf(1_743_465_600L)).isEqualTo(YearMonth.of(2025, 4));
    }

    @Test
    void new_windowsOutOfRange_refused() {
        assertThatThrownBy(() -> new ContributionCalendar(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContributionCalendar(ContributionCalendar.MAX_LATE_MONTHS + 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContributionCalendar(0, ContributionCalendar.MAX_HORIZON_MONTHS + 1))
                .hasMessageContaining("horizonMonths");
    }
}
