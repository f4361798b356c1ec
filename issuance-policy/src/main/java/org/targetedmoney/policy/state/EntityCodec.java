package org.targetedmoney.policy.state;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.state.Entity.Account;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.Bucket;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.EnrolmentCount;
import org.targetedmoney.policy.state.Entity.Epoch;
import org.targetedmoney.policy.state.Entity.EpochCounters;
import org.targetedmoney.policy.state.Entity.EpochPolicy;
import org.targetedmoney.policy.state.Entity.Member;
import org.targetedmoney.policy.state.Entity.Meta;
import org.targetedmoney.policy.state.Entity.Nonce;
import org.targetedmoney.policy.state.Entity.ProviderBalance;
import org.targetedmoney.policy.state.Entity.Purpose;
import org.targetedmoney.policy.state.Entity.PurposeTotals;
import org.targetedmoney.policy.state.Entity.TerritoryEntry;

/**
 * The canonical byte encoding of entity values: the kind byte, then every field big-endian in
 * declaration order. Canonical means one entity has exactly one encoding, so state roots computed
 * by the node and by the auditor agree.
 */
public final class EntityCodec {
    /** Upper bound on list lengths read back, to fail fast on corrupt data. */
    private static final int MAX_LIST = 1 << 20;

    private EntityCodec() {}

    public static byte[] encode(Entity e) {
        ByteSink s = new ByteSink(64);
        switch (e) {
            case Account a -> s.u8(Keys.ACCOUNT).address(a.address()).u32(a.roleMask()).string(a.scopeTerritory());
            case Nonce n -> s.u8(Keys.NONCE).address(n.address()).i64(n.next());
            case Member m -> encodeMember(s, m);
            case Convention c -> encodeConvention(s, c);
            case ProviderBalance b -> s.u8(Keys.PROVIDER_BALANCE).address(b.provider()).u32(b.purpose())
                    .i64(b.amountCents());
            case Purpose p -> s.u8(Keys.PURPOSE).u32(p.id()).string(p.symbol()).string(p.name())
                    .u32(p.policyVersions()).u32(p.categoryCount());
            case Entity.Category c -> s.u8(Keys.CATEGORY).u32(c.purpose()).u32(c.id()).string(c.code()).string(c.name());
            case TerritoryEntry t -> s.u8(Keys.TERRITORY).string(t.code());
            case AllowancePolicy p -> encodePolicy(s, p);
            case Epoch ep -> encodeEpoch(s, ep);
            case EpochCounters c -> s.u8(Keys.EPOCH_COUNTERS).u32(c.epoch()).u32(c.purpose()).i64(c.issuedCents())
                    .i64(c.spentCents()).i64(c.expiredCents()).u32(c.expiresAtEpoch()).bool(c.expired());
            case PurposeTotals t -> s.u8(Keys.PURPOSE_TOTALS).u32(t.purpose()).i64(t.issuedCents())
                    .i64(t.spentCents()).i64(t.redeemedCents()).i64(t.expiredCents())
                    .i64(t.providerBalancesCents());
            case EnrolmentCount c -> s.u8(Keys.ENROLMENT_COUNT).string(c.territory()).u8(c.householdSize())
                    .i64(c.count());
            case Entity.Tariff t -> s.u8(Keys.TARIFF).u32(t.purpose()).string(t.actCode()).i64(t.maxAmountCents());
            case Entity.ClaimsPaid c -> s.u8(Keys.CLAIMS_PAID).u32(c.purpose()).i64(c.paidCents()).i64(c.count());
            case Entity.ClaimRecord c -> s.u8(Keys.CLAIM_RECORD).address(c.provider()).string(c.claimRefHex())
                    .i64(c.claimId());
            case Entity.TerritoryBudget b -> s.u8(Keys.TERRITORY_BUDGET).string(b.territory()).u32(b.purpose())
                    .i64(b.amountCentsPerEpoch());
            case Entity.PurposeBudgets b -> encodeStrings(s.u8(Keys.PURPOSE_BUDGETS).u32(b.purpose()), b.territories());
            case Entity.NeedsAssessment n -> s.u8(Keys.NEEDS).string(n.territory()).u32(n.purpose()).u32(n.epoch())
                    .i64(n.amountCents()).string(n.note()).address(n.recordedBy());
            case Entity.TerritorySpending t -> encodeLongs(s.u8(Keys.TERRITORY_SPENDING).u32(t.epoch()).u32(t.purpose())
                    .string(t.territory()).i64(t.spentCents()).i64(t.claimsCents()), t.byCriterionCents());
            case Entity.CapitationRate c -> s.u8(Keys.CAPITATION_RATE).u32(c.purpose()).i64(c.amountCentsPerPatient());
            case Entity.PatientChoice p -> s.u8(Keys.PATIENT_CHOICE).address(p.member()).u32(p.purpose())
                    .address(p.provider());
            case Entity.PatientCount p -> s.u8(Keys.PATIENT_COUNT).address(p.provider()).u32(p.purpose())
                    .i64(p.current()).i64(p.next()).u32(p.epoch());
            case Entity.CapitationClaim c -> s.u8(Keys.CAPITATION_CLAIM).address(c.provider()).u32(c.purpose())
                    .u32(c.epoch()).i64(c.patients()).i64(c.amountCents());
            case Entity.TerritoryModulation m -> encodeModulation(s, m);
            case Entity.ModulatedTerritories m -> encodeStrings(s.u8(Keys.MODULATED_TERRITORIES).u32(m.purpose()),
                    m.territories());
            case Entity.BodyAgenda a -> encodeLongs(s.u8(Keys.BODY_AGENDA).u32(a.body()), a.openProposals());
            case Entity.Body b -> encodeBody(s, b);
            case Entity.Proposal p -> encodeProposal(s, p);
            case Entity.GovernanceMeta g -> s.u8(Keys.GOVERNANCE_META_KIND).u32(g.bodyCount()).i64(g.proposalCount());
            case Entity.Criterion c -> s.u8(Keys.CRITERION).u8(c.id()).string(c.code()).string(c.name());
            case Entity.ProviderProfile p -> s.u8(Keys.PROVIDER_PROFILE).address(p.provider()).string(p.name())
                    .string(p.specialty()).u32(p.criteriaMask());
            case Entity.DirectoryEntry d -> s.u8(Keys.DIRECTORY_ENTRY).string(d.territory()).address(d.provider())
                    .u32(d.purpose()).bool(d.live());
            case Entity.DirectoryMeta d -> s.u8(Keys.DIRECTORY_META_KIND).u32(d.criterionCount());
            case Entity.SettlementAttestation a -> s.u8(Keys.SETTLEMENT_ATTESTATION).string(a.batchHashHex())
                    .string(a.batchId()).string(a.window()).i64(a.totalCents()).i64(a.contributionsCents())
                    .i64(a.publicAccountsCents()).i64(a.monetaryCreationCents()).i64(a.lineCount())
                    .i64(a.firstBlock()).i64(a.lastBlock()).address(a.bridge());
            case Entity.SettlementTotals t -> s.u8(Keys.SETTLEMENT_TOTALS_KIND).i64(t.attestedCents())
                    .i64(t.contributionsCents()).i64(t.publicAccountsCents()).i64(t.monetaryCreationCents())
                    .i64(t.batches());
            case Meta m -> s.u8(Keys.META_KIND).u32(m.purposeCount()).u32(m.territoryCount()).u32(m.lastOpenedEpoch())
                    .i64(m.memberCount()).i64(m.nextRedemptionId());
        }
        return s.toBytes();
    }

    private static void encodeMember(ByteSink s, Member m) {
        s.u8(Keys.MEMBER).address(m.address()).string(m.territory()).u8(m.householdSize()).u32(m.firstEpoch())
                .u32(m.materialisedThroughEpoch()).u32(m.buckets().size());
        for (Bucket b : m.buckets()) {
            s.u32(b.epoch()).u32(b.purpose()).i64(b.amountCents()).u32(b.expiresAtEpoch());
        }
    }

    private static void encodeConvention(ByteSink s, Convention c) {
        s.u8(Keys.CONVENTION).address(c.provider()).u32(c.purpose()).string(c.territory()).u32(c.validFromEpoch())
                .u32(c.validUntilEpoch()).bool(c.suspended()).u32(c.categories().size());
        c.categories().forEach(s::u32);
        s.bool(c.revoked());
    }

    private static List<Integer> ints(ByteSource r) {
        int n = listLength(r);
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.u32());
        }
        return out;
    }

    private static Entity.Body decodeBody(ByteSource r) {
        int id = r.u32();
        String name = r.string();
        String territory = r.string();
        int kind = r.u8();
        List<org.targetedmoney.policy.model.Address> members = addresses(r);
        int quorum = r.u32();
        if (quorum < 1 || quorum > members.size()) {
            throw new IllegalArgumentException("corrupt entity encoding: quorum " + quorum + " of " + members.size());
        }
        return new Entity.Body(id, name, territory, kind, members, quorum);
    }

    private static void encodeModulation(ByteSink s, Entity.TerritoryModulation m) {
        s.u8(Keys.TERRITORY_MODULATION).string(m.territory()).u32(m.purpose()).u32(m.steps().size());
        m.steps().forEach(step -> s.u32(step.effectiveFromEpoch()).u32(step.basisPoints()));
    }

    private static Entity.TerritoryModulation decodeModulation(ByteSource r) {
        String territory = r.string();
        int purpose = r.u32();
        int n = listLength(r);
        List<Entity.ModulationStep> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            steps.add(new Entity.ModulationStep(r.u32(), r.u32()));
        }
        return new Entity.TerritoryModulation(territory, purpose, steps);
    }

    private static ByteSink encodeLongs(ByteSink s, List<Long> values) {
        s.u32(values.size());
        values.forEach(s::i64);
        return s;
    }

    private static List<Long> longs(ByteSource r) {
        int n = listLength(r);
        List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.i64());
        }
        return out;
    }

    private static ByteSink encodeStrings(ByteSink s, List<String> texts) {
        s.u32(texts.size());
        texts.forEach(s::string);
        return s;
    }

    private static List<String> strings(ByteSource r) {
        int n = listLength(r);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String s = r.string();
            if (s == null) {
                throw new IllegalArgumentException("corrupt entity encoding: a null text in a list");
            }
            out.add(s);
        }
        return out;
    }

    private static void encodeBody(ByteSink s, Entity.Body b) {
        s.u8(Keys.BODY).u32(b.id()).string(b.name()).string(b.territory()).u8(b.kind());
        addresses(s, b.members()).u32(b.quorum());
    }

    private static void encodeProposal(ByteSink s, Entity.Proposal p) {
        s.u8(Keys.PROPOSAL).i64(p.id()).u32(p.body()).address(p.proposer()).string(p.actionHex())
                .u32(p.effectiveFromEpoch()).i64(p.delaySeconds()).u32(p.lastVotingEpoch());
        addresses(s, p.approvals());
        addresses(s, p.rejections()).u8(p.status()).i64(p.approvedAtSeconds()).string(p.outcome());
    }

    private static ByteSink addresses(ByteSink s, List<org.targetedmoney.policy.model.Address> list) {
        s.u32(list.size());
        list.forEach(s::address);
        return s;
    }

    private static List<org.targetedmoney.policy.model.Address> addresses(ByteSource r) {
        int n = listLength(r);
        List<org.targetedmoney.policy.model.Address> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(r.address());
        }
        return out;
    }

    private static void encodePolicy(ByteSink s, AllowancePolicy p) {
        s.u8(Keys.POLICY).u32(p.purpose()).u32(p.version()).u32(p.effectiveFromEpoch())
                .u32(p.amountCentsByHouseholdSize().size());
        for (long amount : p.amountCentsByHouseholdSize()) {
            s.i64(amount);
        }
        s.u32(p.expiryEpochs());
    }

    private static void encodeEpoch(ByteSink s, Epoch e) {
        s.u8(Keys.EPOCH).u32(e.epoch()).i64(e.memberCount()).u32(e.policies().size());
        for (EpochPolicy p : e.policies()) {
            s.u32(p.purpose()).u32(p.policyVersion());
        }
    }

    public static Entity decode(byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("corrupt entity encoding: empty value");
        }
        ByteSource r = new ByteSource(value, 1);
        Entity e = switch (value[0]) {
            case Keys.ACCOUNT -> new Account(r.address(), r.u32(), r.string());
            case Keys.NONCE -> new Nonce(r.address(), r.i64());
            case Keys.MEMBER -> decodeMember(r);
            case Keys.CONVENTION -> new Convention(r.address(), r.u32(), r.string(), r.u32(), r.u32(), r.bool(),
                    ints(r), r.bool());
            case Keys.PROVIDER_BALANCE -> new ProviderBalance(r.address(), r.u32(), r.i64());
            case Keys.PURPOSE -> new Purpose(r.u32(), r.string(), r.string(), r.u32(), r.u32());
            case Keys.CATEGORY -> new Entity.Category(r.u32(), r.u32(), r.string(), r.string());
            case Keys.TERRITORY -> new TerritoryEntry(r.string());
            case Keys.POLICY -> decodePolicy(r);
            case Keys.EPOCH -> decodeEpoch(r);
            case Keys.EPOCH_COUNTERS -> new EpochCounters(r.u32(), r.u32(), r.i64(), r.i64(), r.i64(), r.u32(),
                    r.bool());
            case Keys.PURPOSE_TOTALS -> new PurposeTotals(r.u32(), r.i64(), r.i64(), r.i64(), r.i64(), r.i64());
            case Keys.ENROLMENT_COUNT -> new EnrolmentCount(r.string(), r.u8(), r.i64());
            case Keys.TARIFF -> new Entity.Tariff(r.u32(), r.string(), r.i64());
            case Keys.CLAIMS_PAID -> new Entity.ClaimsPaid(r.u32(), r.i64(), r.i64());
            case Keys.CLAIM_RECORD -> new Entity.ClaimRecord(r.address(), r.string(), r.i64());
            case Keys.TERRITORY_BUDGET -> new Entity.TerritoryBudget(r.string(), r.u32(), r.i64());
            case Keys.PURPOSE_BUDGETS -> new Entity.PurposeBudgets(r.u32(), strings(r));
            case Keys.NEEDS -> new Entity.NeedsAssessment(r.string(), r.u32(), r.u32(), r.i64(), r.string(),
                    r.address());
            case Keys.TERRITORY_SPENDING -> new Entity.TerritorySpending(r.u32(), r.u32(), r.string(), r.i64(), r.i64(),
                    longs(r));
            case Keys.CAPITATION_RATE -> new Entity.CapitationRate(r.u32(), r.i64());
            case Keys.PATIENT_CHOICE -> new Entity.PatientChoice(r.address(), r.u32(), r.address());
            case Keys.PATIENT_COUNT -> new Entity.PatientCount(r.address(), r.u32(), r.i64(), r.i64(), r.u32());
            case Keys.CAPITATION_CLAIM -> new Entity.CapitationClaim(r.address(), r.u32(), r.u32(), r.i64(), r.i64());
            case Keys.TERRITORY_MODULATION -> decodeModulation(r);
            case Keys.MODULATED_TERRITORIES -> new Entity.ModulatedTerritories(r.u32(), strings(r));
            case Keys.BODY_AGENDA -> new Entity.BodyAgenda(r.u32(), longs(r));
            case Keys.BODY -> decodeBody(r);
            case Keys.PROPOSAL -> new Entity.Proposal(r.i64(), r.u32(), r.address(), r.string(), r.u32(), r.i64(),
                    r.u32(), addresses(r), addresses(r), r.u8(), r.i64(), r.string());
            case Keys.GOVERNANCE_META_KIND -> new Entity.GovernanceMeta(r.u32(), r.i64());
            case Keys.CRITERION -> new Entity.Criterion(r.u8(), r.string(), r.string());
            case Keys.PROVIDER_PROFILE -> new Entity.ProviderProfile(r.address(), r.string(), r.string(), r.u32());
            case Keys.DIRECTORY_ENTRY -> new Entity.DirectoryEntry(r.string(), r.address(), r.u32(), r.bool());
            case Keys.DIRECTORY_META_KIND -> new Entity.DirectoryMeta(r.u32());
            case Keys.SETTLEMENT_ATTESTATION -> decodeAttestation(r);
            case Keys.SETTLEMENT_TOTALS_KIND -> new Entity.SettlementTotals(r.i64(), r.i64(), r.i64(), r.i64(),
                    r.i64());
            case Keys.META_KIND -> new Meta(r.u32(), r.u32(), r.u32(), r.i64(), r.i64());
            default -> throw new IllegalArgumentException("corrupt entity encoding: unknown kind " + value[0]);
        };
        r.expectEnd();
        return e;
    }

    private static int listLength(ByteSource r) {
        int n = r.u32();
        if (n < 0 || n > MAX_LIST) {
            throw new IllegalArgumentException("corrupt entity encoding: list length " + n);
        }
        return n;
    }

    /** The hash must be one its key can be built from: 64 lower-case hex digits. */
    private static Entity.SettlementAttestation decodeAttestation(ByteSource r) {
        String hash = r.string();
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("corrupt entity encoding: batch hash " + hash);
        }
        return new Entity.SettlementAttestation(hash, r.string(), r.string(), r.i64(), r.i64(), r.i64(), r.i64(),
                r.i64(), r.i64(), r.i64(), r.address());
    }

    private static Member decodeMember(ByteSource r) {
        var address = r.address();
        String territory = r.string();
        int household = r.u8();
        int first = r.u32();
        int through = r.u32();
        int n = listLength(r);
        List<Bucket> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int epoch = r.u32();
            int purpose = r.u32();
            long amount = r.i64();
            if (amount <= 0) {
                throw new IllegalArgumentException("corrupt entity encoding: bucket amount " + amount);
            }
            buckets.add(new Bucket(epoch, purpose, amount, r.u32()));
        }
        return new Member(address, territory, household, first, through, buckets);
    }

    private static AllowancePolicy decodePolicy(ByteSource r) {
        int purpose = r.u32();
        int version = r.u32();
        int from = r.u32();
        int n = listLength(r);
        List<Long> amounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            amounts.add(r.i64());
        }
        return new AllowancePolicy(purpose, version, from, amounts, r.u32());
    }

    private static Epoch decodeEpoch(ByteSource r) {
        int epoch = r.u32();
        long members = r.i64();
        int n = listLength(r);
        List<EpochPolicy> policies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            policies.add(new EpochPolicy(r.u32(), r.u32()));
        }
        return new Epoch(epoch, members, policies);
    }
}
