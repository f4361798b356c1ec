package org.targetedmoney.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.bridge.settlement.BankOutcome;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.FundingAccount;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FundingPlan;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;

/** The bridge's life cycle on one engine: lines -> batches -> funding -> payment order -> bank -> attestation. */
class BridgeEngineTest {
    static final String SHOP = "0x00000000000000000000000000000000000000aa";
    static final String DOCTOR = "0x00000000000000000000000000000000000000bb";
    static final int FOOD = 2;
    static final int HEALTH = 1;
    /** 2026-11-02T10:00:00Z, and the next day. */
    static final long MONDAY = 1_794_045_600L;
    static final long TUESDAY = MONDAY + 86_400;
    static final String TX = "0x" + "ab".repeat(32);

    static FundingPlan plan(long ceilingCents) {
        return new FundingPlan(List.of(
                new FundingAccount("ssa-members", SourceKind.CONTRIBUTIONS, Set.of(FOOD)),
                new FundingAccount("state", SourceKind.PUBLIC_ACCOUNT, Set.of()),
                new FundingAccount("creation", SourceKind.MONETARY_CREATION, Set.of())), ceilingCents);
    }

    static BridgeEngine engine(long ceilingCents, Map<String, Payee> payees) {
        return new BridgeEngine(SettlementWindow.DAILY, new BatchBuilder(SettlementMode.NET),
                new FundingBook(plan(ceilingCents)), payees);
    }

    static Map<String, Payee> bothPayees() {
        return Map.of(SHOP, new Payee(SHOP, "Epicerie du coin", "FR7630006000011234567890189", ""),
                DOCTOR, new Payee(DOCTOR, "Cabinet medical", "DE89370400440532013000", "COBADEFFXXX"));
    }

    static LedgerLine line(long block, int log, long ts, String provider, int purpose, long cents) {
        return new LedgerLine(block, log, TX, ts, provider, purpose, LineKind.REDEMPTION, cents, block * 10 + log);
    }

    static BridgeInput.LinesRead read(long nextBlock, long headTs, LedgerLine... lines) {
        return new BridgeInput.LinesRead(List.of(lines), nextBlock, 0, nextBlock - 1, headTs);
    }

    static BridgeInput.CreditReceived credit(String account, SourceKind kind, long cents, String ref) {
        return new BridgeInput.CreditReceived(new FundingCredit(account, kind, YearMonth.of(2026, 11), cents, ref));
    }

    @Test
    void apply_windowPassedWithoutFunds_batchWaitsThenCreditFundsIt() {
        BridgeEngine e = engine(0, bothPayees());
        e.apply(read(11, MONDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000)));
        assertThat(e.view().batches()).isEmpty(); // the window is still open: the ledger has not passed its end

        e.apply(read(21, TUESDAY));
        assertThat(e.view().batches()).singleElement().satisfies(b -> {
            assertThat(b.state()).isEqualTo(BatchState.WAITING_FUNDING);
            assertThat(b.waitingCode()).isEqualTo("INSUFFICIENT_FUNDING");
            assertThat(b.shortfallCents()).isEqualTo(4_000);
        });

        e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 5_000, "c1"));
        assertThat(e.view().batches().getFirst().state()).isEqualTo(BatchState.FUNDED);
        assertThat(e.view().funding().balancesCents()).containsEntry("ssa-members", 1_000L);
    }

    @Test
    void apply_fullCycle_paysOnceThenAttestsWithTotalsPerSource() {
        BridgeEngine e = engine(10_000, bothPayees());
        e.apply(credit("ssa-members", SourceKind.CONTRIBUTIONS, 3_000, "c1"));
        e.apply(read(21, TUESDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000), line(12, 1, MONDAY, DOCTOR, HEALTH, 2_500)));

        Applied cut = e.apply(new BridgeInput.CutPayments("TM-1", TUESDAY, LocalDate.of(2026, 11, 4)));
        PaymentOrder order = ((Applied.Ordered) cut).order();
        assertThat(order.totalCents()).isEqualTo(6_500);
        assertThat(order.items()).extracting(i -> i.payee().provider()).containsExactlyInAnyOrder(DOCTOR, SHOP);
        assertThat(e.apply(new BridgeInput.CutPayments("TM-2", TUESDAY, LocalDate.of(2026, 11, 4))))
                .isInstanceOf(Applied.Nothing.class); // nothing is paid twice

        List<BankOutcome> booked = order.items().stream().map(i -> (BankOutcome) new BankOutcome.Booked(
                i.transfer().endToEndId(), i.transfer().amountCents(), "REF" + i.transfer().batchId())).toList();
        e.apply(new BridgeInput.BankOutcomes("CAMT-1", "camt.054", booked));

        assertThat(e.view().batches()).allSatisfy(b -> assertThat(b.state()).isEqualTo(BatchState.SETTLED));
        List<Attestation> toAttest = e.toAttest();
        Attestation shop = toAttest.stream().filter(a -> a.totalCents() == 4_000).findFirst().orElseThrow();
        assertThat(shop.contributionsCents()).isEqualTo(3_000);   // earmarked food contributions first
        assertThat(shop.publicAccountsCents()).isZero();           // the state account had nothing
        assertThat(shop.monetaryCreationCents()).isEqualTo(1_000); // then creation within the ceiling
        assertThat(shop.firstBlock()).isEqualTo(10);

        e.apply(new BridgeInput.Attested(shop.batchId(), "0x01"));
        assertThat(e.toAttest()).extracting(Attestation::batchId).doesNotContain(shop.batchId());
    }

    @Test
    void apply_sameBankMessageTwice_secondRefusedAndChangesNothing() {
        BridgeEngine e = engine(10_000, bothPayees());
        e.apply(read(21, TUESDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000)));
        PaymentOrder order = ((Applied.Ordered) e.apply(
                new BridgeInput.CutPayments("TM-1", TUESDAY, LocalDate.of(2026, 11, 4)))).order();
        var rejected = new BridgeInput.BankOutcomes("PAIN2-1", "pain.002",
                List.of(new BankOutcome.Rejected(order.items().getFirst().transfer().endToEndId(), "AM04")));

        e.apply(rejected);
        BridgeView after = e.view();
        assertThat(e.apply(rejected)).isInstanceOf(Applied.Refused.class);
        assertThat(e.view()).isEqualTo(after);
    }

    @Test
    void apply_rejectedTransfer_refundsThenRetriesWithNewEndToEndId() {
        BridgeEngine e = engine(10_000, bothPayees());
        e.apply(read(21, TUESDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000)));
        PaymentOrder first = ((Applied.Ordered) e.apply(
                new BridgeInput.CutPayments("TM-1", TUESDAY, LocalDate.of(2026, 11, 4)))).order();
        String e2e = first.items().getFirst().transfer().endToEndId();

        e.apply(new BridgeInput.BankOutcomes("PAIN2-1", "pain.002", List.of(new BankOutcome.Rejected(e2e, "AM04"))));
        assertThat(e.view().funding().creationUsedByMonthCents()).containsEntry(YearMonth.of(2026, 11), 4_000L);

        PaymentOrder retry = ((Applied.Ordered) e.apply(
                new BridgeInput.CutPayments("TM-2", TUESDAY, LocalDate.of(2026, 11, 5)))).order();
        assertThat(retry.items()).singleElement().satisfies(i -> {
            assertThat(i.transfer().attempt()).isEqualTo(2);
            assertThat(i.transfer().endToEndId()).isNotEqualTo(e2e);
        });
    }

    @Test
    void apply_closedAccountReason_escalatesWithoutRetry() {
        BridgeEngine e = engine(10_000, bothPayees());
        e.apply(read(21, TUESDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000)));
        PaymentOrder first = ((Applied.Ordered) e.apply(
                new BridgeInput.CutPayments("TM-1", TUESDAY, LocalDate.of(2026, 11, 4)))).order();
        String e2e = first.items().getFirst().transfer().endToEndId();

        e.apply(new BridgeInput.BankOutcomes("CAMT-9", "camt.054",
                List.of(new BankOutcome.Returned(e2e, 4_000, "AC04"))));

        assertThat(e.view().batches().getFirst().state()).isEqualTo(BatchState.ESCALATED);
        assertThat(e.apply(new BridgeInput.CutPayments("TM-2", TUESDAY, LocalDate.of(2026, 11, 5))))
                .isInstanceOf(Applied.Nothing.class);
        assertThat(e.view().funding().creationUsedByMonthCents().getOrDefault(YearMonth.of(2026, 11), 0L)).isZero();
    }

    @Test
    void apply_providerWithoutBankDetails_fundedButNotPaid() {
        BridgeEngine e = engine(10_000, Map.of(SHOP, bothPayees().get(SHOP)));
        e.apply(read(21, TUESDAY, line(10, 0, MONDAY, DOCTOR, HEALTH, 2_500)));

        assertThat(e.hasPayable()).isFalse();
        assertThat(e.apply(new BridgeInput.CutPayments("TM-1", TUESDAY, LocalDate.of(2026, 11, 4))))
                .isInstanceOf(Applied.Nothing.class);
        assertThat(e.view().batches().getFirst()).satisfies(b -> {
            assertThat(b.state()).isEqualTo(BatchState.FUNDED);
            assertThat(b.payable()).isFalse();
        });
    }

    @Test
    void apply_cutoffThenMoreLinesOfSameWindow_secondBatchHasNewId() {
        BridgeEngine e = engine(10_000, bothPayees());
        e.apply(read(11, MONDAY, line(10, 0, MONDAY, SHOP, FOOD, 1_000)));
        e.apply(new BridgeInput.Cutoff("demo"));
        e.apply(read(13, MONDAY + 60, line(12, 0, MONDAY + 60, SHOP, FOOD, 2_000)));
        e.apply(read(21, TUESDAY));

        assertThat(e.view().batches()).hasSize(2)
                .extracting(BridgeView.BatchSummary::part).containsExactlyInAnyOrder(0, 1);
        assertThat(e.view().batches()).extracting(BridgeView.BatchSummary::totalCents)
                .containsExactlyInAnyOrder(1_000L, 2_000L);
    }

    @Test
    void apply_creditWithKnownReference_refusedAndCountedOnce() {
        BridgeEngine e = engine(0, bothPayees());
        e.apply(credit("state", SourceKind.PUBLIC_ACCOUNT, 2_000, "p1"));

        assertThat(e.apply(credit("state", SourceKind.PUBLIC_ACCOUNT, 2_000, "p1")))
                .isEqualTo(new Applied.Refused("DUPLICATE_REFERENCE",
                        "a credit with reference p1 was already received on account state"));
        assertThat(e.view().funding().balancesCents()).containsEntry("state", 2_000L);
    }

    @Test
    void batches_stateAndLimit_pageWithoutTheWholeHistory() {
        BridgeEngine e = engine(0, bothPayees());
        e.apply(read(21, TUESDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000), line(12, 1, MONDAY, DOCTOR, HEALTH, 2_500)));
        e.apply(credit("state", SourceKind.PUBLIC_ACCOUNT, 2_500, "p1")); // funds the doctor's batch only

        assertThat(e.batches(null, 1)).hasSize(1);
        assertThat(e.batches(BatchState.FUNDED, 10)).singleElement()
                .satisfies(b -> assertThat(b.provider()).isEqualTo(DOCTOR));
        assertThat(e.batches(BatchState.WAITING_FUNDING, 10)).singleElement()
                .satisfies(b -> assertThat(b.provider()).isEqualTo(SHOP));
        String id = e.view().batches().getFirst().id();
        assertThat(e.batch(id)).contains(e.view().batches().getFirst());
        assertThat(e.batch("B-none")).isEmpty();
    }

    @Test
    void apply_sameJournalTwice_sameState() {
        List<BridgeInput> journal = List.of(
                credit("state", SourceKind.PUBLIC_ACCOUNT, 2_000, "p1"),
                read(21, TUESDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000), line(12, 1, MONDAY, DOCTOR, HEALTH, 2_500)),
                new BridgeInput.CutPayments("TM-1", TUESDAY, LocalDate.of(2026, 11, 4)),
                credit("nobody", SourceKind.CONTRIBUTIONS, 10, "bad"));
        BridgeEngine a = engine(5_000, bothPayees());
        BridgeEngine b = engine(5_000, bothPayees());
        journal.forEach(a::apply);
        journal.forEach(b::apply);

        assertThat(a.view()).isEqualTo(b.view());
        assertThat(a.apply(journal.get(3))).isInstanceOf(Applied.Refused.class);
    }
}
