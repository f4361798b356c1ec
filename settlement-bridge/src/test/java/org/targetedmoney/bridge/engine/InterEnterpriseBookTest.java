package org.targetedmoney.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.contribution.ContributionCalendar;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.contribution.FirmNet;
import org.targetedmoney.bridge.contribution.FundSettlement;
import org.targetedmoney.bridge.contribution.InterEnterpriseFund;
import org.targetedmoney.bridge.journal.JournalCodec;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;

/**
 * The inter-enterprise fund driven through {@link BridgeEngine#apply}: firms declare (value added, FTE), the
 * ledger's clock closes their month once past the late window, the settlement nets each firm and the firms the
 * fund owes are paid by one payment order from the fund's account. The three firms are those of
 * {@link org.targetedmoney.bridge.contribution.FundPeriod}'s worked example (25 %, equal share).
 */
class InterEnterpriseBookTest {
    static final String FIRM_A = "111111118";
    static final String FIRM_B = "222222226";
    static final String FIRM_C = "333333334";
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    static final ContributionCalendar ONE_LATE_MONTH = new ContributionCalendar(1, 1);
    static final FirmPayee PAYEE_A = new FirmPayee("Atelier A", "FR7630006000011234567890189", "");
    static final FirmPayee PAYEE_B = new FirmPayee("Boulangerie B", "DE89370400440532013000", "COBADEFFXXX");
    static final FirmPayee PAYEE_C = new FirmPayee("Cooperative C", "FR1420041010050500013M02606", "PSSTFRPPMON");

    private long nextBlock = 1;

    static BridgeEngine engine(InterEnterpriseFund fund) {
        return new BridgeEngine(SettlementWindow.DAILY, new BatchBuilder(SettlementMode.NET),
                new FundingBook(BridgeEngineTest.plan(0)), Map.of(),
                Optional.of(new InterEnterpriseBook(fund, ONE_LATE_MONTH)));
    }

    static InterEnterpriseFund equalShare() {
        return InterEnterpriseFund.equalShare("inter-enterprise-fund", 2_500);
    }

    static long secondOf(YearMonth month, int day) {
        return month.atDay(day).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    static BridgeInput.FirmDeclared declared(String id, YearMonth period, String firm, long valueAddedCents,
                                             long fteHundredths, FirmPayee payee) {
        return new BridgeInput.FirmDeclared(new FirmDeclaration(id, period, firm, valueAddedCents, fteHundredths),
                false, payee);
    }

    static BridgeInput.FirmDeclared corrected(String id, YearMonth period, String firm, long valueAddedCents,
                                              long fteHundredths, FirmPayee payee) {
        return new BridgeInput.FirmDeclared(new FirmDeclaration(id, period, firm, valueAddedCents, fteHundredths),
                true, payee);
    }

    /** The ledger's head moves to {@code seconds} (no lines). */
    private BridgeInput.LinesRead head(long seconds) {
        nextBlock += 10;
        return new BridgeInput.LinesRead(List.of(), nextBlock, 0, nextBlock - 1, seconds);
    }

    /** Applies {@code inputs} in order, keeping them as the journal would (refused ones are not journaled). */
    static List<BridgeInput> applyAll(BridgeEngine e, List<BridgeInput> journal, BridgeInput... inputs) {
        for (BridgeInput in : inputs) {
            if (!(e.apply(in) instanceof Applied.Refused)) {
                journal.add(in);
            }
        }
        return journal;
    }

    private List<BridgeInput> novemberExample(BridgeEngine e) {
        return applyAll(e, new ArrayList<>(), head(secondOf(NOVEMBER, 10)),
                declared("a-1", NOVEMBER, FIRM_A, 10_000_000, 1_000, PAYEE_A),
                declared("b-1", NOVEMBER, FIRM_B, 2_000_000, 500, PAYEE_B),
                declared("c-1", NOVEMBER, FIRM_C, -500_000, 250, PAYEE_C));
    }

    private static InterEnterpriseBook fund(BridgeEngine e) {
        return e.interEnterprise().orElseThrow();
    }

    private static InterEnterpriseBook.Statement statement(BridgeEngine e, YearMonth period) {
        return fund(e).statement(period).orElseThrow();
    }

    private static String code(Applied applied) {
        assertThat(applied).isInstanceOf(Applied.Refused.class);
        return ((Applied.Refused) applied).code();
    }

    @Test
    void apply_declaration_acceptedWithItsContributionAndAllowanceLeftToTheClose() {
        BridgeEngine e = engine(equalShare());
        e.apply(head(secondOf(NOVEMBER, 10)));

        Applied applied = e.apply(declared("a-1", NOVEMBER, FIRM_A, 10_000_000, 1_000, PAYEE_A));

        assertThat(applied).isEqualTo(new Applied.Declared(new FirmDeclaration("a-1", NOVEMBER, FIRM_A, 10_000_000,
                1_000), Applied.Declared.Kind.ACCEPTED, 2_500_000, OptionalLong.empty()));
        assertThat(fund(e).openPeriods()).containsExactly(NOVEMBER);
        assertThat(statement(e, NOVEMBER).closed()).isFalse();
    }

    @Test
    void apply_declarationToFixedFund_answersItsAllowance() {
        BridgeEngine e = engine(InterEnterpriseFund.fixed("inter-enterprise-fund", 2_500, 150_000));
        e.apply(head(secondOf(NOVEMBER, 10)));

        Applied applied = e.apply(declared("b-1", NOVEMBER, FIRM_B, 2_000_000, 500, PAYEE_B));

        assertThat(applied).isInstanceOfSatisfying(Applied.Declared.class, d -> {
            assertThat(d.contributionCents()).isEqualTo(500_000);
            assertThat(d.allowanceCents()).hasValue(750_000); // 1 500 EUR x 5 FTE
        });
    }

    @Test
    void apply_sameDeclarationAgain_replayedAndNothingChanges() {
        BridgeEngine e = engine(equalShare());
        novemberExample(e);
        FundSettlement before = statement(e, NOVEMBER).settlement();

        Applied again = e.apply(declared("b-1", NOVEMBER, FIRM_B, 2_000_000, 500, PAYEE_B));
        Applied otherBank = e.apply(declared("b-1", NOVEMBER, FIRM_B, 2_000_000, 500, PAYEE_C));

        assertThat(again).isInstanceOfSatisfying(Applied.Declared.class,
                d -> assertThat(d.kind()).isEqualTo(Applied.Declared.Kind.REPLAYED));
        assertThat(code(otherBank)).isEqualTo("ID_REUSED");
        assertThat(statement(e, NOVEMBER).settlement()).isEqualTo(before);
    }

    @Test
    void apply_refusedDeclarations_changeNothing() {
        BridgeEngine e = engine(equalShare());
        novemberExample(e);
        InterEnterpriseBook.Statement before = statement(e, NOVEMBER);

        assertThat(code(e.apply(declared("x-1", NOVEMBER, "111111111", 1, 1, PAYEE_A)))).isEqualTo("INVALID_FIRM_ID");
        assertThat(code(e.apply(declared("a-2", NOVEMBER, FIRM_A, 1, 1, PAYEE_A)))).isEqualTo("DUPLICATE_DECLARATION");
        assertThat(code(e.apply(corrected("d-1", NOVEMBER, "444444442", 1, 1, PAYEE_A))))
                .isEqualTo("NOTHING_TO_CORRECT");
        assertThat(code(e.apply(declared("a-1", NOVEMBER, FIRM_A, 1, 1, PAYEE_A)))).isEqualTo("ID_REUSED");
        assertThat(code(e.apply(declared("a-9", NOVEMBER.minusMonths(2), FIRM_A, 1, 1, PAYEE_A))))
                .isEqualTo("PERIOD_CLOSED");
        assertThat(code(e.apply(declared("a-9", NOVEMBER.plusMonths(2), FIRM_A, 1, 1, PAYEE_A))))
                .isEqualTo("PERIOD_NOT_OPEN");
        assertThat(code(e.apply(declared("a-9", NOVEMBER, FIRM_A, 1, -1, PAYEE_A)))).isEqualTo("NEGATIVE_FTE");

        assertThat(statement(e, NOVEMBER)).isEqualTo(before);
        assertThat(fund(e).openPeriods()).containsExactly(NOVEMBER); // a refused first declaration opens nothing
    }

    @Test
    void apply_declarationWithoutFund_refusedNotConfigured() {
        BridgeEngine e = BridgeEngineTest.engine(0, Map.of());
        e.apply(head(secondOf(NOVEMBER, 10)));
        BridgeView before = e.view();

        assertThat(code(e.apply(declared("a-1", NOVEMBER, FIRM_A, 1, 1, PAYEE_A)))).isEqualTo("NOT_CONFIGURED");
        assertThat(e.view()).isEqualTo(before);
        assertThat(e.interEnterprise()).isEmpty();
    }

    @Test
    void apply_correction_replacesTheFirmsFiguresAndBankDetails() {
        BridgeEngine e = engine(equalShare());
        novemberExample(e);
        FirmPayee newBank = new FirmPayee("Boulangerie B", "FR7630006000011234567890189", "");

        Applied applied = e.apply(corrected("b-2", NOVEMBER, FIRM_B, 3_000_000, 500, newBank));
        e.apply(head(secondOf(NOVEMBER.plusMonths(2), 1)));

        assertThat(applied).isInstanceOfSatisfying(Applied.Declared.class,
                d -> assertThat(d.kind()).isEqualTo(Applied.Declared.Kind.CORRECTED));
        InterEnterpriseBook.Statement s = statement(e, NOVEMBER);
        assertThat(s.settlement().firms()).filteredOn(f -> f.firmId().equals(FIRM_B))
                .singleElement().satisfies(f -> assertThat(f.declarationId()).isEqualTo("b-2"));
        assertThat(s.payoutOrders().getFirst().items()).filteredOn(i -> i.firmId().equals(FIRM_B))
                .singleElement().satisfies(i -> {
                    assertThat(i.payee()).isEqualTo(newBank);
                    // Pool 2 500 000 + 750 000 over 1 750 hundredths: 1 857 each; B gets 928 500 - 750 000.
                    assertThat(i.amountCents()).isEqualTo(178_500);
                });
    }

    @Test
    void apply_ledgerPassesMonthAndLateMonth_periodClosesWithTheNetsAndOnePayoutOrder() {
        BridgeEngine e = engine(equalShare());
        novemberExample(e);

        e.apply(head(secondOf(DECEMBER, 31))); // December: November is still in its late month
        assertThat(statement(e, NOVEMBER).closed()).isFalse();
        long closingTime = secondOf(DECEMBER.plusMonths(1), 1) + 3_600;
        e.apply(head(closingTime));

        InterEnterpriseBook.Statement s = statement(e, NOVEMBER);
        assertThat(s.closed()).isTrue();
        assertThat(s.settlement().firms()).containsExactly(
                new FirmNet(FIRM_A, "a-1", 1_000, 2_500_000, 1_714_000, 786_000),
                new FirmNet(FIRM_B, "b-1", 500, 500_000, 857_000, -357_000),
                new FirmNet(FIRM_C, "c-1", 250, 0, 428_500, -428_500));
        assertThat(s.settlement().carriedOutCents()).isEqualTo(500);
        FundPayoutOrder order = s.payoutOrders().getFirst();
        assertThat(s.payoutOrders()).hasSize(1);
        assertThat(order.messageId()).isEqualTo("IEF-2026-11-0001");
        assertThat(order.createdAtSeconds()).isEqualTo(closingTime);
        assertThat(order.executionDate()).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(order.totalCents()).isEqualTo(357_000 + 428_500);
        assertThat(order.items()).extracting(FundPayoutOrder.Item::firmId, FundPayoutOrder.Item::endToEndId,
                FundPayoutOrder.Item::amountCents, FundPayoutOrder.Item::payee).containsExactly(
                tuple(FIRM_B, "ief-2026-11-" + FIRM_B, 357_000L, PAYEE_B),
                tuple(FIRM_C, "ief-2026-11-" + FIRM_C, 428_500L, PAYEE_C));
        assertThat(fund(e).openPeriods()).isEmpty();
        assertThat(code(e.apply(declared("a-3", NOVEMBER, FIRM_A, 1, 1, PAYEE_A)))).isEqualTo("PERIOD_CLOSED");
    }

    @Test
    void close_monthOpenedInItsPredecessorsLateWindow_carriesThePredecessorsBalance() {
        BridgeEngine e = engine(equalShare());
        novemberExample(e);
        e.apply(head(secondOf(DECEMBER, 5)));
        e.apply(declared("a-12", DECEMBER, FIRM_A, 10_000_000, 1_000, PAYEE_A)); // opened while November is open
        e.apply(declared("b-12", DECEMBER, FIRM_B, 1_000_000, 300, PAYEE_B));
        assertThat(statement(e, DECEMBER).settlement().carriedInCents()).isZero();

        e.apply(head(secondOf(DECEMBER.plusMonths(1), 3))); // November closes, carrying 500 cents out
        assertThat(statement(e, DECEMBER).settlement().carriedInCents()).isEqualTo(500); // the preview follows
        e.apply(head(secondOf(DECEMBER.plusMonths(2), 3)));

        FundSettlement december = statement(e, DECEMBER).settlement();
        assertThat(december.carriedInCents()).isEqualTo(500);
        // Pool 2 500 000 + 250 000 + 500 = 2 750 500 over 1 300 hundredths: 2 115 per hundredth, 1 000 left.
        assertThat(december.allowancePerFteCents()).isEqualTo(211_500);
        assertThat(december.carriedOutCents()).isEqualTo(1_000);
        assertThat(fund(e).carriedCents()).isEqualTo(1_000);
        assertThat(statement(e, DECEMBER).payoutOrders()).extracting(FundPayoutOrder::messageId)
                .containsExactly("IEF-2026-12-0001");
    }

    @Test
    void close_payoutAboveTheSepaCeiling_splitIntoParts() {
        BridgeEngine e = engine(InterEnterpriseFund.fixed("inter-enterprise-fund", 2_500,
                InterEnterpriseFund.MAX_FIXED_ALLOWANCE_CENTS_PER_FTE));
        e.apply(head(secondOf(NOVEMBER, 10)));
        e.apply(declared("a-1", NOVEMBER, FIRM_A, 0, 100_000, PAYEE_A)); // 1 000 FTE x 1 000 000 EUR

        e.apply(head(secondOf(NOVEMBER.plusMonths(2), 1)));

        FundPayoutOrder order = statement(e, NOVEMBER).payoutOrders().getFirst();
        assertThat(order.items()).extracting(FundPayoutOrder.Item::endToEndId, FundPayoutOrder.Item::amountCents)
                .containsExactly(tuple("ief-2026-11-" + FIRM_A + "-1",
                                InterEnterpriseBook.MAX_TRANSFER_CENTS),
                        tuple("ief-2026-11-" + FIRM_A + "-2", 1L));
        assertThat(order.totalCents()).isEqualTo(100_000_000_000L);
        assertThat(order.items()).allSatisfy(i -> assertThat(i.remittance()).endsWith("/2").hasSizeLessThan(141));
    }

    @Test
    void replay_journalThroughTheCodec_givesTheSameFundState() {
        BridgeEngine e = engine(equalShare());
        List<BridgeInput> journal = novemberExample(e);
        applyAll(e, journal, head(secondOf(DECEMBER, 5)),
                declared("a-12", DECEMBER, FIRM_A, 10_000_000, 1_000, PAYEE_A),
                corrected("a-13", DECEMBER, FIRM_A, 9_000_000, 1_000, PAYEE_A),
                declared("a-12", DECEMBER, FIRM_A, 1, 1, PAYEE_A), // refused: not journaled
                head(secondOf(DECEMBER.plusMonths(1), 3)));

        BridgeEngine replayed = engine(equalShare());
        for (BridgeInput in : journal) {
            assertThat(replayed.apply(JournalCodec.decode(JournalCodec.encode(in))))
                    .isNotInstanceOf(Applied.Refused.class);
        }

        for (YearMonth m : List.of(NOVEMBER, DECEMBER)) {
            assertThat(statement(replayed, m)).isEqualTo(statement(e, m));
        }
        assertThat(fund(replayed).orders()).isEqualTo(fund(e).orders()).hasSize(1);
        assertThat(fund(replayed).carriedCents()).isEqualTo(fund(e).carriedCents());
    }
}
