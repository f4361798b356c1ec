package org.targetedmoney.bridge.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;

/**
 * Random settlement stories: lines over two months, settled in random windows and modes; credits arriving
 * round after round (some for unknown accounts or of the wrong kind); batches funded when they can be; the bank
 * booking, rejecting, returning, repeating itself or naming unknown transfers; retries funded again. Whatever
 * happens: euros are conserved, no balance goes negative, no month's creation exceeds the ceiling, no line is in
 * two batches, every batch state change is a legal transition, and the same inputs give the same story.
 */
class SettlementProperties {
    private static final long START = Fixtures.utc(2026, 11, 1, 0, 0, 0);
    private static final long SPAN_SECONDS = 61L * 86_400;
    private static final int ROUNDS = 4;
    private static final String[] ACCOUNTS = {"c-any", "c-food", "p-care", "p-any", "creation", "nobody"};

    record LineSpec(int provider, int purpose, long amountCents, long offsetSeconds) {}

    record CreditSpec(int account, boolean publicKind, long amountCents) {}

    @Provide
    Arbitrary<List<LineSpec>> lines() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 3),
                        Arbitraries.longs().between(1, 2_000), Arbitraries.longs().between(0, SPAN_SECONDS - 1))
                .as(LineSpec::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<CreditSpec>> credits() {
        return Combinators.combine(Arbitraries.integers().between(0, ACCOUNTS.length - 1), Arbitraries.of(true, false),
                Arbitraries.longs().between(1, 5_000)).as(CreditSpec::new).list().ofMaxSize(24);
    }

    @Property(tries = 300)
    void story_anyInputs_conservesEurosAndKeepsEveryInvariant(
            @ForAll("lines") List<LineSpec> lines, @ForAll("credits") List<CreditSpec> credits,
            @ForAll SettlementWindow window, @ForAll SettlementMode mode, @ForAll @IntRange(min = 1, max = 6) int maxLines,
            @ForAll @LongRange(min = 0, max = 4_000) long ceilingCents, @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 7) Integer> fates) {
        Story story = new Story(lines, credits, window, mode, maxLines, ceilingCents, fates, 0);
        story.run();
        assertThat(story.allLineIds()).isEqualTo(story.inputLineIds());
        story.states.values().forEach(state -> Statistics.label("batch states at the end").collect(state));
    }

    @Property(tries = 150)
    void story_sameInputsInAnotherOrder_giveTheSameBatchesHashesAndAllocations(
            @ForAll("lines") List<LineSpec> lines, @ForAll("credits") List<CreditSpec> credits,
            @ForAll SettlementWindow window, @ForAll SettlementMode mode, @ForAll @IntRange(min = 1, max = 6) int maxLines,
            @ForAll @LongRange(min = 0, max = 4_000) long ceilingCents, @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 7) Integer> fates,
            @ForAll long shuffleSeed) {
        Story first = new Story(lines, credits, window, mode, maxLines, ceilingCents, fates, 0);
        Story second = new Story(lines, credits, window, mode, maxLines, ceilingCents, fates, shuffleSeed);
        first.run();
        second.run();
        assertThat(second.trace).isEqualTo(first.trace);
        assertThat(second.book.snapshot()).isEqualTo(first.book.snapshot());
    }

    /** One story; {@code shuffleSeed} != 0 hands the lines to the builder in another order. */
    static final class Story {
        final FundingBook book;
        final Reconciliation reconciliation = new Reconciliation();
        final List<String> trace = new ArrayList<>();
        private final List<LedgerLine> ledgerLines = new ArrayList<>();
        private final List<CreditSpec> credits;
        private final SettlementWindow window;
        private final BatchBuilder builder;
        private final List<Integer> fates;
        private final long shuffleSeed;
        private final Map<String, Batch> batches = new LinkedHashMap<>();
        private final Map<String, BatchState> states = new TreeMap<>();
        private int nextFate;
        private long acceptedCreditsCents;
        private long allocatedCents;
        private long refundedCents;

        Story(List<LineSpec> lines, List<CreditSpec> credits, SettlementWindow window, SettlementMode mode, int maxLines,
              long ceilingCents, List<Integer> fates, long shuffleSeed) {
            for (int i = 0; i < lines.size(); i++) {
                LineSpec s = lines.get(i);
                ledgerLines.add(Fixtures.line(100 + i, i % 3, START + s.offsetSeconds(), s.provider(), s.purpose(),
                        s.amountCents()));
            }
            this.credits = credits;
            this.window = window;
            this.builder = new BatchBuilder(mode, maxLines);
            this.fates = fates;
            this.shuffleSeed = shuffleSeed;
            this.book = new FundingBook(new FundingPlan(List.of(
                    new FundingAccount("creation", SourceKind.MONETARY_CREATION, Set.of(Fixtures.FOOD, Fixtures.HEALTH)),
                    FundingAccount.any("p-any", SourceKind.PUBLIC_ACCOUNT),
                    FundingAccount.any("c-any", SourceKind.CONTRIBUTIONS),
                    new FundingAccount("c-food", SourceKind.CONTRIBUTIONS, Set.of(Fixtures.FOOD)),
                    new FundingAccount("p-care", SourceKind.PUBLIC_ACCOUNT, Set.of(Fixtures.HEALTH, Fixtures.CULTURE))),
                    ceilingCents));
        }

        void run() {
            buildAllWindows();
            for (int round = 0; round < ROUNDS; round++) {
                credit(round);
                fundWaiting();
                fundRetries();
                reconcileRound();
                checkInvariants();
            }
        }

        private void buildAllWindows() {
            TreeMap<WindowId, List<LedgerLine>> byWindow = new TreeMap<>();
            List<LedgerLine> handed = new ArrayList<>(ledgerLines);
            if (shuffleSeed != 0) {
                Collections.shuffle(handed, new Random(shuffleSeed));
            }
            for (LedgerLine l : handed) {
                byWindow.computeIfAbsent(window.windowOf(l.blockTimestampSeconds()), w -> new ArrayList<>()).add(l);
            }
            byWindow.forEach((w, lines) -> {
                for (Batch b : builder.build(w, lines, START + SPAN_SECONDS + 40L * 86_400)) {
                    batches.put(b.id(), b);
                    states.put(b.id(), BatchState.WAITING_FUNDING);
                }
            });
            BatchBuilder.requireDisjoint(batches.values());
            batches.values().stream().sorted(FundingBook.FUNDING_ORDER)
                    .forEach(b -> trace.add("batch " + b.id() + " " + b.hashHex()));
        }

        private void credit(int round) {
            for (int i = round; i < credits.size(); i += ROUNDS) {
                CreditSpec c = credits.get(i);
                FundingCredit credit = new FundingCredit(ACCOUNTS[c.account()],
                        c.publicKind() ? SourceKind.PUBLIC_ACCOUNT : SourceKind.CONTRIBUTIONS, YearMonth.of(2026, 11),
                        c.amountCents(), "credit-" + i);
                CreditOutcome outcome = book.credit(credit);
                if (outcome instanceof CreditOutcome.Credited) {
                    acceptedCreditsCents += c.amountCents();
                }
                trace.add(outcome.toString());
            }
        }

        private void fundWaiting() {
            List<Batch> waiting = batches.values().stream()
                    .filter(b -> states.get(b.id()) == BatchState.WAITING_FUNDING).toList();
            for (BatchFunding bf : book.fundWaiting(waiting)) {
                trace.add(bf.batch().id() + " " + bf.outcome());
                if (bf.outcome() instanceof FundingOutcome.Funded funded) {
                    assertThat(funded.totalCents()).isEqualTo(bf.batch().totalCents());
                    allocatedCents += funded.totalCents();
                    move(bf.batch().id(), BatchState.FUNDED);
                    for (int i = 0; i < bf.batch().transferCount(); i++) {
                        reconciliation.instruct(bf.batch().instruct(i, 1, funded.allocationsFor(i)));
                    }
                    move(bf.batch().id(), BatchState.INSTRUCTED);
                }
            }
        }

        private void fundRetries() {
            for (FollowUp.Retry retry : reconciliation.pendingRetries()) {
                Batch b = batches.get(retry.batchId());
                FundingOutcome outcome = book.fundTransfer(b, retry.transferIndex());
                trace.add("retry " + retry + " " + outcome);
                if (outcome instanceof FundingOutcome.Funded funded) {
                    allocatedCents += funded.totalCents();
                    reconciliation.instruct(b.instruct(retry.transferIndex(), retry.nextAttempt(),
                            funded.allocationsFor(retry.transferIndex())));
                    move(b.id(), reconciliation.batchState(b.id()).orElseThrow());
                }
            }
        }

        private void reconcileRound() {
            List<BankOutcome> news = new ArrayList<>();
            for (Batch b : batches.values()) {
                for (AttemptStatus a : reconciliation.latestAttempts(b.id())) {
                    news.addAll(bankNews(a.transfer()));
                }
            }
            ReconciliationRun run = reconciliation.reconcile(news, book);
            trace.add(run.report().render());
            for (OutcomeResult r : run.results()) {
                if (r instanceof OutcomeResult.Failed f) {
                    refundedCents += Allocation.sum(f.refunded());
                }
            }
            for (String id : batches.keySet()) {
                reconciliation.batchState(id).ifPresent(s -> move(id, s));
            }
        }

        /** What the bank says this round about one attempt, by the next fate. */
        private List<BankOutcome> bankNews(InstructedTransfer t) {
            int fate = fates.isEmpty() ? 0 : fates.get(nextFate++ % fates.size());
            String id = t.endToEndId();
            BankOutcome.Booked booked = new BankOutcome.Booked(id, t.amountCents(), "BK-" + id.hashCode());
            return switch (fate) {
                case 0 -> List.of(booked);
                case 1 -> List.of(booked, booked);
                case 2 -> List.of(new BankOutcome.Rejected(id, "AM04"));
                case 3 -> List.of(new BankOutcome.Rejected(id, "AC04"), new BankOutcome.Rejected(id, "AC04"));
                case 4 -> List.of(booked, new BankOutcome.Returned(id, t.amountCents(), "MS02"));
                case 5 -> List.of(new BankOutcome.Booked(id, t.amountCents() + 1, "BK-X"));
                case 6 -> List.of(new BankOutcome.Booked("UNKNOWN-" + id.length(), 5, "BK-U"));
                default -> List.of();
            };
        }

        private void move(String batchId, BatchState next) {
            BatchState current = states.get(batchId);
            if (current != next) {
                states.put(batchId, BatchState.transition(current, next));
            }
        }

        private void checkInvariants() {
            long creation = book.creationUsedByMonthCents().values().stream().mapToLong(Long::longValue).sum();
            long balances = book.balancesCents().values().stream().mapToLong(Long::longValue).sum();
            assertThat(acceptedCreditsCents + creation).isEqualTo(balances + allocatedCents - refundedCents);
            assertThat(book.outstandingCents()).isEqualTo(allocatedCents - refundedCents);
            assertThat(book.balancesCents().values()).allMatch(v -> v >= 0);
            assertThat(book.creationUsedByMonthCents().values())
                    .allMatch(v -> v <= book.plan().creationCeilingCentsPerMonth());
            assertThat(reconciliation.pendingRetries()).isEqualTo(retriesFromLatestAttempts());
        }

        /** What {@link Reconciliation#pendingRetries} must list: each transfer whose latest attempt is RETRY. */
        private List<FollowUp.Retry> retriesFromLatestAttempts() {
            return batches.keySet().stream().sorted().flatMap(id -> reconciliation.latestAttempts(id).stream())
                    .filter(a -> a.decision() == AttemptStatus.Decision.RETRY)
                    .map(a -> new FollowUp.Retry(a.transfer().batchId(), a.transfer().transferIndex(),
                            a.transfer().attempt() + 1))
                    .toList();
        }

        Set<String> allLineIds() {
            Set<String> ids = new HashSet<>();
            batches.values().forEach(b -> b.lines().forEach(l -> assertThat(ids.add(l.id())).isTrue()));
            return ids;
        }

        Set<String> inputLineIds() {
            Set<String> ids = new HashSet<>();
            ledgerLines.forEach(l -> ids.add(l.id()));
            return ids;
        }
    }
}
