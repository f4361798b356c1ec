package org.targetedmoney.policy.abi;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.ProposalStatus;
import org.targetedmoney.policy.rules.Allowances;
import org.targetedmoney.policy.rules.MemberCredit;
import org.targetedmoney.policy.rules.Policies;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.StateView;

/** Answers eth_call on the view functions of the ledger contract and of the purpose tokens. */
public final class Views {
    private Views() {}

    /** The ABI-encoded result of a view; {@code timeEpoch} is the epoch of the latest block. */
    public static byte[] call(StateView view, int timeEpoch, Address to, byte[] data) throws AbiException {
        int tokenPurpose = SystemContracts.purposeOfToken(to);
        if (tokenPurpose > 0) {
            return TokenViews.call(view, tokenPurpose, data);
        }
        LedgerFunction f = CallDecoder.function(to, data);
        if (!f.isView()) {
            throw new AbiException(f.shortName() + " changes state: send it as a transaction");
        }
        AbiReader r = new AbiReader(data, 4, f.shortName());
        return switch (f) {
            case CURRENT_EPOCH -> new AbiWriter().uint(timeEpoch).uint(view.meta().lastOpenedEpoch() < 0 ? 0
                    : view.meta().lastOpenedEpoch()).toBytes();
            case PURPOSE_COUNT -> new AbiWriter().uint(view.meta().purposeCount()).toBytes();
            case PURPOSE_INFO -> purposeInfo(view, (int) r.uint(0, 31));
            case ROLES_OF -> rolesOf(view, r.address(0));
            case MEMBER_OF -> memberOf(view, r.address(0));
            case CONVENTION_OF -> conventionOf(view, r.address(0), (int) r.uint(1, 31));
            case BALANCE_OF -> new AbiWriter().uint(balance(view, r.address(0), (int) r.uint(1, 31))).toBytes();
            case BUCKETS_OF -> bucketsOf(view, r.address(0), (int) r.uint(1, 31));
            case PURPOSE_TOTALS -> purposeTotals(view, (int) r.uint(0, 31));
            case EPOCH_COUNTERS -> epochCounters(view, (int) r.uint(0, 31), (int) r.uint(1, 31));
            case POLICY_OF -> policyOf(view, (int) r.uint(0, 31), (int) r.uint(1, 31));
            case TARIFF_OF -> tariffOf(view, (int) r.uint(0, 31), r.string(1));
            case CLAIMS_PAID -> claimsPaid(view, (int) r.uint(0, 31));
            case CATEGORY_COUNT -> new AbiWriter().uint(purpose(view, (int) r.uint(0, 31)).categoryCount()).toBytes();
            case CATEGORY_INFO -> categoryInfo(view, (int) r.uint(0, 31), (int) r.uint(1, 31));
            case CONVENTION_CATEGORIES -> conventionCategories(view, r.address(0), (int) r.uint(1, 31));
            case TERRITORY_BUDGET -> territoryBudget(view, r.string(0), (int) r.uint(1, 31));
            case NEEDS_OF -> needsOf(view, r.string(0), (int) r.uint(1, 31), (int) r.uint(2, 31));
            case TERRITORY_SPENDING -> territorySpending(view, (int) r.uint(0, 31), (int) r.uint(1, 31), r.string(2));
            case CAPITATION_OF -> capitationOf(view, r.address(0), (int) r.uint(1, 31));
            case PRACTITIONER_OF -> practitionerOf(view, r.address(0), (int) r.uint(1, 31));
            case MODULATION_OF -> new AbiWriter().uint(Allowances.direct(view, (int) r.uint(1, 31))
                    .basisPointsAt(r.string(0), (int) r.uint(2, 31))).toBytes();
            case CONVENTION_REVOKED -> conventionRevoked(view, r.address(0), (int) r.uint(1, 31));
            case CRITERION_COUNT -> new AbiWriter().uint(view.directoryMeta().criterionCount()).toBytes();
            case CRITERION_INFO -> criterionInfo(view, (int) r.uint(0, 8));
            case PROVIDER_PROFILE -> providerProfile(view, r.address(0));
            case BODY_OF -> bodyOf(view, (int) r.uint(0, 31));
            case PROPOSAL_OF -> proposalOf(view, timeEpoch, r.uint(0, 63));
            case ATTESTATION_OF -> attestationOf(view, HexFormat.of().formatHex(r.bytes32(0)));
            case SETTLEMENT_TOTALS -> settlementTotals(view);
            default -> throw new AbiException(f.shortName() + " changes state: send it as a transaction");
        };
    }

    /** A member's live credit or a provider's balance, whichever the account holds for the purpose. */
    static long balance(StateView view, Address account, int purpose) {
        Entity.Member m = view.member(account);
        long memberBalance = m == null ? 0 : MemberCredit.balance(view, m, purpose);
        return Math.addExact(memberBalance, view.providerBalance(account, purpose));
    }

    private static Entity.Purpose purpose(StateView view, int id) throws AbiException {
        Entity.Purpose p = id < 1 ? null : view.purpose(id);
        if (p == null) {
            throw new AbiException("UNKNOWN_PURPOSE: purpose " + id + " is unknown");
        }
        return p;
    }

    private static byte[] purposeInfo(StateView view, int id) throws AbiException {
        Entity.Purpose p = purpose(view, id);
        return new AbiWriter().string(p.symbol()).string(p.name()).address(SystemContracts.tokenAddress(id))
                .toBytes();
    }

    private static byte[] rolesOf(StateView view, Address a) {
        Entity.Account acc = view.account(a);
        return new AbiWriter().uint(acc == null ? 0 : acc.roleMask())
                .string(acc == null || acc.scopeTerritory() == null ? "" : acc.scopeTerritory()).toBytes();
    }

    private static byte[] memberOf(StateView view, Address a) {
        Entity.Member m = view.member(a);
        if (m == null) {
            return new AbiWriter().bool(false).string("").uint(0).uint(0).toBytes();
        }
        return new AbiWriter().bool(true).string(m.territory()).uint(m.householdSize()).uint(m.firstEpoch())
                .toBytes();
    }

    private static byte[] conventionOf(StateView view, Address provider, int purpose) {
        Entity.Convention c = view.convention(provider, purpose);
        if (c == null) {
            return new AbiWriter().bool(false).string("").uint(0).uint(0).bool(false).toBytes();
        }
        return new AbiWriter().bool(true).string(c.territory()).uint(c.validFromEpoch()).uint(c.validUntilEpoch())
                .bool(c.suspended()).toBytes();
    }

    private static byte[] bucketsOf(StateView view, Address a, int purpose) {
        Entity.Member m = view.member(a);
        List<Integer> epochs = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<Integer> expiries = new ArrayList<>();
        if (m != null) {
            for (Entity.Bucket b : MemberCredit.buckets(view, m, purpose)) {
                epochs.add(b.epoch());
                amounts.add(b.amountCents());
                expiries.add(b.expiresAtEpoch());
            }
        }
        return new AbiWriter().uintArray(epochs).uintArray(amounts).uintArray(expiries).toBytes();
    }

    private static byte[] purposeTotals(StateView view, int id) throws AbiException {
        purpose(view, id);
        Entity.PurposeTotals t = view.totals(id);
        return new AbiWriter().uint(t.issuedCents()).uint(t.spentCents()).uint(t.redeemedCents())
                .uint(t.expiredCents()).uint(t.providerBalancesCents()).uint(t.memberBalancesCents()).toBytes();
    }

    private static byte[] epochCounters(StateView view, int epoch, int purpose) {
        Entity.EpochCounters c = view.epochCounters(epoch, purpose);
        return c == null ? new AbiWriter().uint(0).uint(0).uint(0).toBytes()
                : new AbiWriter().uint(c.issuedCents()).uint(c.spentCents()).uint(c.expiredCents()).toBytes();
    }

    private static byte[] tariffOf(StateView view, int purpose, String actCode) throws AbiException {
        purpose(view, purpose);
        Entity.Tariff t = view.tariff(purpose, actCode);
        return new AbiWriter().bool(t != null).uint(t == null ? 0 : t.maxAmountCents()).toBytes();
    }

    private static byte[] claimsPaid(StateView view, int purpose) throws AbiException {
        purpose(view, purpose);
        Entity.ClaimsPaid c = view.claimsPaid(purpose);
        return new AbiWriter().uint(c.paidCents()).uint(c.count()).toBytes();
    }

    private static byte[] policyOf(StateView view, int purpose, int epoch) throws AbiException {
        Entity.AllowancePolicy p = Policies.inForce(view, purpose(view, purpose), epoch);
        if (p == null) {
            return new AbiWriter().uint(0).uintArray(List.of()).uint(0).uint(0).toBytes();
        }
        return new AbiWriter().uint(p.version()).uintArray(p.amountCentsByHouseholdSize()).uint(p.expiryEpochs())
                .uint(p.effectiveFromEpoch()).toBytes();
    }

    private static byte[] categoryInfo(StateView view, int purpose, int id) throws AbiException {
        purpose(view, purpose);
        Entity.Category c = view.category(purpose, id);
        return c == null ? new AbiWriter().bool(false).string("").string("").toBytes()
                : new AbiWriter().bool(true).string(c.code()).string(c.name()).toBytes();
    }

    /** The categories a convention covers; empty for every category, or when there is no convention. */
    private static byte[] conventionCategories(StateView view, Address provider, int purpose) {
        Entity.Convention c = view.convention(provider, purpose);
        return new AbiWriter().uintArray(c == null ? List.of() : c.categories()).toBytes();
    }

    private static byte[] territoryBudget(StateView view, String territory, int purpose) {
        Entity.TerritoryBudget b = view.territoryBudget(purpose, territory);
        return new AbiWriter().bool(b != null).uint(b == null ? 0 : b.amountCentsPerEpoch()).toBytes();
    }

    private static byte[] needsOf(StateView view, String territory, int purpose, int epoch) {
        Entity.NeedsAssessment n = view.needs(purpose, epoch, territory);
        return n == null ? new AbiWriter().bool(false).uint(0).string("").address(Address.ZERO).toBytes()
                : new AbiWriter().bool(true).uint(n.amountCents()).string(n.note()).address(n.recordedBy()).toBytes();
    }

    /** Spending of the members of exactly this territory; ledger_planning sums sub-territories. */
    private static byte[] territorySpending(StateView view, int epoch, int purpose, String territory) {
        Entity.TerritorySpending s = view.territorySpending(epoch, purpose, territory);
        return new AbiWriter().uint(s.spentCents()).uint(s.claimsCents()).toBytes();
    }

    /** A provider's registered patients and the rate per patient per epoch for a purpose. */
    private static byte[] capitationOf(StateView view, Address provider, int purpose) {
        Entity.CapitationRate rate = view.capitationRate(purpose);
        int epoch = Math.max(0, view.meta().lastOpenedEpoch());
        return new AbiWriter().uint(view.patientCount(provider, purpose, epoch).current())
                .uint(rate == null ? 0 : rate.amountCentsPerPatient()).toBytes();
    }

    private static byte[] practitionerOf(StateView view, Address member, int purpose) {
        Entity.PatientChoice c = view.patientChoice(member, purpose);
        return new AbiWriter().address(c == null ? Address.ZERO : c.provider()).toBytes();
    }

    private static byte[] bodyOf(StateView view, int id) throws AbiException {
        Entity.Body b = view.body(id);
        if (b == null) {
            throw new AbiException("UNKNOWN_BODY: no body " + id);
        }
        return new AbiWriter().string(b.name()).string(b.territory()).uint(b.kind()).address(BodyKind.account(id))
                .uint(b.quorum()).addressArray(b.members()).toBytes();
    }

    /** A proposal; an open one whose voting period is over reads as EXPIRED. */
    private static byte[] proposalOf(StateView view, int timeEpoch, long id) throws AbiException {
        Entity.Proposal p = view.proposal(id);
        if (p == null) {
            throw new AbiException("UNKNOWN_PROPOSAL: no proposal " + id);
        }
        int status = p.status() == ProposalStatus.OPEN.code() && timeEpoch > p.lastVotingEpoch()
                ? ProposalStatus.EXPIRED.code() : p.status();
        long executableAt = p.approvedAtSeconds() == 0 ? 0 : p.approvedAtSeconds() + p.delaySeconds();
        return new AbiWriter().uint(p.body()).address(p.proposer()).bytes(HexFormat.of().parseHex(p.actionHex()))
                .uint(status).uint(p.effectiveFromEpoch()).uint(executableAt).uint(p.lastVotingEpoch())
                .uint(p.approvals().size()).uint(p.rejections().size()).string(p.outcome()).toBytes();
    }

    /** Whether a convention was revoked (conventionOf keeps its published outputs, so it is asked apart). */
    private static byte[] conventionRevoked(StateView view, Address provider, int purpose) {
        Entity.Convention c = view.convention(provider, purpose);
        return new AbiWriter().bool(c != null && c.revoked()).toBytes();
    }

    private static byte[] criterionInfo(StateView view, int id) {
        Entity.Criterion c = view.criterion(id);
        return c == null ? new AbiWriter().bool(false).string("").string("").toBytes()
                : new AbiWriter().bool(true).string(c.code()).string(c.name()).toBytes();
    }

    private static byte[] providerProfile(StateView view, Address provider) {
        Entity.ProviderProfile p = view.providerProfile(provider);
        return p == null ? new AbiWriter().bool(false).string("").string("").uint(0).toBytes()
                : new AbiWriter().bool(true).string(p.name()).string(p.specialty())
                        .uint(Integer.toUnsignedLong(p.criteriaMask())).toBytes();
    }

    /** A settlement batch attested under this hash; {@code exists} false (and zeros) when none was. */
    private static byte[] attestationOf(StateView view, String batchHashHex) {
        Entity.SettlementAttestation a = view.settlementAttestation(batchHashHex);
        if (a == null) {
            return new AbiWriter().bool(false).string("").string("").uint(0).uint(0).uint(0).uint(0).uint(0).uint(0)
                    .uint(0).address(Address.ZERO).toBytes();
        }
        return new AbiWriter().bool(true).string(a.batchId()).string(a.window()).uint(a.totalCents())
                .uint(a.contributionsCents()).uint(a.publicAccountsCents()).uint(a.monetaryCreationCents())
                .uint(a.lineCount()).uint(a.firstBlock()).uint(a.lastBlock()).address(a.bridge()).toBytes();
    }

    private static byte[] settlementTotals(StateView view) {
        Entity.SettlementTotals t = view.settlementTotals();
        return new AbiWriter().uint(t.attestedCents()).uint(t.contributionsCents()).uint(t.publicAccountsCents())
                .uint(t.monetaryCreationCents()).uint(t.batches()).toBytes();
    }
}
