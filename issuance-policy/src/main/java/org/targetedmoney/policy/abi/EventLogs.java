package org.targetedmoney.policy.abi;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.rules.LedgerEvent;

/**
 * Encodes ledger events as standard logs (topic 0 = keccak of the event signature, indexed arguments as
 * topics, the rest ABI-encoded as data), so web3j, ethers and explorers decode them from the ABI JSON.
 * Payments and redemptions also emit an ERC-20 {@code Transfer} on the purpose's token facade.
 */
public final class EventLogs {
    public static final byte[] ROLE_GRANTED = Keccak.hash("RoleGranted(address,uint8,string)");
    public static final byte[] ROLE_REVOKED = Keccak.hash("RoleRevoked(address,uint8)");
    public static final byte[] PURPOSE_ADDED = Keccak.hash("PurposeAdded(uint32,string,string)");
    public static final byte[] TERRITORY_ADDED = Keccak.hash("TerritoryAdded(string)");
    public static final byte[] MEMBER_ENROLLED = Keccak.hash("MemberEnrolled(address,string,uint8,uint32)");
    public static final byte[] PROVIDER_CONVENTIONED =
            Keccak.hash("ProviderConventioned(address,uint32,string,uint32,uint32)");
    public static final byte[] CONVENTION_SUSPENDED = Keccak.hash("ConventionSuspended(address,uint32)");
    public static final byte[] CONVENTION_RESUMED = Keccak.hash("ConventionResumed(address,uint32)");
    public static final byte[] POLICY_CHANGED = Keccak.hash("PolicyChanged(uint32,uint32,uint32,uint256[],uint32)");
    public static final byte[] EPOCH_OPENED = Keccak.hash("EpochOpened(uint32,uint64)");
    public static final byte[] ISSUED = Keccak.hash("Issued(uint32,uint32,uint256,uint64)");
    public static final byte[] EXPIRED = Keccak.hash("Expired(uint32,uint32,uint256)");
    public static final byte[] PAYMENT = Keccak.hash("Payment(address,address,uint32,uint256,bytes32,uint32)");
    public static final byte[] CATEGORY_ADDED = Keccak.hash("CategoryAdded(uint32,uint32,string,string)");
    public static final byte[] CONVENTION_CATEGORIES_SET =
            Keccak.hash("ConventionCategoriesSet(address,uint32,uint32[])");
    public static final byte[] REDEEMED = Keccak.hash("Redeemed(address,uint32,uint256,uint64)");
    public static final byte[] TRANSFER = Keccak.hash("Transfer(address,address,uint256)");
    public static final byte[] TARIFF_SET = Keccak.hash("TariffSet(uint32,string,uint256)");
    public static final byte[] CLAIM_PAID = Keccak.hash("ClaimPaid(address,address,uint32,string,uint256,uint64,bytes32)");

    public static final byte[] BODY_CREATED = Keccak.hash("BodyCreated(uint32,address,string,string,uint8,uint32,uint32)");
    public static final byte[] BODY_MEMBERS_CHANGED = Keccak.hash("BodyMembersChanged(uint32,uint32,uint32)");
    public static final byte[] PROPOSAL_CREATED =
            Keccak.hash("ProposalCreated(uint64,uint32,address,uint32,uint64,uint32)");
    public static final byte[] VOTED = Keccak.hash("Voted(uint64,address,bool)");
    public static final byte[] PROPOSAL_STATUS_CHANGED = Keccak.hash("ProposalStatusChanged(uint64,uint8,string)");

    public static final byte[] TERRITORY_BUDGET_SET = Keccak.hash("TerritoryBudgetSet(string,uint32,uint256)");
    public static final byte[] NEEDS_RECORDED = Keccak.hash("NeedsRecorded(string,uint32,uint32,uint256,string)");
    public static final byte[] BUDGET_OVERRUN = Keccak.hash("BudgetOverrun(string,uint32,uint32,uint256,uint256)");

    public static final byte[] CAPITATION_SET = Keccak.hash("CapitationSet(uint32,uint256)");
    public static final byte[] PRACTITIONER_CHOSEN = Keccak.hash("PractitionerChosen(address,address,uint32,address)");
    public static final byte[] CAPITATION_PAID =
            Keccak.hash("CapitationPaid(address,uint32,uint32,uint64,uint256,uint64)");

    public static final byte[] MODULATION_SET = Keccak.hash("ModulationSet(string,uint32,uint32,uint32)");

    public static final byte[] CONVENTION_REVOKED = Keccak.hash("ConventionRevoked(address,uint32)");
    public static final byte[] CRITERION_ADDED = Keccak.hash("CriterionAdded(uint8,string,string)");
    public static final byte[] PROVIDER_DESCRIBED = Keccak.hash("ProviderDescribed(address,string,string,uint32)");

    public static final byte[] SETTLEMENT_ATTESTED = Keccak.hash("SettlementAttested(bytes32,address,string,string,"
            + "uint256,uint256,uint256,uint256,uint64,uint64,uint64)");

    private EventLogs() {}

    public static List<Log> toLogs(LedgerEvent event) {
        Address L = SystemContracts.LEDGER;
        return switch (event) {
            case LedgerEvent.RoleGranted e -> one(L, t(ROLE_GRANTED, w(e.account())),
                    new AbiWriter().uint(e.roleBit()).string(e.scopeTerritory()));
            case LedgerEvent.RoleRevoked e -> one(L, t(ROLE_REVOKED, w(e.account())), new AbiWriter().uint(e.roleBit()));
            case LedgerEvent.PurposeAdded e -> one(L, t(PURPOSE_ADDED, w(e.purpose())),
                    new AbiWriter().string(e.symbol()).string(e.name()));
            case LedgerEvent.TerritoryAdded e -> one(L, t(TERRITORY_ADDED), new AbiWriter().string(e.code()));
            case LedgerEvent.MemberEnrolled e -> one(L, t(MEMBER_ENROLLED, w(e.member())),
                    new AbiWriter().string(e.territory()).uint(e.householdSize()).uint(e.firstEpoch()));
            case LedgerEvent.ProviderConventioned e -> one(L, t(PROVIDER_CONVENTIONED, w(e.provider()), w(e.purpose())),
                    new AbiWriter().string(e.territory()).uint(e.validFromEpoch()).uint(e.validUntilEpoch()));
            case LedgerEvent.ConventionSuspended e -> one(L,
                    t(CONVENTION_SUSPENDED, w(e.provider()), w(e.purpose())), new AbiWriter());
            case LedgerEvent.ConventionResumed e -> one(L,
                    t(CONVENTION_RESUMED, w(e.provider()), w(e.purpose())), new AbiWriter());
            case LedgerEvent.PolicyChanged e -> one(L, t(POLICY_CHANGED, w(e.purpose())), new AbiWriter()
                    .uint(e.version()).uint(e.effectiveFromEpoch()).uintArray(e.amountCentsByHouseholdSize())
                    .uint(e.expiryEpochs()));
            case LedgerEvent.EpochOpened e -> one(L, t(EPOCH_OPENED, w(e.epoch())), new AbiWriter().uint(e.memberCount()));
            case LedgerEvent.Issued e -> one(L, t(ISSUED, w(e.epoch()), w(e.purpose())),
                    new AbiWriter().uint(e.amountCents()).uint(e.memberCount()));
            case LedgerEvent.Expired e -> one(L, t(EXPIRED, w(e.epoch()), w(e.purpose())),
                    new AbiWriter().uint(e.amountCents()));
            case LedgerEvent.Payment e -> List.of(
                    log(L, t(PAYMENT, w(e.member()), w(e.provider()), w(e.purpose())),
                            new AbiWriter().uint(e.amountCents()).bytes32(e.paymentRef()).uint(e.category())),
                    transfer(e.purpose(), e.member(), e.provider(), e.amountCents()));
            case LedgerEvent.Redeemed e -> List.of(
                    log(L, t(REDEEMED, w(e.provider()), w(e.purpose())),
                            new AbiWriter().uint(e.amountCents()).uint(e.redemptionId())),
                    transfer(e.purpose(), e.provider(), Address.ZERO, e.amountCents()));
            case LedgerEvent.TariffSet e -> one(L, t(TARIFF_SET, w(e.purpose())),
                    new AbiWriter().string(e.actCode()).uint(e.maxAmountCents()));
            case LedgerEvent.ClaimPaid e -> one(L, t(CLAIM_PAID, w(e.provider()), w(e.member()), w(e.purpose())),
                    new AbiWriter().string(e.actCode()).uint(e.amountCents()).uint(e.claimId())
                            .bytes32(java.util.HexFormat.of().parseHex(e.claimRefHex())));
            case LedgerEvent.CategoryAdded e -> one(L, t(CATEGORY_ADDED, w(e.purpose())),
                    new AbiWriter().uint(e.category()).string(e.code()).string(e.name()));
            case LedgerEvent.ConventionCategoriesSet e -> one(L, t(CONVENTION_CATEGORIES_SET, w(e.provider()),
                    w(e.purpose())), new AbiWriter().uintArray(e.categories()));
            case LedgerEvent.TerritoryBudgetSet e -> one(L, t(TERRITORY_BUDGET_SET, w(e.purpose())),
                    new AbiWriter().string(e.territory()).uint(e.amountCentsPerEpoch()));
            case LedgerEvent.NeedsRecorded e -> one(L, t(NEEDS_RECORDED, w(e.purpose()), w(e.epoch())),
                    new AbiWriter().string(e.territory()).uint(e.amountCents()).string(e.note()));
            case LedgerEvent.BudgetOverrun e -> one(L, t(BUDGET_OVERRUN, w(e.purpose()), w(e.epoch())),
                    new AbiWriter().string(e.territory()).uint(e.entitledCents()).uint(e.budgetCents()));
            case LedgerEvent.CapitationSet e -> one(L, t(CAPITATION_SET, w(e.purpose())),
                    new AbiWriter().uint(e.amountCentsPerPatient()));
            case LedgerEvent.PractitionerChosen e -> one(L, t(PRACTITIONER_CHOSEN, w(e.member()), w(e.provider()),
                    w(e.purpose())), new AbiWriter().address(e.previousProvider()));
            case LedgerEvent.CapitationPaid e -> one(L, t(CAPITATION_PAID, w(e.provider()), w(e.purpose()),
                    w(e.epoch())), new AbiWriter().uint(e.patients()).uint(e.amountCents()).uint(e.claimId()));
            case LedgerEvent.ModulationSet e -> one(L, t(MODULATION_SET, w(e.purpose())), new AbiWriter()
                    .string(e.territory()).uint(e.basisPoints()).uint(e.effectiveFromEpoch()));
            case LedgerEvent.BodyCreated e -> one(L, t(BODY_CREATED, w(e.body()), w(e.account())), new AbiWriter()
                    .string(e.name()).string(e.territory()).uint(e.kind()).uint(e.quorum()).uint(e.memberCount()));
            case LedgerEvent.BodyMembersChanged e -> one(L, t(BODY_MEMBERS_CHANGED, w(e.body())),
                    new AbiWriter().uint(e.quorum()).uint(e.memberCount()));
            case LedgerEvent.ProposalCreated e -> one(L, t(PROPOSAL_CREATED, w(e.proposal()), w(e.body()),
                    w(e.proposer())), new AbiWriter().uint(e.effectiveFromEpoch()).uint(e.delaySeconds())
                    .uint(e.lastVotingEpoch()));
            case LedgerEvent.Voted e -> one(L, t(VOTED, w(e.proposal()), w(e.voter())), new AbiWriter().bool(e.approve()));
            case LedgerEvent.ProposalStatusChanged e -> one(L, t(PROPOSAL_STATUS_CHANGED, w(e.proposal())),
                    new AbiWriter().uint(e.status()).string(e.reason()));
            case LedgerEvent.ConventionRevoked e -> one(L,
                    t(CONVENTION_REVOKED, w(e.provider()), w(e.purpose())), new AbiWriter());
            case LedgerEvent.CriterionAdded e -> one(L, t(CRITERION_ADDED, w(e.criterion())),
                    new AbiWriter().string(e.code()).string(e.name()));
            case LedgerEvent.ProviderDescribed e -> one(L, t(PROVIDER_DESCRIBED, w(e.provider())), new AbiWriter()
                    .string(e.name()).string(e.specialty()).uint(Integer.toUnsignedLong(e.criteriaMask())));
            case LedgerEvent.SettlementAttested e -> one(L, t(SETTLEMENT_ATTESTED,
                    java.util.HexFormat.of().parseHex(e.batchHashHex()), w(e.bridge())), new AbiWriter()
                    .string(e.batchId()).string(e.window()).uint(e.totalCents()).uint(e.contributionsCents())
                    .uint(e.publicAccountsCents()).uint(e.monetaryCreationCents()).uint(e.lineCount())
                    .uint(e.firstBlock()).uint(e.lastBlock()));
        };
    }

    private static Log transfer(int purpose, Address from, Address to, long amountCents) {
        return log(SystemContracts.tokenAddress(purpose), t(TRANSFER, w(from), w(to)),
                new AbiWriter().uint(amountCents));
    }

    private static List<Log> one(Address a, List<byte[]> topics, AbiWriter data) {
        return List.of(log(a, topics, data));
    }

    private static Log log(Address a, List<byte[]> topics, AbiWriter data) {
        return new Log(a, topics, data.toBytes());
    }

    private static List<byte[]> t(byte[]... topics) {
        return new ArrayList<>(List.of(topics));
    }

    private static byte[] w(Address a) {
        return AbiWriter.word(a);
    }

    private static byte[] w(long v) {
        return AbiWriter.word(v);
    }

    /** The revert data of a refused call: {@code Error(string)} with the given text, as Solidity encodes it. */
    public static byte[] revertData(String text) {
        byte[] body = new AbiWriter().string(text).toBytes();
        byte[] out = new byte[4 + body.length];
        int sel = Selectors.of("Error(string)");
        out[0] = (byte) (sel >>> 24);
        out[1] = (byte) (sel >>> 16);
        out[2] = (byte) (sel >>> 8);
        out[3] = (byte) sel;
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }
}
