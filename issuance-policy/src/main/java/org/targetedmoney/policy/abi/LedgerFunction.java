package org.targetedmoney.policy.abi;

import java.util.HashMap;
import java.util.Map;

/** The functions of ITargetedMoney.sol with their canonical signatures; tests check them against the .sol and the ABI JSON. */
public enum LedgerFunction {
    GRANT_ROLE("grantRole(address,uint8,string)", false),
    REVOKE_ROLE("revokeRole(address,uint8)", false),
    ADD_PURPOSE("addPurpose(string,string)", false),
    ADD_TERRITORY("addTerritory(string)", false),
    SET_ALLOWANCE_POLICY("setAllowancePolicy(uint32,uint256[],uint32,uint32)", false),
    OPEN_EPOCH("openEpoch(uint32)", false),
    ENROL_MEMBER("enrolMember(address,string,uint8)", false),
    ENROL_MEMBERS("enrolMembers(address[],string,uint8)", false),
    CONVENTION_PROVIDER("conventionProvider(address,uint32[],string,uint32,uint32)", false),
    SUSPEND_CONVENTION("suspendConvention(address,uint32)", false),
    RESUME_CONVENTION("resumeConvention(address,uint32)", false),
    REVOKE_CONVENTION("revokeConvention(address,uint32)", false),
    ADD_CRITERION("addCriterion(string,string)", false),
    DESCRIBE_PROVIDER("describeProvider(address,string,string,uint32)", false),
    PAY("pay(address,uint32,uint256,bytes32)", false),
    REDEEM("redeem(uint32,uint256)", false),
    SET_TARIFF("setTariff(uint32,string,uint256)", false),
    FILE_CLAIM("fileClaim(address,uint32,string,uint256,bytes32)", false),
    ADD_CATEGORY("addCategory(uint32,string,string)", false),
    RESTRICT_CONVENTION("restrictConvention(address,uint32,uint32[])", false),
    PAY_IN_CATEGORY("payInCategory(address,uint32,uint32,uint256,bytes32)", false),
    SET_TERRITORY_BUDGET("setTerritoryBudget(string,uint32,uint256)", false),
    RECORD_NEEDS("recordNeeds(string,uint32,uint32,uint256,string)", false),
    SET_CAPITATION("setCapitation(uint32,uint256)", false),
    CHOOSE_PRACTITIONER("choosePractitioner(address,uint32)", false),
    CLAIM_CAPITATION("claimCapitation(uint32,uint32)", false),
    SET_MODULATION("setModulation(string,uint32,uint32,uint32)", false),
    CREATE_BODY("createBody(string,string,uint8,address[],uint32)", false),
    SET_BODY_MEMBERS("setBodyMembers(uint32,address[],uint32)", false),
    PROPOSE("propose(uint32,bytes,uint32,uint64,uint32)", false),
    VOTE("vote(uint64,bool)", false),
    EXECUTE_PROPOSAL("executeProposal(uint64)", false),
    ATTEST_SETTLEMENT("attestSettlement(bytes32,string,string,uint256,uint256,uint256,uint256,uint64,uint64,uint64)",
            false),
    CURRENT_EPOCH("currentEpoch()", true),
    PURPOSE_COUNT("purposeCount()", true),
    PURPOSE_INFO("purposeInfo(uint32)", true),
    ROLES_OF("rolesOf(address)", true),
    MEMBER_OF("memberOf(address)", true),
    CONVENTION_OF("conventionOf(address,uint32)", true),
    BALANCE_OF("balanceOf(address,uint32)", true),
    BUCKETS_OF("bucketsOf(address,uint32)", true),
    PURPOSE_TOTALS("purposeTotals(uint32)", true),
    EPOCH_COUNTERS("epochCounters(uint32,uint32)", true),
    POLICY_OF("policyOf(uint32,uint32)", true),
    TARIFF_OF("tariffOf(uint32,string)", true),
    CLAIMS_PAID("claimsPaid(uint32)", true),
    CATEGORY_COUNT("categoryCount(uint32)", true),
    CATEGORY_INFO("categoryInfo(uint32,uint32)", true),
    CONVENTION_CATEGORIES("conventionCategories(address,uint32)", true),
    TERRITORY_BUDGET("territoryBudget(string,uint32)", true),
    NEEDS_OF("needsOf(string,uint32,uint32)", true),
    TERRITORY_SPENDING("territorySpending(uint32,uint32,string)", true),
    CAPITATION_OF("capitationOf(address,uint32)", true),
    PRACTITIONER_OF("practitionerOf(address,uint32)", true),
    MODULATION_OF("modulationOf(string,uint32,uint32)", true),
    CONVENTION_REVOKED("conventionRevoked(address,uint32)", true),
    CRITERION_COUNT("criterionCount()", true),
    CRITERION_INFO("criterionInfo(uint8)", true),
    PROVIDER_PROFILE("providerProfile(address)", true),
    BODY_OF("bodyOf(uint32)", true),
    PROPOSAL_OF("proposalOf(uint64)", true),
    ATTESTATION_OF("attestationOf(bytes32)", true),
    SETTLEMENT_TOTALS("settlementTotals()", true);

    private static final Map<Integer, LedgerFunction> BY_SELECTOR = new HashMap<>();

    static {
        for (LedgerFunction f : values()) {
            BY_SELECTOR.put(f.selector, f);
        }
    }

    private final String signature;
    private final int selector;
    private final boolean view;

    LedgerFunction(String signature, boolean view) {
        this.signature = signature;
        this.selector = Selectors.of(signature);
        this.view = view;
    }

    public String signature() {
        return signature;
    }

    public int selector() {
        return selector;
    }

    public boolean isView() {
        return view;
    }

    public String shortName() {
        return signature.substring(0, signature.indexOf('('));
    }

    static LedgerFunction bySelector(int selector) {
        return BY_SELECTOR.get(selector);
    }
}
