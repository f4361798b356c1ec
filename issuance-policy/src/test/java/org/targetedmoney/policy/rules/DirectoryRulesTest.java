package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.CULTURE;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.PARIS_MARKET;
import static org.targetedmoney.policy.LedgerFixture.REGISTRAR;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.ProposalStatus;
import org.targetedmoney.policy.state.Entity;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint32;

/**
 * The provider directory's rules: social and ecological criteria declared by the authority, and provider
 * profiles whose criteria are attested by those who convention the provider (the authority, or a committee
 * competent for one of its conventions' territories), never self-declared.
 */
class DirectoryRulesTest {
    static final int ORGANIC_SUPPLY = 0;
    static final int LOCAL_SUPPLY = 1;
    static final int SOCIAL_ECONOMY = 2;
    static final int LOW_CARBON = 3;

    private final LedgerFixture ledger = withCriteria(LedgerFixture.fresh());

    /** The four criteria of the directory, ids 0..3. */
    static LedgerFixture withCriteria(LedgerFixture l) {
        l.ok(AUTHORITY, new Call.AddCriterion("ORGANIC_SUPPLY", "Organic supply"));
        l.ok(AUTHORITY, new Call.AddCriterion("LOCAL_SUPPLY", "Local supply (under 150 km)"));
        l.ok(AUTHORITY, new Call.AddCriterion("SOCIAL_ECONOMY", "Social and solidarity economy"));
        l.ok(AUTHORITY, new Call.AddCriterion("LOW_CARBON", "Low-carbon operation"));
        return l;
    }

    static int mask(int... criteria) {
        int m = 0;
        for (int c : criteria) {
            m |= 1 << c;
        }
        return m;
    }

    static Call.DescribeProvider describe(Address provider, String specialty, int... criteria) {
        return new Call.DescribeProvider(provider, "Épicerie du port", specialty, mask(criteria));
    }

    // ---------------------------------------------------------------- criteria

    @Test
    void addCriterion_givesIdsFromZeroInOrder_andAnnouncesThem() {
        Outcome.Applied added = LedgerFixture.fresh().ok(AUTHORITY, new Call.AddCriterion("ORGANIC_SUPPLY", "Bio"));

        assertThat(added.events()).containsExactly(new LedgerEvent.CriterionAdded(0, "ORGANIC_SUPPLY", "Bio"));
        assertThat(ledger.state.directoryMeta().criterionCount()).isEqualTo(4);
        assertThat(ledger.state.criterion(LOW_CARBON)).isEqualTo(new Entity.Criterion(3, "LOW_CARBON",
                "Low-carbon operation"));
    }

    @Test
    void addCriterion_twiceBadlyNamedOrNotByTheAuthority_isRejected() {
        ledger.rejected(AUTHORITY, new Call.AddCriterion("LOCAL_SUPPLY", "again"), RejectionCode.ALREADY_EXISTS);
        ledger.rejected(AUTHORITY, new Call.AddCriterion("organic", "lower case"), RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(AUTHORITY, new Call.AddCriterion("FAIR_TRADE", " "), RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(AUTHORITY, new Call.AddCriterion("FAIR_TRADE", "x".repeat(Limits.MAX_NAME_LENGTH + 1)),
                RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(COMMITTEE_34, new Call.AddCriterion("FAIR_TRADE", "Fair trade"), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void addCriterion_beyond32_rejectsLimitExceeded_andBit31IsUsable() {
        for (int id = 4; id < Limits.MAX_CRITERIA; id++) {
            ledger.ok(AUTHORITY, new Call.AddCriterion("C" + id, "Criterion " + id));
        }
        ledger.rejected(AUTHORITY, new Call.AddCriterion("EXTRA", "one too many"), RejectionCode.LIMIT_EXCEEDED);
        ledger.convention(GROCER, "FR-OCC-34", FOOD);

        ledger.ok(AUTHORITY, describe(GROCER, "grocer", 31, ORGANIC_SUPPLY));

        assertThat(ledger.state.providerProfile(GROCER).criteriaMask()).isEqualTo(0x8000_0001);
    }

    // ---------------------------------------------------------------- profiles

    @Test
    void describeProvider_byTheAuthority_storesTheProfileAndAnnouncesIt() {
        ledger.convention(GROCER, "FR-OCC-34", FOOD);

        Outcome.Applied a = ledger.ok(AUTHORITY, describe(GROCER, "grocer", ORGANIC_SUPPLY, LOCAL_SUPPLY));

        assertThat(ledger.state.providerProfile(GROCER)).isEqualTo(new Entity.ProviderProfile(GROCER,
                "Épicerie du port", "grocer", 0b11));
        assertThat(a.events()).containsExactly(new LedgerEvent.ProviderDescribed(GROCER, "Épicerie du port",
                "grocer", 0b11));
    }

    @Test
    void describeProvider_again_replacesTheWholeProfile_soAnAttestationCanBeWithdrawn() {
        ledger.convention(GROCER, "FR-OCC-34", FOOD);
        ledger.ok(AUTHORITY, describe(GROCER, "grocer", ORGANIC_SUPPLY, LOCAL_SUPPLY));

        ledger.ok(COMMITTEE_34, new Call.DescribeProvider(GROCER, "Épicerie du port", "", mask(LOCAL_SUPPLY)));

        assertThat(ledger.state.providerProfile(GROCER)).isEqualTo(new Entity.ProviderProfile(GROCER,
                "Épicerie du port", "", mask(LOCAL_SUPPLY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR-OCC-34", "FR-OCC-34-172"})
    void describeProvider_byACommitteeWhoseScopeCoversAConvention_isApplied(String territory) {
        ledger.convention(GROCER, territory, FOOD);

        ledger.ok(COMMITTEE_34, describe(GROCER, "grocer", SOCIAL_ECONOMY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR-OCC", "FR", "FR-IDF-75"})
    void describeProvider_byACommitteeWhoseScopeCoversNoConvention_rejectsOutOfScope(String territory) {
        ledger.convention(GROCER, territory, FOOD);

        Rejection r = ledger.rejected(COMMITTEE_34, describe(GROCER, "grocer", SOCIAL_ECONOMY),
                RejectionCode.OUT_OF_SCOPE);
        assertThat(r.detail()).contains("FR-OCC-34").contains(territory);
    }

    @Test
    void describeProvider_byACommittee_needsEveryConventionInForceInItsScope_theAuthorityDescribesTheOthers() {
        ledger.convention(GROCER, "FR-IDF-75", FOOD);
        ledger.convention(GROCER, "FR-OCC-34-172", CULTURE);

        Rejection r = ledger.rejected(COMMITTEE_34, describe(GROCER, "grocer and bookshop", LOCAL_SUPPLY),
                RejectionCode.OUT_OF_SCOPE);
        assertThat(r.detail()).contains("FR-IDF-75");
        ledger.ok(AUTHORITY, describe(GROCER, "grocer and bookshop", LOCAL_SUPPLY));
    }

    @Test
    void describeProvider_ofAProviderWithoutConvention_rejectsNotConventioned() {
        ledger.rejected(AUTHORITY, describe(GROCER, "grocer"), RejectionCode.NOT_CONVENTIONED);
    }

    @Test
    void describeProvider_byTheProviderItselfOrAnotherRole_rejectsForbiddenRole() {
        ledger.convention(GROCER, "FR-OCC-34", FOOD);

        for (Address sender : List.of(GROCER, REGISTRAR, STRANGER)) {
            ledger.rejected(sender, describe(GROCER, "grocer", ORGANIC_SUPPLY), RejectionCode.FORBIDDEN_ROLE);
        }
    }

    @Test
    void describeProvider_withAnUndeclaredCriterion_rejectsUnknownCriterion() {
        ledger.convention(GROCER, "FR-OCC-34", FOOD);

        Rejection r = ledger.rejected(AUTHORITY, describe(GROCER, "grocer", 4), RejectionCode.UNKNOWN_CRITERION);
        ledger.rejected(AUTHORITY, describe(GROCER, "grocer", 31), RejectionCode.UNKNOWN_CRITERION);
        assertThat(r.detail()).contains("0x10").contains("4 declared");
    }

    @Test
    void describeProvider_badNameOrSpecialty_rejectsInvalidArgument() {
        ledger.convention(GROCER, "FR-OCC-34", FOOD);
        String longest = "x".repeat(Limits.MAX_SPECIALTY_LENGTH);

        for (String name : List.of("", " Épicerie", "Épicerie ", "Épi\ncerie",
                "x".repeat(Limits.MAX_NAME_LENGTH + 1))) {
            ledger.rejected(AUTHORITY, new Call.DescribeProvider(GROCER, name, "grocer", 0),
                    RejectionCode.INVALID_ARGUMENT);
        }
        for (String specialty : List.of(" grocer", "gro\tcer", longest + "x")) {
            ledger.rejected(AUTHORITY, new Call.DescribeProvider(GROCER, "Épicerie", specialty, 0),
                    RejectionCode.INVALID_ARGUMENT);
        }
        ledger.ok(AUTHORITY, new Call.DescribeProvider(GROCER, "x".repeat(Limits.MAX_NAME_LENGTH), longest, 0));
        ledger.ok(AUTHORITY, new Call.DescribeProvider(GROCER, "É", "", 0));
    }

    @Test
    void describeProvider_ofARevokedProvider_isStillPossible_toWithdrawItsCriteria() {
        ledger.convention(GROCER, "FR-OCC-34", FOOD);
        ledger.ok(COMMITTEE_34, describe(GROCER, "grocer", ORGANIC_SUPPLY));
        ledger.ok(COMMITTEE_34, new Call.RevokeConvention(GROCER, FOOD));

        ledger.ok(COMMITTEE_34, describe(GROCER, "grocer"));

        assertThat(ledger.state.providerProfile(GROCER).criteriaMask()).isZero();
    }

    // ---------------------------------------------------------------- decided by bodies

    @Test
    void bodies_decideCriteriaProfilesAndRevocationsByProposal_withinTheirCompetence() {
        GovernanceRulesTest.withBodies(ledger).convention(GROCER, "FR-OCC-34", FOOD);
        ledger.convention(PARIS_MARKET, "FR-IDF-75", FOOD);
        org.web3j.abi.datatypes.Address grocer = new org.web3j.abi.datatypes.Address(GROCER.toHex());
        String describeGrocer = GovernanceRulesTest.action("describeProvider", grocer, new Utf8String("Épicerie"),
                new Utf8String("grocer"), new Uint32(mask(LOCAL_SUPPLY)));
        String revokeGrocer = GovernanceRulesTest.action("revokeConvention", grocer, new Uint32(FOOD));
        String addCriterion = GovernanceRulesTest.action("addCriterion", new Utf8String("FAIR_TRADE"),
                new Utf8String("Fair trade"));

        approve(GovernanceRulesTest.HERAULT, describeGrocer, GovernanceRulesTest.L1, GovernanceRulesTest.L2);
        approve(GovernanceRulesTest.HERAULT, revokeGrocer, GovernanceRulesTest.L1, GovernanceRulesTest.L2);
        approve(GovernanceRulesTest.NATIONAL, addCriterion, GovernanceRulesTest.N1, GovernanceRulesTest.N2);

        assertThat(ledger.state.providerProfile(GROCER).specialty()).isEqualTo("grocer");
        assertThat(ledger.state.convention(GROCER, FOOD).revoked()).isTrue();
        assertThat(ledger.state.criterion(4).code()).isEqualTo("FAIR_TRADE");
        String describeParis = GovernanceRulesTest.action("describeProvider",
                new org.web3j.abi.datatypes.Address(PARIS_MARKET.toHex()), new Utf8String("Marché"),
                new Utf8String("market"), new Uint32(0));
        ledger.rejected(GovernanceRulesTest.L1, GovernanceRulesTest.proposal(GovernanceRulesTest.HERAULT,
                describeParis), RejectionCode.OUT_OF_COMPETENCE);
        ledger.rejected(GovernanceRulesTest.L1, GovernanceRulesTest.proposal(GovernanceRulesTest.HERAULT,
                addCriterion), RejectionCode.OUT_OF_COMPETENCE);
    }

    private void approve(int body, String action, Address proposer, Address voter) {
        ledger.ok(proposer, GovernanceRulesTest.proposal(body, action));
        long id = ledger.state.governanceMeta().proposalCount();
        ledger.ok(voter, new Call.Vote(id, true));
        assertThat(ledger.state.proposal(id).status()).as(ledger.state.proposal(id).outcome())
                .isEqualTo(ProposalStatus.EXECUTED.code());
    }

    @Test
    void governable_includesTheDirectoryCalls() {
        assertThat(ProposalRules.governable(new Call.AddCriterion("X1", "x"))).isTrue();
        assertThat(ProposalRules.governable(new Call.DescribeProvider(GROCER, "x", "", 0))).isTrue();
        assertThat(ProposalRules.governable(new Call.RevokeConvention(GROCER, HEALTH))).isTrue();
    }
}
