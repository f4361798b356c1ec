package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

class MemberContributionsTest {
    private static final YearMonth MAY = YearMonth.of(2025, 5);
    private static final String MEMBER = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private MemberContributions intake;

    @BeforeEach
    void setUp() throws IOException {
        intake = new MemberContributions(SlidingScaleTest.ssaDefault(), "ssa-members", new ContributionCalendar(1, 0));
    }

    static MemberContribution paying(long incomeCents, long paidCents) {
        return new MemberContribution("c-0001", MAY, MEMBER, incomeCents, paidCents);
    }

    static ContributionRejection rejection(Outcome<FundingCredit> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<FundingCredit>) outcome).rejection();
    }

    @Test
    void validate_paidWhatTheScaleAsks_contributionsCredit() {
        // 1 800 EUR a month falls in the band from 1 600 EUR: 45 EUR.
        assertThat(intake.validate(paying(180_000, 4_500), MAY)).isEqualTo(Outcome.accepted(
                new FundingCredit("ssa-members", SourceKind.CONTRIBUTIONS, MAY, 4_500, "c-0001")));
    }

    @Test
    void validate_noIncome_oneEuro() {
        assertThat(intake.validate(paying(0, 100), MAY)).isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void validate_paidBelowTheBand_scaleMismatch() {
        ContributionRejection r = rejection(intake.validate(paying(180_000, 4_499), MAY));

        assertThat(r.code()).isEqualTo(Code.SCALE_MISMATCH);
        assertThat(r.message()).isEqualTo(
                "paidCents=4499: below the 4500 cents the scale asks for a monthly income of 180000 cents");
    }

    @Test
    void validate_paidAboveTheBandUpToTheMaximum_acceptedAsSolidarity() {
        assertThat(intake.validate(paying(0, 15_000), MAY)).isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void validate_paidAboveTheScaleMaximum_scaleMismatch() {
        ContributionRejection r = rejection(intake.validate(paying(900_000, 150_000), MAY));

        assertThat(r.code()).isEqualTo(Code.SCALE_MISMATCH);
        assertThat(r.message()).contains("above the scale's maximum of 15000 cents");
    }

    @Test
    void validate_negativeIncome_negativeIncome() {
        assertThat(rejection(intake.validate(paying(-1, 100), MAY)).code()).isEqualTo(Code.NEGATIVE_INCOME);
    }

    @Test
    void validate_incomeBeyondLimit_amountOverflow() {
        assertThat(rejection(intake.validate(paying(Long.MAX_VALUE, 15_000), MAY)).code())
                .isEqualTo(Code.AMOUNT_OVERFLOW);
    }

    @Test
    void validate_nothingPaid_nonPositiveAmount() {
        assertThat(rejection(intake.validate(paying(0, 0), MAY)).code()).isEqualTo(Code.NON_POSITIVE_AMOUNT);
    }

    @Test
    void validate_memberRefIsAnEmailAddress_invalidMemberRef() {
        MemberContribution c = new MemberContribution("c-0001", MAY, "jeanne@example.org", 0, 100);

        ContributionRejection r = rejection(intake.validate(c, MAY));

        assertThat(r.code()).isEqualTo(Code.INVALID_MEMBER_REF);
        assertThat(r.field()).isEqualTo("memberRef");
    }

    @Test
    void validate_invalidContributionId_invalidId() {
        MemberContribution c = new MemberContribution("", MAY, MEMBER, 0, 100);

        assertThat(rejection(intake.validate(c, MAY)).code()).isEqualTo(Code.INVALID_ID);
    }

    @Test
    void validate_lateWithinWindow_acceptedAndOlder_periodClosed() {
        assertThat(intake.validate(paying(0, 100), MAY.plusMonths(1))).isInstanceOf(Outcome.Accepted.class);
        assertThat(rejection(intake.validate(paying(0, 100), MAY.plusMonths(2))).code()).isEqualTo(Code.PERIOD_CLOSED);
    }

    @Test
    void validate_futureMonth_periodNotOpen() {
        assertThat(rejection(intake.validate(paying(0, 100), MAY.minusMonths(1))).code())
                .isEqualTo(Code.PERIOD_NOT_OPEN);
    }
}
