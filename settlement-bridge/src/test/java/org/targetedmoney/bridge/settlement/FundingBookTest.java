package org.targetedmoney.bridge.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.targetedmoney.bridge.settlement.Fixtures.FOOD;
import static org.targetedmoney.bridge.settlement.Fixtures.HEALTH;
import static org.targetedmoney.bridge.settlement.Fixtures.contribution;
import static org.targetedmoney.bridge.settlement.Fixtures.line;
import static org.targetedmoney.bridge.settlement.Fixtures.plan;
import static org.targetedmoney.bridge.settlement.Fixtures.publicCredit;
import static org.targetedmoney.bridge.settlement.Fixtures.utc;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;

class FundingBookTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final WindowId NOV_WINDOW = WindowId.parse("2026-11");
    private static final WindowId DEC_WINDOW = WindowId.parse("2026-12");

    private static Batch batch(WindowId window, SettlementMode mode, int provider, LedgerLine... lines) {
        return new BatchBuilder(mode).build(window, List.of(lines), window.endSeconds()).stream()
                .filter(b -> b.provider().equals(Fixtures.provider(provider))).findFirst().orElseThrow();
    }

    private static Batch novemberBatch(long foodCents, long healthCents) {
        long t = utc(2026, 11, 15, 9, 0, 0);
        return batch(NOV_WINDOW, SettlementMode.NET, 1, line(10, 0, t, 1, FOOD, foodCents), line(11, 0, t, 1, HEALTH, healthCents));
    }

    private static List<Allocation> funded(FundingOutcome outcome) {
        assertThat(outcome).isInstanceOf(FundingOutcome.Funded.class);
        return ((FundingOutcome.Funded) outcome).allocations();
    }

    @Test
    void credit_declaredAccount_addsToItsBalance() {
        FundingBook book = new FundingBook(plan(0));

        assertThat(book.credit(contribution("ssa", 1_000))).isEqualTo(new CreditOutcome.Credited("ssa", 1_000));
        assertThat(book.credit(contribution("ssa", 500))).isEqualTo(new CreditOutcome.Credited("ssa", 1_500));
        assertThat(book.creditedCents()).isEqualTo(1_500);
    }

    @Test
    void credit_unknownAccount_isRejectedAndChangesNothing() {
        FundingBook book = new FundingBook(plan(0));

        CreditOutcome outcome = book.credit(contribution("nobody", 1_000));

        assertThat(outcome).isInstanceOf(CreditOutcome.Rejected.class);
        assertThat(((CreditOutcome.Rejected) outcome).code()).isEqualTo(FundingBook.UNKNOWN_FUNDING_ACCOUNT);
        assertThat(book.creditedCents()).isZero();
    }

    @Test
    void credit_kindOtherThanTheAccounts_isRejected() {
        FundingBook book = new FundingBook(plan(0));

        CreditOutcome outcome = book.credit(publicCredit("ssa", 1_000));

        assertThat(((CreditOutcome.Rejected) outcome).code()).isEqualTo(FundingBook.FUNDING_KIND_MISMATCH);
        assertThat(book.balanceCents("ssa")).isZero();
    }

    @Test
    void credit_beyondTheBalanceLimit_isRejected() {
        FundingBook book = new FundingBook(plan(0));
        book.credit(contribution("ssa", FundingBook.MAX_BALANCE_CENTS));

        CreditOutcome outcome = book.credit(contribution("ssa", 1));

        assertThat(((CreditOutcome.Rejected) outcome).code()).isEqualTo(FundingBook.BALANCE_LIMIT_EXCEEDED);
        assertThat(book.balanceCents("ssa")).isEqualTo(FundingBook.MAX_BALANCE_CENTS);
    }

    @Test
    void fund_contributionsThenPublicThenCreation_whateverTheDeclaredOrderOfKinds() {
        FundingPlan declaredBackwards = new FundingPlan(List.of(
                FundingAccount.any("creation", SourceKind.MONETARY_CREATION),
                FundingAccount.any("state", SourceKind.PUBLIC_ACCOUNT),
                FundingAccount.any("employers", SourceKind.CONTRIBUTIONS),
                FundingAccount.any("members", SourceKind.CONTRIBUTIONS)), 10_000);
        FundingBook book = new FundingBook(declaredBackwards);
        book.credit(contribution("members", 300));
        book.credit(contribution("employers", 200));
        book.credit(publicCredit("state", 400));

        List<Allocation> allocations = funded(book.fund(novemberBatch(1_000, 1)));

        assertThat(allocations).extracting(Allocation::accountId, Allocation::purpose, Allocation::amountCents)
                .containsExactly(
                        tuple("employers", FOOD, 200L),
                        tuple("members", FOOD, 300L),
                        tuple("state", FOOD, 400L),
                        tuple("creation", FOOD, 100L),
                        tuple("creation", HEALTH, 1L));
        assertThat(book.creationUsedCents(NOVEMBER)).isEqualTo(101);
        assertThat(book.balancesCents()).containsOnly(Map.entry("employers", 0L), Map.entry("members", 0L),
                Map.entry("state", 0L));
    }

    @Test
    void fund_earmarkedAccounts_fundOnlyTheirPurposes() {
        FundingBook book = new FundingBook(new FundingPlan(List.of(
                new FundingAccount("health-fund", SourceKind.CONTRIBUTIONS, Set.of(HEALTH)),
                FundingAccount.any("ssa", SourceKind.CONTRIBUTIONS),
                new FundingAccount("state-food", SourceKind.PUBLIC_ACCOUNT, Set.of(FOOD))), 0));
        book.credit(contribution("health-fund", 1_000));
        book.credit(contribution("ssa", 100));
        book.credit(publicCredit("state-food", 10_000));

        List<Allocation> allocations = funded(book.fund(novemberBatch(1_500, 200)));

        assertThat(allocations).extracting(Allocation::accountId, Allocation::purpose, Allocation::amountCents)
                .containsExactly(tuple("ssa", FOOD, 100L), tuple("state-food", FOOD, 1_400L),
                        tuple("health-fund", HEALTH, 200L));
        assertThat(book.balancesCents()).containsExactly(Map.entry("health-fund", 800L), Map.entry("ssa", 0L),
                Map.entry("state-food", 8_600L));
    }

    @Test
    void fund_purposeNoAccountCovers_waitsAndTakesNothing() {
        FundingBook book = new FundingBook(plan(0));
        book.credit(publicCredit("state-food", 10_000));

        FundingOutcome outcome = book.fund(novemberBatch(1_000, 200));

        assertThat(outcome).isEqualTo(new FundingOutcome.Waiting(FundingBook.INSUFFICIENT_FUNDING, 200,
                new java.util.TreeMap<>(Map.of(HEALTH, 200L))));
        assertThat(book.balanceCents("state-food")).isEqualTo(10_000);
        assertThat(book.outstandingCents()).isZero();
    }

    @Test
    void fund_anyPurposeAccountSharedByTwoPurposes_lowerPurposeDrawsOnItFirst() {
        // Greedy by purpose, as documented: food uses up "ssa" although state-food could have paid food and
        // "ssa" health. The batch waits, nothing is taken.
        FundingBook book = new FundingBook(plan(0));
        book.credit(contribution("ssa", 200));
        book.credit(publicCredit("state-food", 10_000));

        FundingOutcome outcome = book.fund(novemberBatch(1_000, 200));

        assertThat(outcome).isInstanceOf(FundingOutcome.Waiting.class);
        assertThat(((FundingOutcome.Waiting) outcome).shortfallByPurposeCents()).containsExactly(Map.entry(HEALTH, 200L));
        assertThat(book.balanceCents("ssa")).isEqualTo(200);
    }

    @Test
    void fund_onePurposeShort_waitsWithTheShortfallPerPurposeAndTakesNothing() {
        FundingBook book = new FundingBook(plan(300));
        book.credit(contribution("ssa", 1_000));
        FundingBook before = book.copy();

        FundingOutcome outcome = book.fund(novemberBatch(900, 500));

        // Food: 900 from ssa. Health: 100 from ssa, 300 from creation, 100 missing.
        assertThat(outcome).isEqualTo(new FundingOutcome.Waiting(FundingBook.INSUFFICIENT_FUNDING, 100,
                new java.util.TreeMap<>(Map.of(HEALTH, 100L))));
        assertThat(book.snapshot()).isEqualTo(before.snapshot());
    }

    @Test
    void fund_creation_isCappedPerFundingMonth() {
        FundingBook book = new FundingBook(plan(1_000));
        long nov = utc(2026, 11, 20, 0, 0, 0);
        long dec = utc(2026, 12, 20, 0, 0, 0);

        assertThat(book.fund(batch(NOV_WINDOW, SettlementMode.NET, 1, line(1, 0, nov, 1, FOOD, 700))))
                .isInstanceOf(FundingOutcome.Funded.class);
        assertThat(book.fund(batch(NOV_WINDOW, SettlementMode.NET, 2, line(2, 0, nov, 2, FOOD, 301))))
                .isInstanceOf(FundingOutcome.Waiting.class);
        assertThat(book.fund(batch(DEC_WINDOW, SettlementMode.NET, 2, line(3, 0, dec, 2, FOOD, 1_000))))
                .isInstanceOf(FundingOutcome.Funded.class);

        assertThat(book.creationUsedByMonthCents()).containsExactly(Map.entry(NOVEMBER, 700L),
                Map.entry(YearMonth.of(2026, 12), 1_000L));
        assertThat(book.creationRemainingCents(NOVEMBER)).isEqualTo(300);
    }

    @Test
    void fund_grossBatch_allocatesPerLineSoEachTransferIsTraceable() {
        FundingBook book = new FundingBook(plan(10_000));
        book.credit(contribution("ssa", 250));
        long t = utc(2026, 11, 15, 9, 0, 0);
        Batch gross = batch(NOV_WINDOW, SettlementMode.GROSS, 1,
                line(10, 0, t, 1, FOOD, 200), line(10, 1, t, 1, HEALTH, 100), line(10, 2, t, 1, FOOD, 100));

        FundingOutcome.Funded funded = (FundingOutcome.Funded) book.fund(gross);

        assertThat(funded.allocationsFor(0)).extracting(Allocation::accountId, Allocation::amountCents)
                .containsExactly(tuple("ssa", 200L));
        assertThat(funded.allocationsFor(1)).extracting(Allocation::accountId, Allocation::amountCents)
                .containsExactly(tuple("creation", 100L));
        assertThat(funded.allocationsFor(2)).extracting(Allocation::accountId, Allocation::amountCents)
                .containsExactly(tuple("ssa", 50L), tuple("creation", 50L));
        for (int i = 0; i < gross.transferCount(); i++) {
            assertThat(Allocation.sum(funded.allocationsFor(i))).isEqualTo(gross.transfer(i).amountCents());
        }
        assertThat(funded.totalsBySourceCents()).containsExactly(Map.entry(SourceKind.CONTRIBUTIONS, 250L),
                Map.entry(SourceKind.PUBLIC_ACCOUNT, 0L), Map.entry(SourceKind.MONETARY_CREATION, 150L));
    }

    @Test
    void allocationsByTransfer_grossBatch_isAllocationsForEachTransfer() {
        FundingBook book = new FundingBook(plan(10_000));
        book.credit(contribution("ssa", 250));
        long t = utc(2026, 11, 15, 9, 0, 0);
        Batch gross = batch(NOV_WINDOW, SettlementMode.GROSS, 1,
                line(10, 0, t, 1, FOOD, 200), line(10, 1, t, 1, HEALTH, 100), line(10, 2, t, 1, FOOD, 100));
        FundingOutcome.Funded funded = (FundingOutcome.Funded) book.fund(gross);

        List<List<Allocation>> byTransfer = funded.allocationsByTransfer(gross.transferCount());

        assertThat(byTransfer).containsExactly(funded.allocationsFor(0), funded.allocationsFor(1),
                funded.allocationsFor(2));
        assertThatThrownBy(() -> funded.allocationsByTransfer(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refund_givesBalancesAndCreationBack() {
        FundingBook book = new FundingBook(plan(1_000));
        book.credit(contribution("ssa", 400));
        FundingBook before = book.copy();
        List<Allocation> allocations = funded(book.fund(novemberBatch(700, 300)));

        book.refund(allocations);

        assertThat(book.snapshot()).isEqualTo(before.snapshot());
        assertThat(book.creationUsedCents(NOVEMBER)).isZero();
    }

    @Test
    void refund_twice_isABugAndChangesNothing() {
        FundingBook book = new FundingBook(plan(1_000));
        List<Allocation> allocations = funded(book.fund(novemberBatch(700, 300)));
        book.refund(allocations);
        FundingBook.Snapshot after = book.snapshot();

        assertThatThrownBy(() -> book.refund(allocations)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds");
        assertThat(book.snapshot()).isEqualTo(after);
    }

    @Test
    void retake_afterARefund_takesExactlyTheSameSourcesAgain() {
        FundingBook book = new FundingBook(plan(1_000));
        book.credit(contribution("ssa", 400));
        List<Allocation> allocations = funded(book.fund(novemberBatch(700, 300)));
        FundingBook.Snapshot funded = book.snapshot();
        book.refund(allocations);

        assertThat(book.retake(allocations)).isTrue();

        assertThat(book.snapshot()).isEqualTo(funded);
    }

    @Test
    void retake_aSourceSpentMeanwhile_refusedAndChangesNothing() {
        FundingBook book = new FundingBook(plan(1_000));
        book.credit(contribution("ssa", 400));
        List<Allocation> allocations = funded(book.fund(novemberBatch(700, 300)));
        book.refund(allocations);
        long t = utc(2026, 11, 16, 9, 0, 0);
        funded(book.fund(batch(NOV_WINDOW, SettlementMode.NET, 2, line(20, 0, t, 2, FOOD, 300)))); // 300 of the 400
        FundingBook.Snapshot before = book.snapshot();

        assertThat(book.retake(allocations)).isFalse();

        assertThat(book.snapshot()).isEqualTo(before);
    }

    @Test
    void fundWaiting_triesOldestWindowFirstAndAWaitingBatchDoesNotBlockOthers() {
        FundingBook book = new FundingBook(plan(0));
        book.credit(contribution("ssa", 1_000));
        long nov = utc(2026, 11, 20, 0, 0, 0);
        long dec = utc(2026, 12, 20, 0, 0, 0);
        Batch decSmall = batch(DEC_WINDOW, SettlementMode.NET, 3, line(30, 0, dec, 3, FOOD, 400));
        Batch novLarge = batch(NOV_WINDOW, SettlementMode.NET, 1, line(10, 0, nov, 1, FOOD, 5_000));
        Batch novSmall = batch(NOV_WINDOW, SettlementMode.NET, 2, line(20, 0, nov, 2, FOOD, 600));

        List<BatchFunding> results = book.fundWaiting(List.of(decSmall, novSmall, novLarge));

        List<Batch> november = List.of(novLarge, novSmall).stream().sorted(java.util.Comparator.comparing(Batch::id)).toList();
        assertThat(results).extracting(BatchFunding::batch).containsExactly(november.get(0), november.get(1), decSmall);
        assertThat(results.stream().filter(r -> r.outcome() instanceof FundingOutcome.Funded).map(BatchFunding::batch))
                .containsExactlyInAnyOrder(novSmall, decSmall);
        assertThat(book.balanceCents("ssa")).isZero();
    }

    @Test
    void fundWaiting_sameBatchTwice_isRefused() {
        FundingBook book = new FundingBook(plan(0));
        Batch b = novemberBatch(1, 1);

        assertThatThrownBy(() -> book.fundWaiting(List.of(b, b))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restore_snapshot_givesAnEqualBook() {
        FundingBook book = new FundingBook(plan(1_000));
        book.credit(contribution("ssa", 400));
        book.fund(novemberBatch(700, 300));

        FundingBook restored = FundingBook.restore(book.plan(), book.snapshot());

        assertThat(restored.snapshot()).isEqualTo(book.snapshot());
        // 600 of November's 1 000 of creation are used: 401 more must wait, in the restored book too.
        assertThat(restored.fund(novemberBatch(300, 101))).isInstanceOf(FundingOutcome.Waiting.class);
        assertThat(restored.fund(novemberBatch(300, 100))).isInstanceOf(FundingOutcome.Funded.class);
    }

    @Test
    void restore_snapshotThatDoesNotConserveEuros_isRefused() {
        FundingBook.Snapshot bad = new FundingBook.Snapshot(new java.util.TreeMap<>(Map.of("ssa", 500L, "state-food", 0L)),
                new java.util.TreeMap<>(), 400, 0);

        assertThatThrownBy(() -> FundingBook.restore(plan(0), bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credited 400");
    }

    @Test
    void newFundingPlan_inconsistentDeclarations_areRefused() {
        FundingAccount ssa = FundingAccount.any("ssa", SourceKind.CONTRIBUTIONS);
        assertThatThrownBy(() -> new FundingPlan(List.of(ssa, ssa), 0)).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> new FundingPlan(List.of(FundingAccount.any("c1", SourceKind.MONETARY_CREATION),
                FundingAccount.any("c2", SourceKind.MONETARY_CREATION)), 0)).hasMessageContaining("at most one");
        assertThatThrownBy(() -> new FundingPlan(List.of(ssa), 100)).hasMessageContaining("needs a monetary creation");
        assertThatThrownBy(() -> FundingAccount.any("SSA members", SourceKind.CONTRIBUTIONS))
                .hasMessageContaining("[a-z0-9-]");
    }
}
