package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InterEnterpriseFundTest {
    private final InterEnterpriseFund quarter = InterEnterpriseFund.equalShare("inter-enterprise-fund", 2_500);

    @Test
    void contributionCents_fractionOfACent_roundedDown() {
        // 25 % of 123.45 EUR = 30.8625 EUR -> 30.86 EUR; 25 % of 0.03 EUR = 0.0075 EUR -> 0.
        assertThat(quarter.contributionCents(12_345)).isEqualTo(3_086);
        assertThat(quarter.contributionCents(3)).isZero();
        assertThat(quarter.contributionCents(4)).isEqualTo(1);
    }

    @Test
    void contributionCents_negativeOrZeroValueAdded_zero() {
        assertThat(quarter.contributionCents(-500_000)).isZero();
        assertThat(quarter.contributionCents(0)).isZero();
        assertThat(quarter.contributionCents(Long.MIN_VALUE)).isZero();
    }

    @Test
    void contributionCents_largestDeclarableValueAdded_exact() {
        InterEnterpriseFund all = InterEnterpriseFund.equalShare("f", InterEnterpriseFund.BASIS_POINTS);
        assertThat(all.contributionCents(FirmDeclaration.MAX_ABS_VALUE_ADDED_CENTS))
                .isEqualTo(FirmDeclaration.MAX_ABS_VALUE_ADDED_CENTS);
    }

    @Test
    void contributionCents_productBeyondLong_arithmeticExceptionNotWrap() {
        assertThatThrownBy(() -> quarter.contributionCents(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void fixedAllowanceCents_fractionalFte_roundedDown() {
        InterEnterpriseFund fixed = InterEnterpriseFund.fixed("f", 2_500, 150_001);
        // 1 500.01 EUR per FTE x 0.33 FTE = 495.0033 EUR -> 495.00 EUR.
        assertThat(fixed.fixedAllowanceCents(33)).isEqualTo(49_500);
        assertThat(fixed.fixedAllowanceCents(100)).isEqualTo(150_001);
    }

    @Test
    void new_invalidConfiguration_refused() {
        assertThatThrownBy(() -> InterEnterpriseFund.equalShare("f", 10_001)).hasMessageContaining("rateBasisPoints");
        assertThatThrownBy(() -> InterEnterpriseFund.equalShare("f", -1)).hasMessageContaining("rateBasisPoints");
        assertThatThrownBy(() -> InterEnterpriseFund.fixed("f", 2_500, -1)).hasMessageContaining("fixedAllowance");
        assertThatThrownBy(() -> new InterEnterpriseFund("f", 2_500, AllowanceMode.EQUAL_SHARE, 100))
                .hasMessageContaining("EQUAL_SHARE");
        assertThatThrownBy(() -> InterEnterpriseFund.equalShare("a fund", 2_500)).hasMessageContaining("accountId");
    }
}
