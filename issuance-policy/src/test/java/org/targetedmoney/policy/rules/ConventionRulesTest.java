package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOOKSHOP;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.CULTURE;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.REGISTRAR;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;
import static org.targetedmoney.policy.LedgerFixture.UNKNOWN_PURPOSE_ID;
import static org.targetedmoney.policy.rules.RejectionCode.FORBIDDEN_ROLE;
import static org.targetedmoney.policy.rules.RejectionCode.INVALID_ARGUMENT;
import static org.targetedmoney.policy.rules.RejectionCode.NOT_CONVENTIONED;
import static org.targetedmoney.policy.rules.RejectionCode.OUT_OF_SCOPE;
import static org.targetedmoney.policy.rules.RejectionCode.UNKNOWN_PURPOSE;
import static org.targetedmoney.policy.rules.RejectionCode.UNKNOWN_TERRITORY;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.Convention;

/** Conventions: who may be paid, for which purposes, where and when; decided by the authority or a committee. */
class ConventionRulesTest {
    private final LedgerFixture ledger = LedgerFixture.fresh();

    private static Call.ConventionProvider convention(Address provider, String territory, Integer... purposes) {
        return new Call.ConventionProvider(provider, List.of(purposes), territory, 2, 10);
    }

    @Test
    void conventionProvider_storesOneConventionPerPurposeAndMakesAProvider() {
        Outcome.Applied a = ledger.ok(AUTHORITY, convention(GROCER, "FR-OCC-34", FOOD, HEALTH));

        assertThat(ledger.state.convention(GROCER, FOOD)).isEqualTo(new Convention(GROCER, FOOD, "FR-OCC-34", 2, 10, false));
        assertThat(ledger.state.convention(GROCER, HEALTH)).isEqualTo(new Convention(GROCER, HEALTH, "FR-OCC-34", 2, 10, false));
        assertThat(ledger.state.convention(GROCER, CULTURE)).isNull();
        assertThat(ledger.state.account(GROCER)).isEqualTo(new Entity.Account(GROCER, Role.PROVIDER.mask(), null));
        assertThat(a.events()).containsExactly(
                new LedgerEvent.ProviderConventioned(GROCER, FOOD, "FR-OCC-34", 2, 10),
                new LedgerEvent.ProviderConventioned(GROCER, HEALTH, "FR-OCC-34", 2, 10));
    }

    @Test
    void conventionProvider_again_replacesTheConventionAndLiftsASuspension() {
        ledger.ok(AUTHORITY, convention(GROCER, "FR-OCC-34", FOOD));
        ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD));

        ledger.ok(AUTHORITY, new Call.ConventionProvider(GROCER, List.of(FOOD), "FR-OCC", 5, 20));

        assertThat(ledger.state.convention(GROCER, FOOD)).isEqualTo(new Convention(GROCER, FOOD, "FR-OCC", 5, 20, false));
    }

    @Test
    void conventionProvider_ofAnAccountWithRoles_keepsThemAndItsScope() {
        ledger.ok(AUTHORITY, convention(COMMITTEE_34, "FR", CULTURE));

        Entity.Account acc = ledger.state.account(COMMITTEE_34);
        assertThat(acc.roleMask()).isEqualTo(Role.COMMITTEE.mask() | Role.PROVIDER.mask());
        assertThat(acc.scopeTerritory()).isEqualTo("FR-OCC-34");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR-OCC-34", "FR-OCC-34-172"})
    void conventionProvider_byCommitteeWithinItsTerritory_isApplied(String territory) {
        ledger.ok(COMMITTEE_34, convention(GROCER, territory, FOOD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR-OCC", "FR", "FR-IDF-75"})
    void conventionProvider_byCommitteeOutsideItsTerritory_rejectsOutOfScope(String territory) {
        Rejection r = ledger.rejected(COMMITTEE_34, convention(GROCER, territory, FOOD), OUT_OF_SCOPE);
        assertThat(r.detail()).contains("FR-OCC-34").contains(territory);
    }

    @Test
    void conventionProvider_byCommittee_cannotNarrowAConventionDecidedForAWiderArea() {
        ledger.ok(AUTHORITY, convention(GROCER, "FR-OCC", FOOD));

        ledger.rejected(COMMITTEE_34, convention(GROCER, "FR-OCC-34", FOOD), OUT_OF_SCOPE);
        assertThat(ledger.state.convention(GROCER, FOOD).territory()).isEqualTo("FR-OCC");
    }

    @Test
    void conventionProvider_byRegistrarOrStranger_rejectsForbiddenRole() {
        for (Address sender : List.of(REGISTRAR, STRANGER, GROCER)) {
            ledger.rejected(sender, convention(GROCER, "FR-OCC-34", FOOD), FORBIDDEN_ROLE);
        }
    }

    @Test
    void conventionProvider_committeeWhoseRoleWasRevoked_rejectsForbiddenRole() {
        ledger.ok(AUTHORITY, new Call.RevokeRole(COMMITTEE_34, Role.COMMITTEE.bit()));

        ledger.rejected(COMMITTEE_34, convention(GROCER, "FR-OCC-34", FOOD), FORBIDDEN_ROLE);
    }

    @Test
    void conventionProvider_unknownTerritory_rejectsUnknownTerritory() {
        ledger.rejected(AUTHORITY, convention(GROCER, "FR-OCC-3", FOOD), UNKNOWN_TERRITORY);
    }

    @Test
    void conventionProvider_unknownPurpose_rejectsUnknownPurposeAndStoresNothing() {
        ledger.rejected(AUTHORITY, convention(GROCER, "FR", FOOD, UNKNOWN_PURPOSE_ID), UNKNOWN_PURPOSE);
        ledger.rejected(AUTHORITY, convention(GROCER, "FR", 0), UNKNOWN_PURPOSE);
    }

    @Test
    void conventionProvider_noPurpose_rejectsInvalidArgument() {
        ledger.rejected(AUTHORITY, convention(GROCER, "FR"), INVALID_ARGUMENT);
    }

    @Test
    void conventionProvider_moreThan16Purposes_rejectsInvalidArgument() {
        for (int i = 4; i <= 17; i++) {
            ledger.ok(AUTHORITY, new Call.AddPurpose("P" + i, "Purpose " + i));
        }
        List<Integer> seventeen = java.util.stream.IntStream.rangeClosed(1, 17).boxed().toList();

        ledger.rejected(AUTHORITY, new Call.ConventionProvider(GROCER, seventeen, "FR", 0, 1), INVALID_ARGUMENT);
        ledger.ok(AUTHORITY, new Call.ConventionProvider(GROCER, seventeen.subList(0, 16), "FR", 0, 1));
    }

    @Test
    void conventionProvider_purposeListedTwice_rejectsInvalidArgument() {
        ledger.rejected(AUTHORITY, convention(GROCER, "FR", FOOD, HEALTH, FOOD), INVALID_ARGUMENT);
    }

    @Test
    void conventionProvider_emptyOrNegativeValidity_rejectsInvalidArgument() {
        ledger.rejected(AUTHORITY, new Call.ConventionProvider(GROCER, List.of(FOOD), "FR", 5, 4), INVALID_ARGUMENT);
        ledger.rejected(AUTHORITY, new Call.ConventionProvider(GROCER, List.of(FOOD), "FR", -1, 4), INVALID_ARGUMENT);
        ledger.ok(AUTHORITY, new Call.ConventionProvider(GROCER, List.of(FOOD), "FR", 5, 5));
    }

    @Test
    void conventionProvider_zeroAddress_rejectsInvalidArgument() {
        ledger.rejected(AUTHORITY, convention(Address.ZERO, "FR", FOOD), INVALID_ARGUMENT);
    }

    @Test
    void suspendThenResume_flipTheFlagAndAnnounceIt() {
        ledger.ok(AUTHORITY, convention(GROCER, "FR-OCC-34", FOOD));

        Outcome.Applied suspended = ledger.ok(COMMITTEE_34, new Call.SuspendConvention(GROCER, FOOD));
        assertThat(ledger.state.convention(GROCER, FOOD).suspended()).isTrue();
        assertThat(suspended.events()).containsExactly(new LedgerEvent.ConventionSuspended(GROCER, FOOD));

        Outcome.Applied resumed = ledger.ok(COMMITTEE_34, new Call.ResumeConvention(GROCER, FOOD));
        assertThat(ledger.state.convention(GROCER, FOOD)).isEqualTo(new Convention(GROCER, FOOD, "FR-OCC-34", 2, 10, false));
        assertThat(resumed.events()).containsExactly(new LedgerEvent.ConventionResumed(GROCER, FOOD));
    }

    @Test
    void suspend_twiceOrResumeAConventionInForce_rejectsInvalidArgument() {
        ledger.ok(AUTHORITY, convention(GROCER, "FR-OCC-34", FOOD));
        ledger.rejected(AUTHORITY, new Call.ResumeConvention(GROCER, FOOD), INVALID_ARGUMENT);

        ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD));
        ledger.rejected(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD), INVALID_ARGUMENT);
    }

    @Test
    void suspend_withoutConvention_rejectsNotConventioned() {
        ledger.ok(AUTHORITY, convention(GROCER, "FR-OCC-34", FOOD));

        ledger.rejected(AUTHORITY, new Call.SuspendConvention(GROCER, HEALTH), NOT_CONVENTIONED);
        ledger.rejected(AUTHORITY, new Call.ResumeConvention(BOOKSHOP, FOOD), NOT_CONVENTIONED);
    }

    @Test
    void suspend_byCommitteeOfAConventionOutsideItsTerritory_rejectsOutOfScope() {
        ledger.ok(AUTHORITY, convention(GROCER, "FR-IDF", FOOD));
        ledger.ok(AUTHORITY, convention(BOOKSHOP, "FR-OCC", CULTURE));

        ledger.rejected(COMMITTEE_34, new Call.SuspendConvention(GROCER, FOOD), OUT_OF_SCOPE);
        ledger.rejected(COMMITTEE_34, new Call.SuspendConvention(BOOKSHOP, CULTURE), OUT_OF_SCOPE);
    }

    @Test
    void suspendOrResume_byRegistrarOrTheProviderItself_rejectsForbiddenRole() {
        ledger.ok(AUTHORITY, convention(GROCER, "FR-OCC-34", FOOD));

        ledger.rejected(REGISTRAR, new Call.SuspendConvention(GROCER, FOOD), FORBIDDEN_ROLE);
        ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD));
        ledger.rejected(GROCER, new Call.ResumeConvention(GROCER, FOOD), FORBIDDEN_ROLE);
    }

    @Test
    void convention_ofAPurposeAddedLater_isAccepted() {
        ledger.ok(AUTHORITY, new Call.AddPurpose("WATER", "Water"));

        ledger.ok(AUTHORITY, convention(GROCER, "FR", 4));
        assertThat(ledger.state.convention(GROCER, 4)).isNotNull();
    }

    @Test
    void conventionProvider_purposeListIsCopied() {
        List<Integer> purposes = new java.util.ArrayList<>(List.of(FOOD));
        Call.ConventionProvider c = new Call.ConventionProvider(GROCER, purposes, "FR", 0, 1);
        purposes.add(HEALTH);

        assertThat(c.purposes()).isEqualTo(Collections.singletonList(FOOD));
    }
}
