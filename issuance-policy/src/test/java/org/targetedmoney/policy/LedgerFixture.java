package org.targetedmoney.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.Genesis.AccountSpec;
import org.targetedmoney.policy.genesis.Genesis.AllowanceSpec;
import org.targetedmoney.policy.genesis.Genesis.PurposeSpec;
import org.targetedmoney.policy.genesis.GenesisState;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.rules.Conservation;
import org.targetedmoney.policy.rules.LedgerEvent;
import org.targetedmoney.policy.rules.MemberCredit;
import org.targetedmoney.policy.rules.Outcome;
import org.targetedmoney.policy.rules.Rejection;
import org.targetedmoney.policy.rules.RejectionCode;
import org.targetedmoney.policy.rules.Rules;
import org.targetedmoney.policy.rules.TxContext;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.state.StateRoots;

/**
 * A small ledger to test the rules on: three purposes, a few nested territories, an authority, a
 * registrar and a committee of Hérault (FR-OCC-34), and the SSA food allowance (150 EUR a month for one
 * person, up to 380 EUR for four or more, expiring after 3 epochs, from epoch 0).
 *
 * <p>Calls go through {@link Rules#apply}; the writes of an applied call are put into the state, so a test
 * reads like the story of a ledger. Block time is an epoch number set with {@link #atEpoch}.
 */
public final class LedgerFixture {
    public static final long GENESIS_TIMESTAMP = 1_800_000_000L;
    public static final long EPOCH_SECONDS = 1_000;

    public static final int FOOD = 1;
    public static final int HEALTH = 2;
    public static final int CULTURE = 3;
    public static final int UNKNOWN_PURPOSE_ID = 99;

    public static final List<Long> FOOD_CENTS_BY_HOUSEHOLD = List.of(15_000L, 25_000L, 32_000L, 38_000L);
    public static final int FOOD_EXPIRY_EPOCHS = 3;

    public static final List<String> TERRITORIES =
            List.of("FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172", "FR-IDF", "FR-IDF-75");

    public static final Address AUTHORITY = address(0xA1);
    public static final Address REGISTRAR = address(0xB1);
    /** A local committee responsible for Hérault (FR-OCC-34) and what lies below it. */
    public static final Address COMMITTEE_34 = address(0xC1);
    /** The settlement bridge's account: no role in genesis, the tests that need one grant it BRIDGE. */
    public static final Address BRIDGE = address(0xD1);
    /** An account with no role at all. */
    public static final Address STRANGER = address(0xE1);

    /** A member in Sète (FR-OCC-34-172). */
    public static final Address ALICE = address(0x1001);
    /** A member in Paris (FR-IDF-75). */
    public static final Address BOB = address(0x1002);
    public static final Address CAROL = address(0x1003);

    /** A grocer conventioned by the tests in Hérault. */
    public static final Address GROCER = address(0x2001);
    /** A bookshop, often conventioned for CULTURE. */
    public static final Address BOOKSHOP = address(0x2002);
    public static final Address PARIS_MARKET = address(0x2003);
    /** A general practitioner, conventioned for HEALTH by the tests that need one. */
    public static final Address DOCTOR = address(0x2004);

    public final MemoryState state = new MemoryState();
    private int timeEpoch;
    private long blockNumber = 1;

    private LedgerFixture(Genesis genesis) {
        state.putAll(GenesisState.entities(genesis));
    }

    public static LedgerFixture fresh() {
        return new LedgerFixture(genesis());
    }

    public static Genesis genesis() {
        return new Genesis(1337, GENESIS_TIMESTAMP,
                new EpochScheme(EpochScheme.Kind.FIXED, EPOCH_SECONDS, GENESIS_TIMESTAMP),
                List.of(new PurposeSpec("FOOD", "Food social security"), new PurposeSpec("HEALTH", "Health"),
                        new PurposeSpec("CULTURE", "Culture")),
                TERRITORIES,
                List.of(new AccountSpec(AUTHORITY, List.of(Role.AUTHORITY), null, "national body"),
                        new AccountSpec(REGISTRAR, List.of(Role.REGISTRAR), null, "registrar"),
                        new AccountSpec(COMMITTEE_34, List.of(Role.COMMITTEE), "FR-OCC-34", "Hérault committee")),
                List.of(new AllowanceSpec("FOOD", FOOD_CENTS_BY_HOUSEHOLD, FOOD_EXPIRY_EPOCHS, 0)),
                List.of());
    }

    public static Address address(int n) {
        return Address.fromHex(String.format("0x%040x", n));
    }

    /** A 32-byte payment reference whose last byte is {@code n}. */
    public static byte[] ref(int n) {
        byte[] r = new byte[32];
        r[31] = (byte) n;
        r[0] = (byte) 0xF0;
        return r;
    }

    // ---------------------------------------------------------------- block time

    /** Following blocks carry a timestamp inside {@code epoch}. */
    public LedgerFixture atEpoch(int epoch) {
        this.timeEpoch = epoch;
        return this;
    }

    public int timeEpoch() {
        return timeEpoch;
    }

    /** The number of the block the next call is in (each call is in a block of its own). */
    public long blockNumber() {
        return blockNumber;
    }

    /** The next call is in block {@code n} (a replay puts each call in the block it was first in). */
    public LedgerFixture atBlock(long n) {
        this.blockNumber = n;
        return this;
    }

    public TxContext ctx(Address sender) {
        long timestamp = GENESIS_TIMESTAMP + timeEpoch * EPOCH_SECONDS + 1;
        return new TxContext(sender, blockNumber, timestamp, timeEpoch);
    }

    // ---------------------------------------------------------------- applying calls

    /** Applies {@code call} from {@code sender}; an applied call's writes are stored. */
    public Outcome apply(Address sender, Call call) {
        Outcome outcome = Rules.apply(state, ctx(sender), call, org.targetedmoney.policy.abi.CallDecoder.ACTIONS);
        blockNumber++;
        if (outcome instanceof Outcome.Applied applied) {
            state.putAll(applied.writes());
        }
        return outcome;
    }

    /** Applies a call that must succeed. */
    public Outcome.Applied ok(Address sender, Call call) {
        Outcome outcome = apply(sender, call);
        assertThat(outcome).as("%s by %s", call, sender).isInstanceOf(Outcome.Applied.class);
        return (Outcome.Applied) outcome;
    }

    /** Applies a call that must be refused with {@code code}, and checks that it changed nothing. */
    public Rejection rejected(Address sender, Call call, RejectionCode code) {
        byte[] before = root();
        Outcome outcome = apply(sender, call);
        assertThat(outcome).as("%s by %s", call, sender).isInstanceOf(Outcome.Rejected.class);
        Rejection rejection = ((Outcome.Rejected) outcome).rejection();
        assertThat(rejection.code()).as("rejection of %s: %s", call, rejection.detail()).isEqualTo(code);
        assertThat(rejection.reasonText()).startsWith(code.name() + ": ");
        assertThat(root()).as("a rejected call changes nothing").isEqualTo(before);
        return rejection;
    }

    public byte[] root() {
        return StateRoots.root(state.all());
    }

    // ---------------------------------------------------------------- the usual steps of a story

    public LedgerFixture enrol(Address member, String territory, int householdSize) {
        ok(REGISTRAR, new Call.EnrolMember(member, territory, householdSize));
        return this;
    }

    /** The authority conventions {@code provider} in {@code territory} for epochs 0..1000. */
    public LedgerFixture convention(Address provider, String territory, Integer... purposes) {
        ok(AUTHORITY, new Call.ConventionProvider(provider, Arrays.asList(purposes), territory, 0, 1000));
        return this;
    }

    /** Moves block time to {@code epoch} if it is behind, then the authority opens it. */
    public Outcome.Applied open(int epoch) {
        atEpoch(Math.max(timeEpoch, epoch));
        return ok(AUTHORITY, new Call.OpenEpoch(epoch));
    }

    /** Opens every epoch from {@code from} to {@code to} inclusive. */
    public LedgerFixture openEpochs(int from, int to) {
        for (int e = from; e <= to; e++) {
            open(e);
        }
        return this;
    }

    public Outcome.Applied pay(Address member, Address provider, int purpose, long cents) {
        return ok(member, new Call.Pay(provider, purpose, cents, ref(1)));
    }

    public Call.Pay payCall(Address provider, int purpose, long cents) {
        return new Call.Pay(provider, purpose, cents, ref(1));
    }

    public long balance(Address member, int purpose) {
        return MemberCredit.balance(state, state.member(member), purpose);
    }

    public List<Entity.Bucket> buckets(Address member, int purpose) {
        return MemberCredit.buckets(state, state.member(member), purpose);
    }

    public Entity.PurposeTotals totals(int purpose) {
        return state.totals(purpose);
    }

    public int lastOpenedEpoch() {
        return state.meta().lastOpenedEpoch();
    }

    /** Full recomputation of every purpose's figures; fails with the problems if units appeared or vanished. */
    public void assertConserved() {
        for (Conservation.PurposeReport r : Conservation.check(state)) {
            assertThat(r.problems()).as("conservation of %s", r.symbol()).isEmpty();
        }
    }

    public static <T extends LedgerEvent> List<T> events(Outcome.Applied applied, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (LedgerEvent e : applied.events()) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }
}
