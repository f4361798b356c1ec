package org.targetedmoney.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.DOCTOR;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.FOOD;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.HEALTH;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.MONDAY;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.SHOP;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.bothPayees;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.credit;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.engine;
import static org.targetedmoney.bridge.engine.BridgeEngineTest.line;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.settlement.BankOutcome;
import org.targetedmoney.bridge.settlement.BatchState;

/**
 * The running figures of {@link BridgeEngine#status()} are what a pass over every batch would count, after any
 * sequence of inputs: lines over several days, credits, cut-offs, payment orders, and the bank booking, rejecting
 * (retry) or returning (escalation) what was ordered.
 */
class BatchTallyTest {
    /** One step of a random life: what to do, and a number that picks amounts, days and outcomes. */
    enum Step { LINES, CREDIT, CUTOFF, CUT, BOOK, REJECT, RETURN_CLOSED, REISSUE, ABANDON }

    record Move(Step step, int seed) {}

    @Provide
    Arbitrary<List<Move>> lives() {
        Arbitrary<Move> move = Combinators.combine(Arbitraries.of(Step.class), Arbitraries.integers().between(0, 999))
                .as(Move::new);
        return move.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void status_afterAnyLife_equalsAPassOverEveryBatch(@ForAll("lives") List<Move> life) {
        BridgeEngine e = engine(20_000, bothPayees());
        World w = new World();
        for (Move m : life) {
            BridgeInput input = w.next(m, e);
            if (input != null) {
                Applied a = e.apply(input);
                if (a instanceof Applied.Ordered o) {
                    o.order().items().forEach(i -> w.ordered.add(i.transfer().endToEndId() + "|"
                            + i.transfer().amountCents()));
                }
            }
            assertThat(e.status().batches()).isEqualTo(countedByPass(e.view()));
        }
    }

    /** Keeps the clock, the cursor and what was ordered, so each move makes a valid input. */
    static final class World {
        long block = 10;
        long now = MONDAY;
        int orders;
        int messages;
        int credits;
        final List<String> ordered = new ArrayList<>();

        BridgeInput next(Move m, BridgeEngine e) {
            return switch (m.step()) {
                case REISSUE, ABANDON -> operator(m, e);
                case LINES -> lines(m.seed());
                case CREDIT -> credit(m.seed() % 2 == 0 ? "ssa-members" : "state",
                        m.seed() % 2 == 0 ? SourceKind.CONTRIBUTIONS : SourceKind.PUBLIC_ACCOUNT,
                        100L * (1 + m.seed()), "c" + credits++);
                case CUTOFF -> new BridgeInput.Cutoff("test");
                case CUT -> new BridgeInput.CutPayments("TM-" + orders++, now, LocalDate.of(2026, 12, 1));
                case BOOK, REJECT, RETURN_CLOSED -> bank(m);
            };
        }

        /** An operator acts on an escalated transfer, if there is one (a refused input changes nothing). */
        private BridgeInput operator(Move m, BridgeEngine e) {
            List<BridgeView.BatchSummary> escalated = e.batches(BatchState.ESCALATED, 100);
            if (escalated.isEmpty()) {
                return null;
            }
            String batch = escalated.get(m.seed() % escalated.size()).id();
            return m.step() == Step.REISSUE ? new BridgeInput.Reissue(batch, 0, "ops")
                    : new BridgeInput.Abandon(batch, 0, "closed account", "ops");
        }

        private BridgeInput lines(int seed) {
            now += 3_600L * (seed % 30); // up to 29 hours: some reads close a day, some do not
            LedgerLine l = line(block, 0, now, seed % 3 == 0 ? DOCTOR : SHOP, seed % 3 == 0 ? HEALTH : FOOD,
                    50L * (1 + seed));
            block += 2;
            return new BridgeInput.LinesRead(List.of(l), block, 0, block - 1, now);
        }

        private BridgeInput bank(Move m) {
            if (ordered.isEmpty()) {
                return null;
            }
            String[] pick = ordered.remove(m.seed() % ordered.size()).split("\\|");
            long cents = Long.parseLong(pick[1]);
            BankOutcome outcome = switch (m.step()) {
                case BOOK -> new BankOutcome.Booked(pick[0], cents, "REF-" + messages);
                case REJECT -> new BankOutcome.Rejected(pick[0], "AM04");
                default -> new BankOutcome.Returned(pick[0], cents, "AC04");
            };
            return new BridgeInput.BankOutcomes("BANK-" + messages++, "camt.054", List.of(outcome));
        }
    }

    static BridgeStatus.Figures countedByPass(BridgeView view) {
        Map<BatchState, Long> count = new EnumMap<>(BatchState.class);
        Map<BatchState, Long> cents = new EnumMap<>(BatchState.class);
        Map<SourceKind, Long> paid = new EnumMap<>(SourceKind.class);
        for (BatchState s : BatchState.values()) {
            count.put(s, 0L);
            cents.put(s, 0L);
        }
        for (SourceKind k : SourceKind.values()) {
            paid.put(k, 0L);
        }
        for (BridgeView.BatchSummary b : view.batches()) {
            count.merge(b.state(), 1L, Long::sum);
            cents.merge(b.state(), b.totalCents(), Long::sum);
            b.paidBySourceCents().forEach((k, v) -> paid.merge(k, v, Long::sum));
        }
        return new BridgeStatus.Figures(count, cents, paid);
    }
}
