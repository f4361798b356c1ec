package org.targetedmoney.policy.state;

import java.nio.charset.StandardCharsets;
import org.targetedmoney.policy.model.Address;

/** Builds entity keys. The kind bytes are part of the storage format: never renumber. */
public final class Keys {
    static final byte ACCOUNT = 1;
    static final byte NONCE = 2;
    static final byte MEMBER = 3;
    static final byte CONVENTION = 4;
    static final byte PROVIDER_BALANCE = 5;
    static final byte PURPOSE = 6;
    static final byte TERRITORY = 7;
    static final byte POLICY = 8;
    static final byte EPOCH = 9;
    static final byte EPOCH_COUNTERS = 10;
    static final byte PURPOSE_TOTALS = 11;
    static final byte ENROLMENT_COUNT = 12;
    static final byte META_KIND = 13;
    static final byte TARIFF = 14;
    static final byte CLAIMS_PAID = 15;
    static final byte CLAIM_RECORD = 16;
    static final byte BODY = 17;
    static final byte PROPOSAL = 18;
    static final byte GOVERNANCE_META_KIND = 19;
    static final byte CATEGORY = 20;
    static final byte TERRITORY_BUDGET = 30;
    static final byte PURPOSE_BUDGETS = 31;
    static final byte NEEDS = 32;
    static final byte TERRITORY_SPENDING = 33;
    static final byte CAPITATION_RATE = 34;
    static final byte PATIENT_CHOICE = 35;
    static final byte PATIENT_COUNT = 36;
    static final byte CAPITATION_CLAIM = 37;
    static final byte TERRITORY_MODULATION = 38;
    static final byte MODULATED_TERRITORIES = 39;
    static final byte BODY_AGENDA = 40;
    static final byte CRITERION = 21;
    static final byte PROVIDER_PROFILE = 22;
    static final byte DIRECTORY_ENTRY = 23;
    static final byte DIRECTORY_META_KIND = 24;
    static final byte SETTLEMENT_ATTESTATION = 41;
    static final byte SETTLEMENT_TOTALS_KIND = 42;

    public static final EntityKey META = new EntityKey(new byte[] {META_KIND});
    public static final EntityKey GOVERNANCE_META = new EntityKey(new byte[] {GOVERNANCE_META_KIND});
    public static final EntityKey DIRECTORY_META = new EntityKey(new byte[] {DIRECTORY_META_KIND});
    public static final EntityKey SETTLEMENT_TOTALS = new EntityKey(new byte[] {SETTLEMENT_TOTALS_KIND});

    private Keys() {}

    public static EntityKey account(Address a) {
        return new EntityKey(new ByteSink(21).u8(ACCOUNT).address(a).toBytes());
    }

    public static EntityKey nonce(Address a) {
        return new EntityKey(new ByteSink(21).u8(NONCE).address(a).toBytes());
    }

    public static EntityKey member(Address a) {
        return new EntityKey(new ByteSink(21).u8(MEMBER).address(a).toBytes());
    }

    public static EntityKey convention(Address provider, int purpose) {
        return new EntityKey(new ByteSink(25).u8(CONVENTION).address(provider).u32(purpose).toBytes());
    }

    public static EntityKey providerBalance(Address provider, int purpose) {
        return new EntityKey(new ByteSink(25).u8(PROVIDER_BALANCE).address(provider).u32(purpose).toBytes());
    }

    public static EntityKey purpose(int id) {
        return new EntityKey(new ByteSink(5).u8(PURPOSE).u32(id).toBytes());
    }

    public static EntityKey territory(String code) {
        return new EntityKey(prefixed(TERRITORY, code));
    }

    public static EntityKey policy(int purpose, int version) {
        return new EntityKey(new ByteSink(9).u8(POLICY).u32(purpose).u32(version).toBytes());
    }

    public static EntityKey epoch(int epoch) {
        return new EntityKey(new ByteSink(5).u8(EPOCH).u32(epoch).toBytes());
    }

    public static EntityKey epochCounters(int epoch, int purpose) {
        return new EntityKey(new ByteSink(9).u8(EPOCH_COUNTERS).u32(epoch).u32(purpose).toBytes());
    }

    public static EntityKey purposeTotals(int purpose) {
        return new EntityKey(new ByteSink(5).u8(PURPOSE_TOTALS).u32(purpose).toBytes());
    }

    /** Territory code, a zero byte (codes never contain one), then the household size. */
    public static EntityKey enrolmentCount(String territory, int householdSize) {
        byte[] code = prefixed(ENROLMENT_COUNT, territory);
        byte[] key = java.util.Arrays.copyOf(code, code.length + 2);
        key[code.length] = 0;
        key[code.length + 1] = (byte) householdSize;
        return new EntityKey(key);
    }

    public static EntityKey tariff(int purpose, String actCode) {
        byte[] act = actCode.getBytes(StandardCharsets.UTF_8);
        return new EntityKey(new ByteSink(5 + act.length).u8(TARIFF).u32(purpose).raw(act).toBytes());
    }

    public static EntityKey claimsPaid(int purpose) {
        return new EntityKey(new ByteSink(5).u8(CLAIMS_PAID).u32(purpose).toBytes());
    }

    /** A provider's claim reference (64 hex digits), so the same claim is never paid twice. */
    public static EntityKey claimRecord(Address provider, String claimRefHex) {
        byte[] ref = claimRefHex.getBytes(StandardCharsets.US_ASCII);
        return new EntityKey(new ByteSink(21 + ref.length).u8(CLAIM_RECORD).address(provider).raw(ref).toBytes());
    }

    public static EntityKey category(int purpose, int id) {
        return new EntityKey(new ByteSink(9).u8(CATEGORY).u32(purpose).u32(id).toBytes());
    }

    public static EntityKey territoryBudget(int purpose, String territory) {
        return new EntityKey(withText(new ByteSink(5).u8(TERRITORY_BUDGET).u32(purpose), territory));
    }

    public static EntityKey purposeBudgets(int purpose) {
        return new EntityKey(new ByteSink(5).u8(PURPOSE_BUDGETS).u32(purpose).toBytes());
    }

    public static EntityKey needs(int purpose, int epoch, String territory) {
        return new EntityKey(withText(new ByteSink(9).u8(NEEDS).u32(purpose).u32(epoch), territory));
    }

    public static EntityKey territorySpending(int epoch, int purpose, String territory) {
        return new EntityKey(territorySpendingPrefix(epoch, purpose, territory));
    }

    /** Keys of the spending of {@code territory}, of its sub-territories, and of codes that merely start alike. */
    public static byte[] territorySpendingPrefix(int epoch, int purpose, String territory) {
        return withText(new ByteSink(9).u8(TERRITORY_SPENDING).u32(epoch).u32(purpose), territory);
    }

    /** Enrolment counts of {@code territory}, of its sub-territories, and of codes that merely start alike. */
    public static byte[] enrolmentCountsPrefix(String territory) {
        return prefixed(ENROLMENT_COUNT, territory);
    }

    /** Territories under {@code territory} (and itself). */
    public static byte[] territoriesPrefix(String territory) {
        return prefixed(TERRITORY, territory);
    }

    private static byte[] withText(ByteSink head, String text) {
        return head.raw(text.getBytes(StandardCharsets.UTF_8)).toBytes();
    }

    public static EntityKey capitationRate(int purpose) {
        return new EntityKey(new ByteSink(5).u8(CAPITATION_RATE).u32(purpose).toBytes());
    }

    public static EntityKey patientChoice(Address member, int purpose) {
        return new EntityKey(new ByteSink(25).u8(PATIENT_CHOICE).address(member).u32(purpose).toBytes());
    }

    public static EntityKey patientCount(Address provider, int purpose) {
        return new EntityKey(new ByteSink(25).u8(PATIENT_COUNT).address(provider).u32(purpose).toBytes());
    }

    public static EntityKey capitationClaim(Address provider, int purpose, int epoch) {
        return new EntityKey(new ByteSink(29).u8(CAPITATION_CLAIM).address(provider).u32(purpose).u32(epoch)
                .toBytes());
    }

    public static EntityKey territoryModulation(int purpose, String territory) {
        return new EntityKey(withText(new ByteSink(5).u8(TERRITORY_MODULATION).u32(purpose), territory));
    }

    public static EntityKey modulatedTerritories(int purpose) {
        return new EntityKey(new ByteSink(5).u8(MODULATED_TERRITORIES).u32(purpose).toBytes());
    }

    public static EntityKey bodyAgenda(int body) {
        return new EntityKey(new ByteSink(5).u8(BODY_AGENDA).u32(body).toBytes());
    }

    public static EntityKey body(int id) {
        return new EntityKey(new ByteSink(5).u8(BODY).u32(id).toBytes());
    }

    public static EntityKey proposal(long id) {
        return new EntityKey(new ByteSink(9).u8(PROPOSAL).i64(id).toBytes());
    }

    /** A settlement batch by its hash: the 32 bytes of {@code batchHashHex} (64 hex digits). */
    public static EntityKey settlementAttestation(String batchHashHex) {
        return new EntityKey(new ByteSink(33).u8(SETTLEMENT_ATTESTATION)
                .raw(java.util.HexFormat.of().parseHex(batchHashHex)).toBytes());
    }

    // ---------------------------------------------------------------- provider directory

    public static EntityKey criterion(int id) {
        return new EntityKey(new ByteSink(2).u8(CRITERION).u8(id).toBytes());
    }

    public static EntityKey providerProfile(Address provider) {
        return new EntityKey(new ByteSink(21).u8(PROVIDER_PROFILE).address(provider).toBytes());
    }

    /**
     * Territory code, a zero byte (codes never contain one), provider, purpose: the entries of one territory
     * are contiguous, those of its sub-territories ("FR-OCC-34-...") follow them, and the zero byte keeps
     * FR-OCC-34 apart from a sibling FR-OCC-345.
     */
    public static EntityKey directoryEntry(String territory, Address provider, int purpose) {
        byte[] code = territory.getBytes(StandardCharsets.UTF_8);
        return new EntityKey(new ByteSink(26 + code.length).u8(DIRECTORY_ENTRY).raw(code).u8(0).address(provider)
                .u32(purpose).toBytes());
    }

    /** The directory entries filed under exactly {@code territory}. */
    public static byte[] directoryTerritoryPrefix(String territory) {
        byte[] code = territory.getBytes(StandardCharsets.UTF_8);
        return new ByteSink(2 + code.length).u8(DIRECTORY_ENTRY).raw(code).u8(0).toBytes();
    }

    /** The directory entries filed under the territories below {@code territory} (its code, then a dash). */
    public static byte[] directoryBelowPrefix(String territory) {
        byte[] code = territory.getBytes(StandardCharsets.UTF_8);
        return new ByteSink(2 + code.length).u8(DIRECTORY_ENTRY).raw(code).u8('-').toBytes();
    }

    public static byte[] directoryPrefix() {
        return kindPrefix(DIRECTORY_ENTRY);
    }

    /** The conventions of one provider, in purpose order. */
    public static byte[] conventionsPrefix(Address provider) {
        return new ByteSink(21).u8(CONVENTION).address(provider).toBytes();
    }

    public static byte[] conventionsPrefix() {
        return kindPrefix(CONVENTION);
    }

    /** The prefix shared by every key of one kind, for ordered scans. */
    public static byte[] kindPrefix(byte kind) {
        return new byte[] {kind};
    }

    public static byte[] membersPrefix() {
        return kindPrefix(MEMBER);
    }

    public static byte[] enrolmentCountsPrefix() {
        return kindPrefix(ENROLMENT_COUNT);
    }

    public static byte[] epochCountersPrefix() {
        return kindPrefix(EPOCH_COUNTERS);
    }

    public static byte[] claimsPaidPrefix() {
        return kindPrefix(CLAIMS_PAID);
    }

    public static byte[] providerBalancesPrefix() {
        return kindPrefix(PROVIDER_BALANCE);
    }

    private static byte[] prefixed(byte kind, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[t.length + 1];
        key[0] = kind;
        System.arraycopy(t, 0, key, 1, t.length);
        return key;
    }
}
