package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

class FundPeriodTest {
    static final String FIRM_A = "111111118";
    static final String FIRM_B = "222222226";
    static final String FIRM_C = "333333334";
    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final String ACCOUNT = "inter-enterprise-fund";
    static final ContributionCalendar CALENDAR = new ContributionCalendar(1, 1);

    private final InterEnterpriseFund equalShare = InterEnterpriseFund.equalShare(ACCOUNT, 2_500);
    private final FundPeriod march = FundPeriod.open(equalShare, CALENDAR, MARCH, 0);

    static FirmDeclaration decl(String id, String firm, long valueAddedCents, long fteHundredths) {
        return new FirmDeclaration(id, MARCH, firm, valueAddedCents, fteHundredths);
    }

    /** The three firms of {@link FundPeriod}'s worked example. */
    static void declareExample(FundPeriod period) {
        assertThat(period.declare(decl("a-1", FIRM_A, 10_000_000, 1_000), MARCH))
                .isInstanceOf(DeclarationOutcome.Accepted.class);
        assertThat(period.declare(decl("b-1", FIRM_B, 2_000_000, 500), MARCH))
                .isInstanceOf(DeclarationOutcome.Accepted.class);
        assertThat(period.declare(decl("c-1", FIRM_C, -500_000, 250), MARCH))
                .isInstanceOf(DeclarationOutcome.Accepted.class);
    }

    static ContributionRejection rejection(DeclarationOutcome outcome) {
        assertThat(outcome).isInstanceOf(DeclarationOutcome.Rejected.class);
        return ((DeclarationOutcome.Rejected) outcome).rejection();
    }

    @Test
    void close_equalShareThreeFirms_nettedAsInTheWorkedExample() {
        declareExample(march);

        FundSettlement s = march.close();

        // Pool 3 000 000 cents over 1 750 hundredths of FTE: 1 714 cents per hundredth, 500 cents left over.
        assertThat(s.allowancePerFteCents()).isEqualTo(171_400);
        assertThat(s.firms()).containsExactly(
                new FirmNet(FIRM_A, "a-1", 1_000, 2_500_000, 1_714_000, 786_000),
                new FirmNet(FIRM_B, "b-1", 500, 500_000, 857_000, -357_000),
                new FirmNet(FIRM_C, "c-1", 250, 0, 428_500, -428_500));
        assertThat(s.totalContributionsCents()).isEqualTo(3_000_000);
        assertThat(s.totalAllowancesCents()).isEqualTo(2_999_500);
        assertThat(s.carriedInCents()).isZero();
        assertThat(s.carriedOutCents()).isEqualTo(500);
        assertThat(s.shortfallCents()).isZero();
    }

    @Test
    void fundingCreditsAndPayouts_equalShareExample_firmsPayOrArePaidTheirNet() {
        declareExample(march);
        FundSettlement s = march.close();

        assertThat(s.fundingCredits()).containsExactly(
                new FundingCredit(ACCOUNT, SourceKind.CONTRIBUTIONS, MARCH, 786_000, "ief-2025-03-" + FIRM_A));
        assertThat(s.payouts()).containsExactly(
                new FirmPayout(FIRM_B, MARCH, ACCOUNT, 357_000, "ief-2025-03-" + FIRM_B),
                new FirmPayout(FIRM_C, MARCH, ACCOUNT, 428_500, "ief-2025-03-" + FIRM_C));
        // What stays in the fund's account is what is carried: 786 000 - 785 500 = 500.
    }

    @Test
    void close_fixedAllowance_surplusCarriedOut() {
        FundPeriod fixed = FundPeriod.open(InterEnterpriseFund.fixed(ACCOUNT, 2_500, 150_000), CALENDAR, MARCH, 0);
        declareExample(fixed);

        FundSettlement s = fixed.close();

        assertThat(s.allowanceMode()).isEqualTo(AllowanceMode.FIXED);
        assertThat(s.firms()).extracting(FirmNet::allowanceCents).containsExactly(1_500_000L, 750_000L, 375_000L);
        assertThat(s.firms()).extracting(FirmNet::netCents).containsExactly(1_000_000L, -250_000L, -375_000L);
        assertThat(s.carriedOutCents()).isEqualTo(375_000);
        assertThat(s.shortfallCents()).isZero();
    }

    @Test
    void close_fixedAllowanceAboveContributions_shortfallReported() {
        FundPeriod fixed = FundPeriod.open(InterEnterpriseFund.fixed(ACCOUNT, 2_500, 300_000), CALENDAR, MARCH, 100_000);
        declareExample(fixed);

        FundSettlement s = fixed.close();

        // Allowances 3 000 000 + 1 500 000 + 750 000 = 5 250 000 against 3 000 000 collected and 100 000 held.
        assertThat(s.totalAllowancesCents()).isEqualTo(5_250_000);
        assertThat(s.carriedOutCents()).isEqualTo(-2_150_000);
        assertThat(s.shortfallCents()).isEqualTo(2_150_000);
    }

    @Test
    void close_equalShareWithCarriedIn_carriedInIsShared() {
        FundPeriod april = FundPeriod.open(equalShare, CALENDAR, MARCH, 1_250);
        declareExample(april);

        FundSettlement s = april.close();

        // (3 000 000 + 1 250) / 1 750 = 1 715 exactly: what was carried in lifts the share by a cent per hundredth.
        assertThat(s.allowancePerFteCents()).isEqualTo(171_500);
        assertThat(s.totalAllowancesCents()).isEqualTo(3_001_250);
        assertThat(s.carriedOutCents()).isZero();
        assertThat(s.totalContributionsCents() + s.carriedInCents())
                .isEqualTo(s.totalAllowancesCents() + s.carriedOutCents());
    }

    @Test
    void close_noFte_everythingCarried() {
        march.declare(decl("a-1", FIRM_A, 10_000_000, 0), MARCH);

        FundSettlement s = march.close();

        assertThat(s.totalAllowancesCents()).isZero();
        assertThat(s.carriedOutCents()).isEqualTo(2_500_000);
        assertThat(s.fundingCredits()).extracting(FundingCredit::amountCents).containsExactly(2_500_000L);
        assertThat(s.payouts()).isEmpty();
    }

    @Test
    void close_noDeclaration_carriedInPassesThrough() {
        FundSettlement s = FundPeriod.open(equalShare, CALENDAR, MARCH, 7_000).close();

        assertThat(s.firms()).isEmpty();
        assertThat(s.carriedOutCents()).isEqualTo(7_000);
    }

    @Test
    void declare_lossMakingMonth_owesNothingAndStillReceivesItsAllowance() {
        march.declare(decl("a-1", FIRM_A, 4_000_000, 100), MARCH);
        march.declare(decl("c-1", FIRM_C, -9_000_000, 100), MARCH);

        FirmNet lossMaking = march.close().firms().get(1);

        assertThat(lossMaking.contributionCents()).isZero();
        assertThat(lossMaking.allowanceCents()).isEqualTo(500_000);
        assertThat(lossMaking.netCents()).isEqualTo(-500_000);
    }

    @Test
    void declare_secondDeclarationForSameFirm_duplicateDeclaration() {
        march.declare(decl("a-1", FIRM_A, 10_000_000, 1_000), MARCH);

        ContributionRejection r = rejection(march.declare(decl("a-2", FIRM_A, 12_000_000, 1_000), MARCH));

        assertThat(r.code()).isEqualTo(Code.DUPLICATE_DECLARATION);
        assertThat(r.message()).isEqualTo("firmId=\"111111118\": already declared for 2025-03 as \"a-1\": send a correction");
        assertThat(march.declarationOf(FIRM_A)).get().extracting(FirmDeclaration::declarationId).isEqualTo("a-1");
    }

    @Test
    void correct_firmWithDeclaration_replacesIt() {
        declareExample(march);
        FirmDeclaration fixedUp = decl("a-2", FIRM_A, 12_000_000, 1_000);

        DeclarationOutcome outcome = march.correct(fixedUp, MARCH);

        assertThat(outcome).isEqualTo(new DeclarationOutcome.Corrected(decl("a-1", FIRM_A, 10_000_000, 1_000), fixedUp));
        assertThat(march.declarations()).hasSize(3).contains(fixedUp);
        assertThat(march.close().totalContributionsCents()).isEqualTo(3_000_000 + 500_000);
    }

    @Test
    void correct_firmWithoutDeclaration_nothingToCorrect() {
        assertThat(rejection(march.correct(decl("a-1", FIRM_A, 1, 1), MARCH)).code()).isEqualTo(Code.NOTHING_TO_CORRECT);
        assertThat(march.declarations()).isEmpty();
    }

    @Test
    void declare_sameIdSameContent_replayChangesNothing() {
        FirmDeclaration d = decl("a-1", FIRM_A, 10_000_000, 1_000);
        march.declare(d, MARCH);
        FundSettlement before = march.preview();

        assertThat(march.declare(d, MARCH)).isEqualTo(new DeclarationOutcome.Replayed(d));
        assertThat(march.correct(d, MARCH)).isEqualTo(new DeclarationOutcome.Replayed(d));
        assertThat(march.preview()).isEqualTo(before);
    }

    @Test
    void declare_replayOfSupersededDeclaration_replayedAndCorrectionStays() {
        FirmDeclaration first = decl("a-1", FIRM_A, 10_000_000, 1_000);
        FirmDeclaration correction = decl("a-2", FIRM_A, 8_000_000, 1_000);
        march.declare(first, MARCH);
        march.correct(correction, MARCH);

        assertThat(march.declare(first, MARCH)).isEqualTo(new DeclarationOutcome.Replayed(first));
        assertThat(march.declarationOf(FIRM_A)).contains(correction);
    }

    @Test
    void declare_sameIdOtherContent_idReused() {
        march.declare(decl("a-1", FIRM_A, 10_000_000, 1_000), MARCH);

        ContributionRejection r = rejection(march.declare(decl("a-1", FIRM_B, 10_000_000, 1_000), MARCH));

        assertThat(r.code()).isEqualTo(Code.ID_REUSED);
        assertThat(r.field()).isEqualTo("declarationId");
        assertThat(march.declarations()).hasSize(1);
    }

    @Test
    void declare_afterClose_periodClosedButReplayStillRecognised() {
        FirmDeclaration d = decl("a-1", FIRM_A, 10_000_000, 1_000);
        march.declare(d, MARCH);
        FundSettlement settled = march.close();

        assertThat(rejection(march.declare(decl("b-1", FIRM_B, 1, 1), MARCH)).code()).isEqualTo(Code.PERIOD_CLOSED);
        assertThat(rejection(march.correct(decl("a-2", FIRM_A, 1, 1), MARCH)).code()).isEqualTo(Code.PERIOD_CLOSED);
        assertThat(march.declare(d, MARCH)).isInstanceOf(DeclarationOutcome.Replayed.class);
        assertThat(march.close()).isSameAs(settled);
        assertThat(march.isClosed()).isTrue();
    }

    @Test
    void declare_periodPastTheLateWindow_periodClosed() {
        ContributionRejection r = rejection(march.declare(decl("a-1", FIRM_A, 1, 1), YearMonth.of(2025, 5)));

        assertThat(r.code()).isEqualTo(Code.PERIOD_CLOSED);
        assertThat(r.field()).isEqualTo("period");
    }

    @Test
    void declare_periodBeyondTheHorizon_periodNotOpen() {
        assertThat(rejection(march.declare(decl("a-1", FIRM_A, 1, 1), YearMonth.of(2025, 1))).code())
                .isEqualTo(Code.PERIOD_NOT_OPEN);
    }

    @Test
    void declare_otherOpenPeriod_wrongPeriod() {
        FirmDeclaration april = new FirmDeclaration("a-1", MARCH.plusMonths(1), FIRM_A, 1, 1);

        assertThat(rejection(march.declare(april, MARCH)).code()).isEqualTo(Code.WRONG_PERIOD);
    }

    @Test
    void declare_invalidSiren_invalidFirmId() {
        ContributionRejection r = rejection(march.declare(decl("a-1", "111111111", 1, 1), MARCH));

        assertThat(r.code()).isEqualTo(Code.INVALID_FIRM_ID);
        assertThat(r.message()).contains("firmId=\"111111111\"");
    }

    @Test
    void declare_negativeFte_negativeFte() {
        ContributionRejection r = rejection(march.declare(decl("a-1", FIRM_A, 1, -1), MARCH));

        assertThat(r.code()).isEqualTo(Code.NEGATIVE_FTE);
        assertThat(r.message()).isEqualTo("fteHundredths=-1: full-time equivalents cannot be negative");
    }

    @Test
    void declare_fteAboveLimit_fteTooLarge() {
        assertThat(rejection(march.declare(decl("a-1", FIRM_A, 1, FirmDeclaration.MAX_FTE_HUNDREDTHS + 1), MARCH))
                .code()).isEqualTo(Code.FTE_TOO_LARGE);
        assertThat(march.declare(decl("a-1", FIRM_A, 1, FirmDeclaration.MAX_FTE_HUNDREDTHS), MARCH))
                .isInstanceOf(DeclarationOutcome.Accepted.class);
    }

    @Test
    void declare_longMaxValueAdded_amountOverflow() {
        ContributionRejection r = rejection(march.declare(decl("a-1", FIRM_A, Long.MAX_VALUE, 100), MARCH));

        assertThat(r.code()).isEqualTo(Code.AMOUNT_OVERFLOW);
        assertThat(r.message()).startsWith("valueAddedCents=9223372036854775807: beyond the limit");
        assertThat(rejection(march.declare(decl("a-1", FIRM_A, Long.MIN_VALUE, 100), MARCH)).code())
                .isEqualTo(Code.AMOUNT_OVERFLOW);
        assertThat(march.declarations()).isEmpty();
    }

    @Test
    void declare_periodTotalBeyondCeiling_amountOverflowAndNothingChanges() {
        InterEnterpriseFund all = InterEnterpriseFund.equalShare(ACCOUNT, InterEnterpriseFund.BASIS_POINTS);
        FundPeriod big = FundPeriod.open(all, CALENDAR, MARCH, FundPeriod.MAX_PERIOD_TOTAL_CENTS - 1);
        FundSettlement before = big.preview();

        ContributionRejection r = rejection(big.declare(decl("a-1", FIRM_A, 2, 100), MARCH));

        assertThat(r.code()).isEqualTo(Code.AMOUNT_OVERFLOW);
        assertThat(r.message()).contains("total contributions");
        assertThat(big.preview()).isEqualTo(before);
        assertThat(big.declare(decl("a-1", FIRM_A, 1, 100), MARCH)).isInstanceOf(DeclarationOutcome.Accepted.class);
    }

    @Test
    void declare_invalidDeclarationId_invalidId() {
        assertThat(rejection(march.declare(decl("a 1", FIRM_A, 1, 1), MARCH)).code()).isEqualTo(Code.INVALID_ID);
    }

    @Test
    void preview_openPeriod_sameAsCloseWithoutClosing() {
        declareExample(march);

        FundSettlement preview = march.preview();

        assertThat(march.isClosed()).isFalse();
        assertThat(march.close()).isEqualTo(preview);
        assertThat(preview.totalFteHundredths()).isEqualTo(1_750);
    }

    @Test
    void declarations_anyOrder_sortedByFirm() {
        march.declare(decl("c-1", FIRM_C, 1, 1), MARCH);
        march.declare(decl("a-1", FIRM_A, 1, 1), MARCH);

        assertThat(march.declarations()).extracting(FirmDeclaration::firmId).containsExactly(FIRM_A, FIRM_C);
        assertThat(march.close().firms()).extracting(FirmNet::firmId).isEqualTo(List.of(FIRM_A, FIRM_C));
    }
}
