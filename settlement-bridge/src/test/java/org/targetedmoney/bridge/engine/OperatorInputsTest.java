package org.targetedmoney.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.FOOD;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.MONDAY;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.SHOP;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.TUESDAY;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.credit;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.engine;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.line;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.settlement.BankOutcome;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.Reconciliation;

/**
 * What operators do through the engine: change a provider's bank details, re-issue an escalated transfer (funded
 * again from exactly the sources it was refunded to, paid under a new end-to-end id) or abandon it (not paid, the
 * funding stays with its sources, the batch ABANDONED and never attested).
 */
class OperatorInputsTest {
    static final String OPERATOR = "alice-ops";
    static final Payee SHOP_OLD = new Payee(SHOP, "Epicerie du coin", "FR7630006000011234567890189", "");
    static final Payee SHOP_NEW = new Payee(SHOP, "Epicerie du coin", "DE89370400440532013000", "COBADEFFXXX");
    static final LocalDate EXECUTION = LocalDate.of(2026, 11, 4);

    /** The shop's 4 000-cent batch, funded by 3 000 of contributions and 1 000 of creation, then cut. */
    private static BridgeEngine shopPaid(List<BridgeInput> journal) {
        BridgeEngine e = engine(10_000, Map.of(SHOP, SHOP_OLD));
        apply(e, journal, credit("ssa-members", SourceKind.CONTRIBUTIONS, 3_000, "c1"));
        apply(e, journal, read(21, TUESDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000)));
        apply(e, journal, new BridgeInput.CutPayments("TM-1", TUESDAY, EXECUTION));
        return e;
    }

    private static Applied apply(BridgeEngine e, List<BridgeInput> journal, BridgeInput input) {
        Applied a = e.apply(input);
        if (!(a instanceof Applied.Refused)) {
            journal.add(input);
        }
        return a;
    }

    private static String batchId(BridgeEngine e) {
        return e.view().batches().getFirst().id();
    }

    /** The bank closes the account of the first cut: AC04, not retryable, escalated at once. */
    private static void closedAccount(BridgeEngine e, List<BridgeInput> journal) {
        String e2e = e.order("TM-1").orElseThrow().items().getFirst().transfer().endToEndId();
        apply(e, journal, new BridgeInput.BankOutcomes("PAIN2-1", "pain.002",
                List.of(new BankOutcome.Rejected(e2e, "AC04"))));
    }

    @Test
    void payeeChanged_fundedTransferWaitingForDetails_paidByTheNextCut() {
        BridgeEngine e = engine(10_000, Map.of());
        e.apply(read(21, TUESDAY, line(10, 0, MONDAY, SHOP, FOOD, 4_000)));
        assertThat(e.hasPayable()).isFalse();

        Applied changed = e.apply(new BridgeInput.PayeeChanged(SHOP_NEW, OPERATOR));
        Applied cut = e.apply(new BridgeInput.CutPayments("TM-1", TUESDAY, EXECUTION));

        assertThat(changed).isInstanceOf(Applied.Nothing.class);
        assertThat(((Applied.Ordered) cut).order().items()).singleElement()
                .satisfies(i -> assertThat(i.payee()).isEqualTo(SHOP_NEW));
        assertThat(e.payees()).containsExactly(SHOP_NEW);
    }

    @Test
    void payeeChanged_sameDetailsAgain_saysUnchanged() {
        BridgeEngine e = engine(0, Map.of(SHOP, SHOP_OLD));

        Applied again = e.apply(new BridgeInput.PayeeChanged(SHOP_OLD, OPERATOR));

        assertThat(((Applied.Nothing) again).why()).contains("unchanged");
    }

    @Test
    void reissue_afterClosedAccountAndNewDetails_paidFromTheSameSourcesUnderANewEndToEndId() {
        List<BridgeInput> journal = new ArrayList<>();
        BridgeEngine e = shopPaid(journal);
        closedAccount(e, journal);
        String id = batchId(e);
        assertThat(e.stateOf(id)).isEqualTo(BatchState.ESCALATED);
        assertThat(e.funding().balancesCents()).containsEntry("ssa-members", 3_000L); // refunded to its source
        assertThat(e.escalations(10)).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(EscalationView.Status.ESCALATED);
            assertThat(x.reasonCode()).isEqualTo("AC04");
            assertThat(x.cause()).isEqualTo(Reconciliation.NON_RETRYABLE_REASON);
        });

        apply(e, journal, new BridgeInput.PayeeChanged(SHOP_NEW, OPERATOR));
        Applied reissued = apply(e, journal, new BridgeInput.Reissue(id, 0, OPERATOR));
        Applied cut = apply(e, journal, new BridgeInput.CutPayments("TM-2", TUESDAY, EXECUTION));

        assertThat(reissued).isEqualTo(new Applied.Progress(0, 0, 1));
        var item = ((Applied.Ordered) cut).order().items().getFirst();
        assertThat(item.payee()).isEqualTo(SHOP_NEW);
        assertThat(item.transfer().attempt()).isEqualTo(Reconciliation.MAX_ATTEMPTS + 1);
        assertThat(item.transfer().endToEndId()).isEqualTo(id + "-4");
        assertThat(item.transfer().allocations())
                .isEqualTo(e.order("TM-1").orElseThrow().items().getFirst().transfer().allocations());
        assertThat(e.funding().balancesCents()).containsEntry("ssa-members", 0L);
        assertThat(e.escalations(10).getFirst().status()).isEqualTo(EscalationView.Status.REISSUED);

        apply(e, journal, new BridgeInput.BankOutcomes("CAMT-1", "camt.054",
                List.of(new BankOutcome.Booked(id + "-4", 4_000, "BK-1"))));
        assertThat(e.stateOf(id)).isEqualTo(BatchState.SETTLED);
        assertThat(e.toAttest()).singleElement().satisfies(a -> {
            assertThat(a.contributionsCents()).isEqualTo(3_000);
            assertThat(a.monetaryCreationCents()).isEqualTo(1_000);
        });
        assertThat(replay(journal).view()).isEqualTo(e.view());
    }

    @Test
    void reissue_sourcesSpentMeanwhile_waitsVisiblyUntilTheyHoldItAgain() {
        List<BridgeInput> journal = new ArrayList<>();
        BridgeEngine e = shopPaid(journal);
        closedAccount(e, journal);
        // The shop's batch of the next day takes most of the refunded contributions.
        apply(e, journal, read(31, TUESDAY + 86_400, line(22, 0, TUESDAY, SHOP, FOOD, 2_500)));
        assertThat(e.funding().balancesCents()).containsEntry("ssa-members", 500L);

        apply(e, journal, new BridgeInput.Reissue(batchId(e), 0, OPERATOR));
        assertThat(e.escalations(10).getFirst().status()).isEqualTo(EscalationView.Status.REISSUE_WAITING_FUNDING);
        assertThat(e.stateOf(batchId(e))).isEqualTo(BatchState.RETRYING);

        apply(e, journal, credit("ssa-members", SourceKind.CONTRIBUTIONS, 2_500, "c2"));
        assertThat(e.escalations(10).getFirst().status()).isEqualTo(EscalationView.Status.REISSUE_FUNDED);
        assertThat(e.funding().balancesCents()).containsEntry("ssa-members", 0L);
    }

    @Test
    void abandon_escalatedTransfer_batchAbandonedFundingStaysAndNothingAttested() {
        List<BridgeInput> journal = new ArrayList<>();
        BridgeEngine e = shopPaid(journal);
        closedAccount(e, journal);
        String id = batchId(e);

        Applied abandoned = apply(e, journal, new BridgeInput.Abandon(id, 0, "provider closed down", OPERATOR));

        assertThat(abandoned).isInstanceOf(Applied.Nothing.class);
        assertThat(e.stateOf(id)).isEqualTo(BatchState.ABANDONED);
        assertThat(e.toAttest()).isEmpty();
        assertThat(e.funding().balancesCents()).containsEntry("ssa-members", 3_000L);
        assertThat(e.funding().outstandingCents()).isZero();
        assertThat(e.escalations(10)).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(EscalationView.Status.ABANDONED);
            assertThat(x.note()).isEqualTo("abandoned by alice-ops: provider closed down");
        });
        assertThat(e.apply(new BridgeInput.Reissue(id, 0, OPERATOR)))
                .isEqualTo(new Applied.Refused(Reconciliation.NOT_ESCALATED, "transfer 0 of batch " + id
                        + " is not escalated (in flight, paid, or already re-issued or abandoned)"));
        assertThat(replay(journal).view()).isEqualTo(e.view());
    }

    @Test
    void reissue_notEscalatedOrUnknown_refusedAndChangesNothing() {
        BridgeEngine e = shopPaid(new ArrayList<>());
        String id = batchId(e);
        BridgeView before = e.view();

        assertThat(e.apply(new BridgeInput.Reissue(id, 0, OPERATOR)))
                .extracting(a -> ((Applied.Refused) a).code()).isEqualTo(Reconciliation.NOT_ESCALATED);
        assertThat(e.apply(new BridgeInput.Reissue(id, 1, OPERATOR)))
                .extracting(a -> ((Applied.Refused) a).code()).isEqualTo(BridgeEngine.UNKNOWN_TRANSFER);
        assertThat(e.apply(new BridgeInput.Abandon("B2026-11-02-0000", 0, "gone", OPERATOR)))
                .extracting(a -> ((Applied.Refused) a).code()).isEqualTo(BridgeEngine.UNKNOWN_BATCH);
        assertThat(e.view()).isEqualTo(before);
    }

    @Test
    void reissue_closedAgainAfterEveryReissue_refusedOnceTheReissuesAreUsedUp() {
        BridgeEngine e = shopPaid(new ArrayList<>());
        closedAccount(e, new ArrayList<>());
        String id = batchId(e);
        for (int r = 1; r <= Reconciliation.MAX_REISSUES; r++) {
            assertThat(e.apply(new BridgeInput.Reissue(id, 0, OPERATOR))).isInstanceOf(Applied.Progress.class);
            var order = ((Applied.Ordered) e.apply(new BridgeInput.CutPayments("TM-R" + r, TUESDAY, EXECUTION)))
                    .order();
            String e2e = order.items().getFirst().transfer().endToEndId();
            assertThat(e2e).isEqualTo(id + "-" + (r * Reconciliation.MAX_ATTEMPTS + 1));
            e.apply(new BridgeInput.BankOutcomes("PAIN2-R" + r, "pain.002",
                    List.of(new BankOutcome.Rejected(e2e, "AC04"))));
            assertThat(e.stateOf(id)).isEqualTo(BatchState.ESCALATED);
        }

        assertThat(e.apply(new BridgeInput.Reissue(id, 0, OPERATOR)))
                .extracting(a -> ((Applied.Refused) a).code()).isEqualTo(Reconciliation.REISSUES_EXHAUSTED);
        assertThat(e.apply(new BridgeInput.Abandon(id, 0, "account closed three times", OPERATOR)))
                .isInstanceOf(Applied.Nothing.class);
    }

    private static BridgeEngine replay(List<BridgeInput> journal) {
        BridgeEngine e = engine(10_000, Map.of(SHOP, SHOP_OLD));
        journal.forEach(e::apply);
        return e;
    }
}
