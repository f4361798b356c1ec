package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.LongMode;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity.PurposeTotals;

/**
 * Whatever happens, units neither appear nor vanish, and the same calls give the same state, byte for byte.
 * Random stories: enrolments, conventions (by the authority or the Hérault committee), suspensions, payments
 * of random amounts to random providers, redemptions, policy changes, block time passing and epochs opening.
 * Stories mixing health claims and governance are in {@link GovernanceProperties}. Long mode: see
 * {@link LongMode} ({@code -Dprops.tries=10000}).
 */
@AddLifecycleHook(LongMode.class)
class LedgerProperties {
    private static final int MEMBERS = 5;
    private static final int PROVIDERS = 3;

    /** One step of a story; indices pick from fixed pools of members, providers, territories. */
    sealed interface Op {}

    record Enrol(int member, int territory, int household) implements Op {}

    record Conventionate(int provider, int territory, List<Integer> purposes, int from, int length,
                         boolean byCommittee) implements Op {}

    record Suspend(int provider, int purpose, boolean suspend) implements Op {}

    record Pay(int member, int provider, int purpose, long amount) implements Op {}

    record Redeem(int provider, int purpose, long amount) implements Op {}

    record SetPolicy(int purpose, List<Long> amounts, int expiry, int delay) implements Op {}

    /** Block time moves {@code epochs} ahead (maybe zero); then, if {@code open}, the next epoch(s) open. */
    record Time(int epochs, boolean open, int skip) implements Op {}

    static Address member(int i) {
        return LedgerFixture.address(0x1001 + i);
    }

    static Address provider(int i) {
        return LedgerFixture.address(0x2001 + i);
    }

    /** Applies one step; whether the rules accept it or not is part of the story. */
    static Outcome run(LedgerFixture l, Op op) {
        return switch (op) {
            case Enrol e -> l.apply(LedgerFixture.REGISTRAR, new Call.EnrolMember(member(e.member()),
                    LedgerFixture.TERRITORIES.get(e.territory()), e.household()));
            case Conventionate c -> l.apply(c.byCommittee() ? LedgerFixture.COMMITTEE_34 : LedgerFixture.AUTHORITY,
                    new Call.ConventionProvider(provider(c.provider()), c.purposes(),
                            LedgerFixture.TERRITORIES.get(c.territory()), c.from(), c.from() + c.length()));
            case Suspend s -> l.apply(LedgerFixture.AUTHORITY, s.suspend()
                    ? new Call.SuspendConvention(provider(s.provider()), s.purpose())
                    : new Call.ResumeConvention(provider(s.provider()), s.purpose()));
            case Pay p -> l.apply(member(p.member()),
                    new Call.Pay(provider(p.provider()), p.purpose(), p.amount(), LedgerFixture.ref(p.member())));
            case Redeem r -> l.apply(provider(r.provider()), new Call.Redeem(r.purpose(), r.amount()));
            case SetPolicy s -> l.apply(LedgerFixture.AUTHORITY, new Call.SetAllowancePolicy(s.purpose(),
                    s.amounts(), s.expiry(), l.lastOpenedEpoch() + 1 + s.delay()));
            case Time t -> {
                l.atEpoch(l.timeEpoch() + t.epochs());
                if (!t.open()) {
                    yield null;
                }
                int next = l.lastOpenedEpoch() + 1 + t.skip();
                l.atEpoch(Math.max(l.timeEpoch(), next));
                yield l.apply(LedgerFixture.AUTHORITY, new Call.OpenEpoch(next));
            }
        };
    }

    /** Three members with a month of credit and a grocer serving all of France, so that stories pay early. */
    static LedgerFixture startingLedger() {
        LedgerFixture l = LedgerFixture.fresh();
        l.enrol(member(0), "FR-OCC-34-172", 1).enrol(member(1), "FR-IDF-75", 3).enrol(member(2), "FR-OCC", 2);
        l.convention(provider(0), "FR", LedgerFixture.FOOD, LedgerFixture.CULTURE);
        l.open(0);
        return l;
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void afterAnyStory_everyPurposeIsConserved_andNoTotalIsNegative(@ForAll("stories") List<Op> story) {
        LedgerFixture l = startingLedger();
        boolean paid = false;
        boolean expired = false;
        for (Op op : story) {
            Outcome outcome = run(l, op);
            paid |= op instanceof Pay && outcome instanceof Outcome.Applied;
            expired |= outcome instanceof Outcome.Applied a && a.events().stream()
                    .anyMatch(e -> e instanceof LedgerEvent.Expired x && x.amountCents() > 0);
            for (Conservation.PurposeReport r : Conservation.check(l.state)) {
                assertThat(r.holds()).as("after %s: %s", op, r).isTrue();
                PurposeTotals t = l.totals(r.purpose());
                assertThat(List.of(t.issuedCents(), t.spentCents(), t.redeemedCents(), t.expiredCents(),
                        t.providerBalancesCents(), t.memberBalancesCents())).allMatch(v -> v >= 0);
            }
        }
        Statistics.label("a payment was applied").collect(paid);
        Statistics.label("credit expired").collect(expired);
        Statistics.label("a payment was applied").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("credit expired").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
    void theSameStory_onTwoFreshLedgers_givesTheSameOutcomesAndStateRoot(@ForAll("stories") List<Op> story) {
        LedgerFixture first = startingLedger();
        LedgerFixture second = startingLedger();
        List<Outcome> firstOutcomes = new ArrayList<>();
        List<Outcome> secondOutcomes = new ArrayList<>();

        story.forEach(op -> firstOutcomes.add(run(first, op)));
        story.forEach(op -> secondOutcomes.add(run(second, op)));

        assertThat(secondOutcomes).isEqualTo(firstOutcomes);
        assertThat(second.root()).isEqualTo(first.root());
        assertThat(second.state.all()).containsExactlyElementsOf(first.state.all());
    }

    @Provide
    Arbitrary<List<Op>> stories() {
        Arbitrary<Integer> members = Arbitraries.integers().between(0, MEMBERS - 1);
        // provider 0 is the grocer of the starting ledger: most payments go to it
        Arbitrary<Integer> providers = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(1, 1), Tuple.of(1, 2));
        Arbitrary<Integer> territories = Arbitraries.integers().between(0, LedgerFixture.TERRITORIES.size() - 1);
        Arbitrary<Integer> purposes = Arbitraries.frequency(Tuple.of(6, LedgerFixture.FOOD), Tuple.of(1, LedgerFixture.HEALTH),
                Tuple.of(2, LedgerFixture.CULTURE), Tuple.of(1, LedgerFixture.UNKNOWN_PURPOSE_ID));
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.longs().between(1, 20_000)),
                Tuple.of(1, Arbitraries.of(0L, -1L, Long.MAX_VALUE)));

        Arbitrary<Op> enrol = Combinators.combine(members, territories, Arbitraries.integers().between(0, 6))
                .as(Enrol::new);
        Arbitrary<Op> convention = Combinators.combine(providers, territories,
                purposes.list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(-1, 8), Arbitraries.of(false, false, true)).as(Conventionate::new);
        Arbitrary<Op> suspend = Combinators.combine(providers, purposes, Arbitraries.of(true, false))
                .as(Suspend::new);
        Arbitrary<Op> pay = Combinators.combine(members, providers, purposes, amounts).as(Pay::new);
        Arbitrary<Op> redeem = Combinators.combine(providers, purposes, amounts).as(Redeem::new);
        Arbitrary<Op> policy = Combinators.combine(purposes,
                Arbitraries.longs().between(0, 30_000).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 2)).as(SetPolicy::new);
        Arbitrary<Op> time = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, true, false), Arbitraries.frequency(
                        Tuple.of(8, 0), Tuple.of(1, 1), Tuple.of(1, 4)))
                .as(Time::new);

        return Arbitraries.frequencyOf(
                Tuple.of(3, enrol),
                Tuple.of(2, convention),
                Tuple.of(1, suspend),
                Tuple.of(8, pay),
                Tuple.of(2, redeem),
                Tuple.of(1, policy),
                Tuple.of(3, time)).list().ofMinSize(1).ofMaxSize(LongMode.maxSteps(60)).withSizeDistribution(RandomDistribution.uniform());
    }
}
