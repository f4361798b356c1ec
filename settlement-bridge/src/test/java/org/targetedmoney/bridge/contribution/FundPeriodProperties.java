package org.targetedmoney.bridge.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.targetedmoney.bridge.funding.FundingCredit;

/**
 * Whatever firms declare: the fund neither creates nor loses a cent, every firm's net is its contribution less its
 * allowance, every hundredth of FTE gets the same share, and the order of declarations does not matter.
 */
class FundPeriodProperties {
    private static final YearMonth MARCH = YearMonth.of(2025, 3);
    private static final ContributionCalendar CALENDAR = new ContributionCalendar(0, 0);
    private static final String ACCOUNT = "inter-enterprise-fund";

    @Provide
    Arbitrary<List<FirmDeclaration>> declarations() {
        Arbitrary<Long> valueAdded = Arbitraries.oneOf(
                Arbitraries.longs().between(-FirmDeclaration.MAX_ABS_VALUE_ADDED_CENTS,
                        FirmDeclaration.MAX_ABS_VALUE_ADDED_CENTS),
                Arbitraries.longs().between(-5_000_000, 50_000_000));
        Arbitrary<Long> fte = Arbitraries.oneOf(Arbitraries.longs().between(0, FirmDeclaration.MAX_FTE_HUNDREDTHS),
                Arbitraries.longs().between(0, 5_000));
        return Combinators.combine(Arbitraries.integers().between(1, 99_999_999), valueAdded, fte)
                .as((prefix, va, f) -> new FirmDeclaration("d-" + prefix, MARCH,
                        SirenProperties.withCheckDigit(String.format("%08d", prefix)), va, f))
                .list().ofMaxSize(30).uniqueElements(FirmDeclaration::firmId);
    }

    static FundSettlement settle(InterEnterpriseFund fund, long carriedIn, List<FirmDeclaration> declarations) {
        FundPeriod period = FundPeriod.open(fund, CALENDAR, MARCH, carriedIn);
        for (FirmDeclaration d : declarations) {
            assertThat(period.declare(d, MARCH)).isInstanceOf(DeclarationOutcome.Accepted.class);
        }
        return period.close();
    }

    @Property
    void close_equalShare_conservesMoneyAndSharesEquallyPerHundredth(
            @ForAll("declarations") List<FirmDeclaration> declarations,
            @ForAll @IntRange(min = 0, max = 10_000) int rate,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long carriedIn) {
        FundSettlement s = settle(InterEnterpriseFund.equalShare(ACCOUNT, rate), carriedIn, declarations);

        assertThat(s.totalContributionsCents() + s.carriedInCents())
                .isEqualTo(s.totalAllowancesCents() + s.carriedOutCents());
        assertThat(s.carriedOutCents()).isNotNegative();
        if (s.totalFteHundredths() > 0) {
            assertThat(s.carriedOutCents()).isLessThan(s.totalFteHundredths());
        }
        assertThat(s.allowancePerFteCents() % 100).isZero();
        long perHundredth = s.allowancePerFteCents() / 100;
        assertThat(s.firms()).allSatisfy(f -> assertThat(f.allowanceCents()).isEqualTo(perHundredth * f.fteHundredths()));
    }

    @Property
    void close_fixed_conservesMoneyWithSurplusOrShortfall(
            @ForAll("declarations") List<FirmDeclaration> declarations,
            @ForAll @IntRange(min = 0, max = 10_000) int rate,
            @ForAll @LongRange(min = 0, max = 1_000_000) long allowancePerFte,
            @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long carriedIn) {
        FundSettlement s = settle(InterEnterpriseFund.fixed(ACCOUNT, rate, allowancePerFte), carriedIn, declarations);

        assertThat(s.totalContributionsCents() + s.carriedInCents())
                .isEqualTo(s.totalAllowancesCents() + s.carriedOutCents());
        assertThat(s.shortfallCents()).isEqualTo(Math.max(0, -s.carriedOutCents()));
        assertThat(s.firms()).allSatisfy(f ->
                assertThat(f.allowanceCents()).isEqualTo(allowancePerFte * f.fteHundredths() / 100));
    }

    @Property
    void close_anyMode_netIsContributionLessAllowanceAndMoneyMovesNet(
            @ForAll("declarations") List<FirmDeclaration> declarations,
            @ForAll @IntRange(min = 0, max = 10_000) int rate,
            @ForAll boolean fixed) {
        InterEnterpriseFund fund = fixed ? InterEnterpriseFund.fixed(ACCOUNT, rate, 180_000)
                : InterEnterpriseFund.equalShare(ACCOUNT, rate);
        FundSettlement s = settle(fund, 0, declarations);

        for (FirmDeclaration d : declarations) {
            FirmNet f = s.firms().stream().filter(n -> n.firmId().equals(d.firmId())).findFirst().orElseThrow();
            BigInteger owed = BigInteger.valueOf(Math.max(0, d.valueAddedCents())).multiply(BigInteger.valueOf(rate))
                    .divide(BigInteger.valueOf(10_000));
            assertThat(f.contributionCents()).isEqualTo(owed.longValueExact());
            assertThat(f.netCents()).isEqualTo(f.contributionCents() - f.allowanceCents());
        }
        long paidIn = s.fundingCredits().stream().mapToLong(FundingCredit::amountCents).sum();
        long paidOut = s.payouts().stream().mapToLong(FirmPayout::amountCents).sum();
        assertThat(paidIn - paidOut).isEqualTo(s.carriedOutCents() - s.carriedInCents());
        assertThat(s.fundingCredits().size() + s.payouts().size())
                .isEqualTo(s.firms().stream().filter(f -> f.netCents() != 0).count());
    }

    @Property
    void close_declarationsAndCorrectionsInAnyOrder_sameSettlement(
            @ForAll("declarations") List<FirmDeclaration> declarations,
            @ForAll("declarations") List<FirmDeclaration> correctionFigures,
            @ForAll Random random) {
        InterEnterpriseFund fund = InterEnterpriseFund.equalShare(ACCOUNT, 2_500);
        // Some firms correct their declaration, with figures borrowed from another generated list.
        List<FirmDeclaration> corrections = new ArrayList<>();
        for (int i = 0; i < Math.min(declarations.size(), correctionFigures.size()); i++) {
            FirmDeclaration d = declarations.get(i);
            FirmDeclaration figures = correctionFigures.get(i);
            corrections.add(new FirmDeclaration(d.declarationId() + "-fix", MARCH, d.firmId(),
                    figures.valueAddedCents(), figures.fteHundredths()));
        }
        FundSettlement inOrder = run(fund, declarations, corrections);

        List<FirmDeclaration> shuffled = new ArrayList<>(declarations);
        Collections.shuffle(shuffled, random);
        List<FirmDeclaration> shuffledCorrections = new ArrayList<>(corrections);
        Collections.shuffle(shuffledCorrections, random);

        assertThat(run(fund, shuffled, shuffledCorrections)).isEqualTo(inOrder);
    }

    /** Declares all, then corrects, each correction interleaved with a replay of an earlier declaration. */
    private static FundSettlement run(InterEnterpriseFund fund, List<FirmDeclaration> declarations,
                                      List<FirmDeclaration> corrections) {
        FundPeriod period = FundPeriod.open(fund, CALENDAR, MARCH, 0);
        declarations.forEach(d -> period.declare(d, MARCH));
        for (int i = 0; i < corrections.size(); i++) {
            assertThat(period.correct(corrections.get(i), MARCH)).isInstanceOf(DeclarationOutcome.Corrected.class);
            assertThat(period.declare(declarations.get(i), MARCH)).isInstanceOf(DeclarationOutcome.Replayed.class);
        }
        return period.close();
    }
}
