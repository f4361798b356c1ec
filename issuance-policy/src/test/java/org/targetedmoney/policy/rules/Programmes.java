package org.targetedmoney.policy.rules;

import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.CULTURE;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.REGISTRAR;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;
import static org.targetedmoney.policy.LedgerFixture.TERRITORIES;
import static org.targetedmoney.policy.LedgerFixture.UNKNOWN_PURPOSE_ID;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.LongMode;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.ProposalStatus;
import org.targetedmoney.policy.model.Territory;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.state.StateView;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;

/**
 * Random programmes for the property tests: the food social security (allowances, payments, redemptions),
 * health at 100 % (tariffs, claims paid directly) and democratic governance (bodies, proposals, votes,
 * executions) mixed in one story.
 *
 * <p>A story is a list of symbolic steps ({@link Op}). A step becomes a concrete call only when it is played,
 * against the state reached so far: "the n-th body", "a member of the proposal's body", "the tariff in force
 * plus one cent". So a random story keeps meaning something after another step was added or removed, which is
 * what shrinking does, and valid calls are frequent enough for the applied paths to be exercised, not only
 * the refusals. Invalid values are drawn on purpose too (quorum 0, duplicated members, unknown territory,
 * non-member voters, amounts above the tariff...).
 */
final class Programmes {
    static final int MEMBERS = 6;
    /** Providers 0 (a grocer) and 3 (the doctor) are conventioned at the start; 1 and 2 only by the story. */
    static final int PROVIDERS = 4;
    /** Candidates for governance bodies; index {@code PEOPLE} stands for the zero address (invalid). */
    static final int PEOPLE = 6;
    static final String UNKNOWN_TERRITORY = "FR-BRE";
    /** Act codes of the tariff schedule; the last is not a valid code (a tariff for it is refused). */
    static final List<String> ACTS = List.of("G", "K.10", "CS", "g x");
    static final long START_TARIFF_CENTS = 2_650;
    /** Stories have 1..MAX_STEPS steps (long mode: {@code -Dprops.steps}). */
    static final int MAX_STEPS = LongMode.maxSteps(50);

    private Programmes() {}

    static Address member(int i) {
        return LedgerFixture.address(0x1001 + i);
    }

    static Address provider(int i) {
        return LedgerFixture.address(0x2001 + i);
    }

    static Address person(int i) {
        return i >= PEOPLE ? Address.ZERO : LedgerFixture.address(0x3001 + i);
    }

    static String territory(int i) {
        return i < TERRITORIES.size() ? TERRITORIES.get(i) : UNKNOWN_TERRITORY;
    }

    static String claimRef(int i) {
        return i < 6 ? HexFormat.of().formatHex(LedgerFixture.ref(0x40 + i)) : "c1a1";
    }

    // ------------------------------------------------------------------ the steps of a story

    /** One step of a story; ints pick from pools (members, providers, territories) or among what exists. */
    sealed interface Op {}

    record Enrol(int member, int territory, int household) implements Op {}

    record Conventionate(int provider, int territory, List<Integer> purposes, int from, int length,
                         boolean byCommittee) implements Op {}

    record Suspend(int provider, int purpose, boolean suspend) implements Op {}

    record Pay(int member, int provider, int purpose, long amount) implements Op {}

    record Redeem(int provider, int purpose, long amount) implements Op {}

    /** A policy from {@code delay} epochs after the last opened one (-1: in the past, refused). */
    record SetPolicy(int purpose, List<Long> amounts, int expiry, int delay) implements Op {}

    record SetTariff(int purpose, int act, long amount, boolean byAuthority) implements Op {}

    record Claim(int provider, int member, int purpose, int act, ClaimAmount amount, int ref) implements Op {}

    /** How much a claim asks, relative to the tariff in force for its act when it is filed. */
    record ClaimAmount(int kind, long delta) {
        static final int BELOW = 0;
        static final int AT = 1;
        static final int ABOVE = 2;
        static final int RAW = 3;

        long resolve(long tariff) {
            return switch (kind) {
                case BELOW -> Math.max(1, tariff - delta);
                case AT -> tariff;
                case ABOVE -> tariff + 1 + delta;
                default -> delta;
            };
        }
    }

    /** Block time moves {@code epochs} ahead; then, if {@code open}, the authority opens the next epoch(s). */
    record Time(int epochs, boolean open, int skip) implements Op {}

    record CreateBody(int kind, int territory, List<Integer> members, int quorum, boolean byAuthority)
            implements Op {}

    /** The authority replaces the members of a body. */
    record SetMembers(int body, List<Integer> members, int quorum) implements Op {}

    record Propose(int body, int proposer, Action action, Timing timing) implements Op {}

    record Timing(int effectiveIn, long delaySeconds, int votingEpochs) {}

    record Vote(int proposal, int voter, boolean approve) implements Op {}

    /** Block time moves {@code waitEpochs} ahead (an executor waiting for the delay), then the call is sent. */
    record Execute(int proposal, int sender, int waitEpochs) implements Op {}

    /** What a proposal asks its body to do. */
    sealed interface Action {}

    /** A convention in a territory under the body's own ({@code inside}), or in any territory. */
    record ConventionAct(int provider, boolean inside, int territory, List<Integer> purposes, int from, int length)
            implements Action {}

    record SuspendAct(int provider, int purpose, boolean suspend) implements Action {}

    record TariffAct(int purpose, int act, long amount) implements Action {}

    record PolicyAct(int purpose, List<Long> amounts, int expiry, int delay) implements Action {}

    record OpenEpochAct(int skip) implements Action {}

    /** Change the members of the proposing body ({@code body == 0}) or of another one. */
    record MembersAct(int body, List<Integer> members, int quorum) implements Action {}

    /** A payment: not something a body decides. */
    record PaymentAct() implements Action {}

    /** Bytes that are no ledger call. */
    record GarbageAct() implements Action {}

    // ------------------------------------------------------------------ from symbolic steps to calls

    /** A concrete call in block time {@code timeEpoch}; a {@code null} call is time passing, nothing sent. */
    record Tx(int timeEpoch, Address sender, Call call) {}

    /** The body a pick designates: mostly an existing one, sometimes one that does not exist (9). */
    static int bodyId(StateView s, int pick) {
        int n = s.governanceMeta().bodyCount();
        return pick == 9 || n == 0 ? n + 1 : 1 + pick % n;
    }

    /**
     * The proposal a pick designates: 0..5 one of the latest proposals in status {@code wanted} (open ones for
     * a vote, approved ones for an execution; the latest proposal if none is), 6..8 one of the latest
     * proposals whatever their status, 9 one that does not exist.
     */
    static long proposalId(StateView s, int pick, ProposalStatus wanted) {
        long n = s.governanceMeta().proposalCount();
        if (pick == 9 || n == 0) {
            return n + 1;
        }
        if (pick >= 6) {
            return n - pick % n;
        }
        List<Long> candidates = new ArrayList<>();
        for (long id = n; id >= 1 && candidates.size() < 6; id--) {
            if (s.proposal(id).status() == wanted.code()) {
                candidates.add(id);
            }
        }
        return candidates.isEmpty() ? n : candidates.get(pick % candidates.size());
    }

    /**
     * Who acts on a body's matter: 0..6 one of its members (cyclically), 7 a person who is not a member, 8 the
     * authority, 9 an enrolled member of the ledger. Non-members must be refused.
     */
    static Address actor(List<Address> bodyMembers, int who) {
        if (who < 7 && !bodyMembers.isEmpty()) {
            return bodyMembers.get(who % bodyMembers.size());
        }
        if (who == 8) {
            return AUTHORITY;
        }
        if (who == 9) {
            return member(0);
        }
        for (int i = 0; i < PEOPLE; i++) {
            if (!bodyMembers.contains(person(i))) {
                return person(i);
            }
        }
        return STRANGER;
    }

    /** A territory covered by the territory of {@code body} (any territory if there is no such body). */
    static String territoryUnder(StateView s, int body, int pick) {
        Entity.Body b = s.body(body);
        if (b == null) {
            return territory(pick);
        }
        List<String> under = TERRITORIES.stream().filter(t -> Territory.covers(b.territory(), t)).toList();
        return under.isEmpty() ? b.territory() : under.get(pick % under.size());
    }

    static List<Address> people(List<Integer> indices) {
        return indices.stream().map(Programmes::person).toList();
    }

    static List<Address> membersOf(StateView s, int body) {
        Entity.Body b = s.body(body);
        return b == null ? List.of() : b.members();
    }

    /** Turns a symbolic step into the call it means in the current state of {@code l}. */
    static Tx interpret(LedgerFixture l, Op op) {
        StateView s = l.state;
        int now = l.timeEpoch();
        int lastOpened = s.meta().lastOpenedEpoch();
        return switch (op) {
            case Enrol e -> new Tx(now, REGISTRAR,
                    new Call.EnrolMember(member(e.member()), territory(e.territory()), e.household()));
            case Conventionate c -> new Tx(now, c.byCommittee() ? COMMITTEE_34 : AUTHORITY,
                    new Call.ConventionProvider(provider(c.provider()), c.purposes(), territory(c.territory()),
                            c.from(), c.from() + c.length()));
            case Suspend x -> new Tx(now, AUTHORITY, x.suspend()
                    ? new Call.SuspendConvention(provider(x.provider()), x.purpose())
                    : new Call.ResumeConvention(provider(x.provider()), x.purpose()));
            case Pay p -> new Tx(now, member(p.member()),
                    new Call.Pay(provider(p.provider()), p.purpose(), p.amount(), LedgerFixture.ref(p.member())));
            case Redeem r -> new Tx(now, provider(r.provider()), new Call.Redeem(r.purpose(), r.amount()));
            case SetPolicy p -> new Tx(now, AUTHORITY, new Call.SetAllowancePolicy(p.purpose(), p.amounts(),
                    p.expiry(), lastOpened + 1 + p.delay()));
            case SetTariff t -> new Tx(now, t.byAuthority() ? AUTHORITY : STRANGER,
                    new Call.SetTariff(t.purpose(), ACTS.get(t.act()), t.amount()));
            case Claim c -> {
                Entity.Tariff tariff = s.tariff(c.purpose(), ACTS.get(c.act()));
                long base = tariff == null ? START_TARIFF_CENTS : tariff.maxAmountCents();
                yield new Tx(now, provider(c.provider()), new Call.FileClaim(member(c.member()), c.purpose(),
                        ACTS.get(c.act()), c.amount().resolve(base), claimRef(c.ref())));
            }
            case Time t -> {
                int epoch = now + t.epochs();
                if (!t.open()) {
                    yield new Tx(epoch, null, null);
                }
                int next = lastOpened + 1 + t.skip();
                yield new Tx(Math.max(epoch, next), AUTHORITY, new Call.OpenEpoch(next));
            }
            case CreateBody b -> new Tx(now, b.byAuthority() ? AUTHORITY : STRANGER,
                    new Call.CreateBody("Comité " + (s.governanceMeta().bodyCount() + 1), territory(b.territory()),
                            b.kind(), people(b.members()), b.quorum()));
            case SetMembers m -> new Tx(now, AUTHORITY,
                    new Call.SetBodyMembers(bodyId(s, m.body()), people(m.members()), m.quorum()));
            case Propose p -> {
                int body = bodyId(s, p.body());
                yield new Tx(now, actor(membersOf(s, body), p.proposer()), new Call.Propose(body,
                        action(s, body, p.action()), now + p.timing().effectiveIn(), p.timing().delaySeconds(),
                        p.timing().votingEpochs()));
            }
            case Vote v -> {
                long id = proposalId(s, v.proposal(), ProposalStatus.OPEN);
                Entity.Proposal proposal = s.proposal(id);
                yield new Tx(now, actor(proposal == null ? List.of() : membersOf(s, proposal.body()), v.voter()),
                        new Call.Vote(id, v.approve()));
            }
            case Execute x -> {
                long id = proposalId(s, x.proposal(), ProposalStatus.APPROVED);
                Entity.Proposal proposal = s.proposal(id);
                yield new Tx(now + x.waitEpochs(), actor(proposal == null ? List.of() : membersOf(s, proposal.body()),
                        x.sender()), new Call.ExecuteProposal(id));
            }
        };
    }

    /** The ABI call data (hex) a proposal of {@code body} carries, as a wallet would encode it with web3j. */
    static String action(StateView s, int body, Action a) {
        int lastOpened = s.meta().lastOpenedEpoch();
        return switch (a) {
            case ConventionAct c -> encode("conventionProvider", address(provider(c.provider())),
                    new DynamicArray<>(Uint32.class, c.purposes().stream().map(Uint32::new).toList()),
                    new Utf8String(c.inside() ? territoryUnder(s, body, c.territory()) : territory(c.territory())),
                    new Uint32(c.from()), new Uint32(c.from() + c.length()));
            case SuspendAct x -> encode(x.suspend() ? "suspendConvention" : "resumeConvention",
                    address(provider(x.provider())), new Uint32(x.purpose()));
            case TariffAct t -> encode("setTariff", new Uint32(t.purpose()), new Utf8String(ACTS.get(t.act())),
                    new Uint256(t.amount()));
            case PolicyAct p -> encode("setAllowancePolicy", new Uint32(p.purpose()),
                    new DynamicArray<>(Uint256.class, p.amounts().stream().map(Uint256::new).toList()),
                    new Uint32(p.expiry()), new Uint32(Math.max(0, lastOpened + 1 + p.delay())));
            case OpenEpochAct o -> encode("openEpoch", new Uint32(lastOpened + 1 + o.skip()));
            case MembersAct m -> encode("setBodyMembers", new Uint32(m.body() == 0 ? body : bodyId(s, m.body())),
                    new DynamicArray<>(org.web3j.abi.datatypes.Address.class,
                            people(m.members()).stream().map(Programmes::address).toList()),
                    new Uint32(m.quorum()));
            case PaymentAct p -> encode("pay", address(provider(0)), new Uint32(FOOD), new Uint256(1),
                    new Bytes32(LedgerFixture.ref(1)));
            case GarbageAct g -> "deadbeef";
        };
    }

    @SuppressWarnings("rawtypes")
    private static String encode(String function, Type... args) {
        return FunctionEncoder.encode(new Function(function, List.of(args), List.of())).substring(2);
    }

    private static org.web3j.abi.datatypes.Address address(Address a) {
        return new org.web3j.abi.datatypes.Address(a.toHex());
    }

    // ------------------------------------------------------------------ playing a story

    /**
     * The ledger every programme starts from: three members with a month of food credit, a grocer serving all
     * of France for FOOD and CULTURE, a doctor conventioned for HEALTH in Occitanie with the GP consultation at
     * 26.50 EUR, a national body (quorum 2 of 3), the Hérault committee (unanimity, 3 of 3: one refusal
     * rejects; person 2 sits on both) and the committee of Sète, a single person (quorum 1: its proposals run
     * at once). Three proposals
     * are open: the Hérault committee's to convention shop 1 in Sète, and the national body's to set a tariff
     * and to open epoch 1, both after a delay (opening epoch 1 fails if the authority opened it first, or if
     * block time has not reached it). Starting there lets short stories reach payments, claims, votes and
     * executed or failed proposals.
     */
    static LedgerFixture startingLedger() {
        LedgerFixture l = LedgerFixture.fresh();
        l.state.putAll(START.state.all());
        return l.atEpoch(START.timeEpoch());
    }

    /** Built once: copying its (immutable) entities into a fresh ledger is much cheaper than replaying it. */
    private static final LedgerFixture START = buildStartingLedger();

    /** The starting ledger built call by call (what {@link #startingLedger} copies). */
    static LedgerFixture buildStartingLedger() {
        LedgerFixture l = LedgerFixture.fresh();
        l.enrol(member(0), "FR-OCC-34-172", 1).enrol(member(1), "FR-IDF-75", 3).enrol(member(2), "FR-OCC", 2);
        l.convention(provider(0), "FR", FOOD, CULTURE);
        l.convention(provider(3), "FR-OCC", HEALTH);
        l.ok(AUTHORITY, new Call.SetTariff(HEALTH, "G", START_TARIFF_CENTS));
        l.ok(AUTHORITY, new Call.CreateBody("Conseil national", "FR", BodyKind.NATIONAL.code(),
                people(List.of(0, 1, 2)), 2));
        l.ok(AUTHORITY, new Call.CreateBody("Comité Hérault", "FR-OCC-34", BodyKind.LOCAL.code(),
                people(List.of(2, 3, 4)), 3));
        l.ok(AUTHORITY, new Call.CreateBody("Comité Sète", "FR-OCC-34-172", BodyKind.LOCAL.code(),
                people(List.of(5)), 1));
        l.open(0);
        l.ok(person(2), new Call.Propose(2, action(l.state, 2, new ConventionAct(1, true, 1, List.of(FOOD), 0, 12)),
                0, 0, 3));
        l.ok(person(0), new Call.Propose(1, action(l.state, 1, new TariffAct(HEALTH, 1, 1_500)), 0,
                LedgerFixture.EPOCH_SECONDS / 2, 3));
        l.ok(person(1), new Call.Propose(1, action(l.state, 1, new OpenEpochAct(0)), 0,
                LedgerFixture.EPOCH_SECONDS / 2, 3));
        return l;
    }

    /** One played step: its call, outcome (null for time passing), and the state before and after it. */
    record Step(Tx tx, TxContext ctx, Outcome outcome, MemoryState before, MemoryState after) {
        Call call() {
            return tx.call();
        }

        boolean applied() {
            return outcome instanceof Outcome.Applied;
        }

        boolean rejected() {
            return outcome instanceof Outcome.Rejected;
        }

        RejectionCode code() {
            return outcome instanceof Outcome.Rejected r ? r.rejection().code() : null;
        }

        List<LedgerEvent> events() {
            return outcome instanceof Outcome.Applied a ? a.events() : List.of();
        }

        <T extends LedgerEvent> List<T> events(Class<T> type) {
            return events().stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<Entity> writes() {
            return outcome instanceof Outcome.Applied a ? a.writes() : List.of();
        }

        /** The name of the call ({@code Pay}, {@code Vote}...), or {@code Time} when only time passed. */
        String kind() {
            return tx.call() == null ? "Time" : tx.call().getClass().getSimpleName();
        }

        /** "applied" or the rejection code: what statistics count. */
        String result() {
            return applied() ? "applied" : rejected() ? code().name() : "-";
        }

        @Override
        public String toString() {
            return kind() + " by " + tx.sender() + " in epoch " + tx.timeEpoch() + ": " + tx.call() + " -> "
                    + (outcome instanceof Outcome.Rejected r ? r.rejection().reasonText() : result());
        }
    }

    /**
     * Plays steps on a ledger through {@link LedgerFixture#apply} (the rules read the live state; an applied
     * call's writes are then stored). Each step keeps a copy of the state before it; {@code after} is the live
     * state, so a step is judged when it is played.
     */
    static final class Player {
        final LedgerFixture ledger;
        final List<Step> steps = new ArrayList<>();

        Player(LedgerFixture ledger) {
            this.ledger = ledger;
        }

        Step play(Op op) {
            return submit(interpret(ledger, op));
        }

        Step submit(Tx tx) {
            MemoryState before = copy(ledger.state);
            ledger.atEpoch(tx.timeEpoch());
            TxContext ctx = ledger.ctx(tx.sender() == null ? AUTHORITY : tx.sender());
            Outcome outcome = tx.call() == null ? null : ledger.apply(tx.sender(), tx.call());
            Step step = new Step(tx, ctx, outcome, before, ledger.state);
            steps.add(step);
            return step;
        }

        List<Tx> log() {
            return steps.stream().map(Step::tx).toList();
        }
    }

    static MemoryState copy(MemoryState state) {
        MemoryState copy = new MemoryState();
        copy.putAll(state.all());
        return copy;
    }

    // ------------------------------------------------------------------ random stories

    /**
     * Random programmes of 1..{@link #MAX_STEPS} steps, every kind of call mixed. The pools are biased towards
     * what can succeed (enrolled members pay the grocer for FOOD, the doctor claims for HEALTH, members of a
     * body vote on its open proposals) so that applied paths are as frequent as refused ones.
     */
    static Arbitrary<List<Op>> stories() {
        // members 0..2 are enrolled at the start; 3..5 only once the story enrols them
        Arbitrary<Integer> members = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(0, 2)),
                Tuple.of(2, Arbitraries.integers().between(3, MEMBERS - 1)));
        Arbitrary<Integer> newMembers = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(0, 2)),
                Tuple.of(4, Arbitraries.integers().between(3, MEMBERS - 1)));
        Arbitrary<Integer> shops = Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(2, 1), Tuple.of(1, 2),
                Tuple.of(1, 3));
        Arbitrary<Integer> doctors = Arbitraries.frequency(Tuple.of(8, 3), Tuple.of(1, 0), Tuple.of(1, 1));
        Arbitrary<Integer> providers = Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(2, 1), Tuple.of(2, 2),
                Tuple.of(4, 3));
        // shops 1 and 2 have no convention at the start: a committee may convention them anywhere in its scope
        Arbitrary<Integer> newShops = Arbitraries.frequency(Tuple.of(4, 1), Tuple.of(4, 2), Tuple.of(1, 0),
                Tuple.of(1, 3));
        Arbitrary<Integer> patients = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(0)),
                Tuple.of(5, Arbitraries.just(2)), Tuple.of(2, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.integers().between(3, MEMBERS - 1)));
        Arbitrary<Integer> claimedActs = Arbitraries.frequency(Tuple.of(12, 0), Tuple.of(2, 1), Tuple.of(1, 2),
                Tuple.of(1, 3));
        Arbitrary<Integer> territories = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, TERRITORIES.size() - 1)),
                Tuple.of(1, Arbitraries.just(TERRITORIES.size())));
        Arbitrary<Integer> purposes = Arbitraries.frequency(Tuple.of(5, FOOD), Tuple.of(5, HEALTH),
                Tuple.of(2, CULTURE), Tuple.of(1, UNKNOWN_PURPOSE_ID));
        Arbitrary<Integer> shopping = Arbitraries.frequency(Tuple.of(10, FOOD), Tuple.of(1, HEALTH),
                Tuple.of(2, CULTURE), Tuple.of(1, UNKNOWN_PURPOSE_ID));
        Arbitrary<List<Integer>> conventionPurposes = Arbitraries.frequency(Tuple.of(5, FOOD), Tuple.of(4, HEALTH),
                Tuple.of(2, CULTURE), Tuple.of(1, UNKNOWN_PURPOSE_ID)).list().ofMinSize(1).ofMaxSize(2);
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.longs().between(1, 12_000)),
                Tuple.of(1, Arbitraries.of(0L, -1L, Long.MAX_VALUE)));
        Arbitrary<Integer> acts = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(3, 1), Tuple.of(2, 2),
                Tuple.of(1, 3));
        Arbitrary<List<Long>> allowances = Arbitraries.longs().between(0, 30_000).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Integer> expiries = Arbitraries.frequency(Tuple.of(10, 1), Tuple.of(10, 2), Tuple.of(10, 4),
                Tuple.of(1, 0));
        Arbitrary<Integer> bodies = Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(5, 1), Tuple.of(5, 2),
                Tuple.of(2, 3), Tuple.of(1, 9));
        Arbitrary<Integer> proposals = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.integers().between(0, 5)),
                Tuple.of(3, Arbitraries.integers().between(6, 8)), Tuple.of(1, Arbitraries.just(9)));
        Arbitrary<Integer> who = Arbitraries.frequencyOf(Tuple.of(16, Arbitraries.integers().between(0, 6)),
                Tuple.of(2, Arbitraries.just(7)), Tuple.of(1, Arbitraries.just(8)), Tuple.of(1, Arbitraries.just(9)));
        // Mostly distinct people; sometimes a duplicate, the zero address or nobody (all refused).
        Arbitrary<List<Integer>> bodyMembers = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0, PEOPLE - 1).list().uniqueElements()
                        .ofMinSize(1).ofMaxSize(5)),
                Tuple.of(2, Arbitraries.integers().between(0, PEOPLE).list().ofMinSize(0).ofMaxSize(4)));
        Arbitrary<Integer> quorums = Arbitraries.frequency(Tuple.of(6, 1), Tuple.of(8, 2), Tuple.of(4, 3),
                Tuple.of(1, 0), Tuple.of(1, 6));
        Arbitrary<Long> tariffs = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.longs().between(1, 6_000)),
                Tuple.of(1, Arbitraries.of(0L, Limits.MAX_TARIFF_CENTS + 1)));

        Arbitrary<Op> enrol = Combinators.combine(newMembers, territories, Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(1, 5)), Tuple.of(1, Arbitraries.of(0, 21))))
                .as(Enrol::new);
        Arbitrary<Op> convention = Combinators.combine(newShops, territories, conventionPurposes,
                Arbitraries.integers().between(0, 4), Arbitraries.integers().between(-1, 12),
                Arbitraries.of(false, false, true)).as(Conventionate::new);
        Arbitrary<Op> suspend = Combinators.combine(shops, Arbitraries.frequency(Tuple.of(6, FOOD),
                Tuple.of(3, HEALTH), Tuple.of(1, CULTURE)), Arbitraries.of(true, true, false)).as(Suspend::new);
        Arbitrary<Op> pay = Combinators.combine(members, shops, shopping, amounts).as(Pay::new);
        Arbitrary<Op> redeem = Combinators.combine(shops, shopping, Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.longs().between(1, 4_000)), Tuple.of(1, Arbitraries.of(0L, 1_000_000L))))
                .as(Redeem::new);
        Arbitrary<Op> policy = Combinators.combine(purposes, allowances, expiries,
                Arbitraries.integers().between(-1, 2)).as(SetPolicy::new);
        Arbitrary<Op> tariff = Combinators.combine(purposes, acts, tariffs, Arbitraries.of(true, true, true, false))
                .as(SetTariff::new);
        Arbitrary<ClaimAmount> claimAmounts = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 3_000).map(d -> new ClaimAmount(ClaimAmount.BELOW, d))),
                Tuple.of(3, Arbitraries.just(new ClaimAmount(ClaimAmount.AT, 0))),
                Tuple.of(4, Arbitraries.longs().between(0, 3_000).map(d -> new ClaimAmount(ClaimAmount.ABOVE, d))),
                Tuple.of(1, Arbitraries.of(0L, -1L, Long.MAX_VALUE).map(d -> new ClaimAmount(ClaimAmount.RAW, d))));
        // few references per provider, so that the same claim is filed twice now and then
        Arbitrary<Integer> claimRefs = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.integers().between(0, 2)),
                Tuple.of(3, Arbitraries.integers().between(3, 5)), Tuple.of(1, Arbitraries.just(6)));
        Arbitrary<Op> claim = Combinators.combine(doctors, patients, Arbitraries.frequency(Tuple.of(10, HEALTH),
                Tuple.of(1, FOOD), Tuple.of(1, UNKNOWN_PURPOSE_ID)), claimedActs, claimAmounts, claimRefs)
                .as(Claim::new);
        Arbitrary<Op> time = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.of(true, true, false), Arbitraries.frequency(Tuple.of(16, 0), Tuple.of(2, 1),
                        Tuple.of(2, 4), Tuple.of(2, -1)))
                .as(Time::new);
        Arbitrary<Op> createBody = Combinators.combine(Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(5, 1),
                        Tuple.of(1, 7)), territories, bodyMembers, quorums,
                        Arbitraries.of(true, true, true, true, false))
                .as(CreateBody::new);
        Arbitrary<Op> setMembers = Combinators.combine(bodies, bodyMembers, quorums).as(SetMembers::new);

        Arbitrary<Action> actions = Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(newShops, Arbitraries.of(true, true, true, false), territories,
                        conventionPurposes, Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 24))
                        .as(ConventionAct::new)),
                Tuple.of(3, Combinators.combine(providers, Arbitraries.frequency(Tuple.of(4, FOOD),
                        Tuple.of(4, HEALTH), Tuple.of(1, CULTURE)), Arbitraries.of(true, true, false))
                        .as(SuspendAct::new)),
                Tuple.of(3, Combinators.combine(purposes, acts, tariffs).as(TariffAct::new)),
                Tuple.of(2, Combinators.combine(purposes, allowances, expiries, Arbitraries.integers().between(-1, 2))
                        .as(PolicyAct::new)),
                Tuple.of(2, Arbitraries.frequency(Tuple.of(8, 0), Tuple.of(1, 1), Tuple.of(1, 3))
                        .map(OpenEpochAct::new)),
                Tuple.of(2, Combinators.combine(Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(1, 1), Tuple.of(1, 2)),
                        bodyMembers, quorums).as(MembersAct::new)),
                Tuple.of(1, Arbitraries.just(new PaymentAct())),
                Tuple.of(1, Arbitraries.just(new GarbageAct())));
        // Mostly valid timings, a third of them making an approved proposal wait for time to pass.
        Arbitrary<Timing> timings = Combinators.combine(
                Arbitraries.frequency(Tuple.of(20, 0), Tuple.of(5, 1), Tuple.of(3, 2), Tuple.of(1, -1)),
                Arbitraries.frequency(Tuple.of(20, 0L), Tuple.of(6, LedgerFixture.EPOCH_SECONDS / 2),
                        Tuple.of(4, 2 * LedgerFixture.EPOCH_SECONDS), Tuple.of(1, -1L),
                        Tuple.of(1, Limits.MAX_PROPOSAL_DELAY_SECONDS + 1)),
                Arbitraries.frequency(Tuple.of(5, 1), Tuple.of(12, 2), Tuple.of(6, 3), Tuple.of(1, 0), Tuple.of(1, 13)))
                .as(Timing::new);
        Arbitrary<Op> propose = Combinators.combine(bodies, who, actions, timings).as(Propose::new);
        Arbitrary<Op> vote = Combinators.combine(proposals, who, Arbitraries.of(true, false))
                .as(Vote::new);
        Arbitrary<Op> execute = Combinators.combine(proposals, who,
                Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(3, 1), Tuple.of(3, 2), Tuple.of(1, 3))).as(Execute::new);

        return Arbitraries.frequencyOf(
                Tuple.of(2, enrol),
                Tuple.of(3, convention),
                Tuple.of(1, suspend),
                Tuple.of(8, pay),
                Tuple.of(2, redeem),
                Tuple.of(1, policy),
                Tuple.of(2, tariff),
                Tuple.of(7, claim),
                Tuple.of(4, time),
                Tuple.of(2, createBody),
                Tuple.of(2, setMembers),
                Tuple.of(8, propose),
                Tuple.of(8, vote),
                Tuple.of(4, execute))
                .list().ofMinSize(1).ofMaxSize(MAX_STEPS).withSizeDistribution(RandomDistribution.uniform());
    }
}
