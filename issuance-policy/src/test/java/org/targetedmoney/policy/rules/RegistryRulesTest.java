package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOOKSHOP;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.REGISTRAR;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;
import static org.targetedmoney.policy.LedgerFixture.address;
import static org.targetedmoney.policy.rules.RejectionCode.ALREADY_EXISTS;
import static org.targetedmoney.policy.rules.RejectionCode.FORBIDDEN_ROLE;
import static org.targetedmoney.policy.rules.RejectionCode.INVALID_ARGUMENT;
import static org.targetedmoney.policy.rules.RejectionCode.LIMIT_EXCEEDED;
import static org.targetedmoney.policy.rules.RejectionCode.UNKNOWN_TERRITORY;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;

/** Roles, purposes and territories: what only the authority declares. */
class RegistryRulesTest {
    private final LedgerFixture ledger = LedgerFixture.fresh();

    /** Every call that needs the AUTHORITY role (conventions, which a committee may also decide, aside). */
    static Stream<Call> authorityCalls() {
        return Stream.of(
                new Call.GrantRole(ALICE, Role.AUDITOR.bit(), ""),
                new Call.RevokeRole(REGISTRAR, Role.REGISTRAR.bit()),
                new Call.AddPurpose("WATER", "Water"),
                new Call.AddTerritory("FR-BRE"),
                new Call.SetAllowancePolicy(LedgerFixture.FOOD, List.of(1L), 1, 5),
                new Call.OpenEpoch(0));
    }

    @ParameterizedTest
    @MethodSource("authorityCalls")
    void authorityCall_byRegistrarCommitteeOrStranger_rejectsForbiddenRole(Call call) {
        for (Address sender : List.of(REGISTRAR, COMMITTEE_34, STRANGER)) {
            Rejection r = ledger.rejected(sender, call, FORBIDDEN_ROLE);
            assertThat(r.detail()).contains(sender.toString()).contains("AUTHORITY");
        }
    }

    @ParameterizedTest
    @MethodSource("authorityCalls")
    void authorityCall_byAuthority_isApplied(Call call) {
        ledger.ok(AUTHORITY, call);
    }

    @Nested
    class GrantRole {
        @Test
        void grantRole_auditor_setsTheBitAndEmitsRoleGranted() {
            Outcome.Applied a = ledger.ok(AUTHORITY, new Call.GrantRole(ALICE, Role.AUDITOR.bit(), ""));

            assertThat(ledger.state.account(ALICE)).isEqualTo(new Entity.Account(ALICE, Role.AUDITOR.mask(), null));
            assertThat(a.events()).containsExactly(new LedgerEvent.RoleGranted(ALICE, Role.AUDITOR.bit(), ""));
        }

        @Test
        void grantRole_secondRole_keepsTheFirst() {
            ledger.ok(AUTHORITY, new Call.GrantRole(REGISTRAR, Role.AUDITOR.bit(), ""));

            Entity.Account acc = ledger.state.account(REGISTRAR);
            assertThat(acc.has(Role.REGISTRAR)).isTrue();
            assertThat(acc.has(Role.AUDITOR)).isTrue();
        }

        @Test
        void grantRole_committee_recordsItsScope() {
            ledger.ok(AUTHORITY, new Call.GrantRole(ALICE, Role.COMMITTEE.bit(), "FR-IDF"));

            assertThat(ledger.state.account(ALICE).scopeTerritory()).isEqualTo("FR-IDF");
        }

        @Test
        void grantRole_roleAlreadyHeld_rejectsAlreadyExists() {
            ledger.rejected(AUTHORITY, new Call.GrantRole(REGISTRAR, Role.REGISTRAR.bit(), ""), ALREADY_EXISTS);
        }

        @Test
        void grantRole_unknownRoleBit_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.GrantRole(ALICE, 7, ""), INVALID_ARGUMENT);
        }

        @Test
        void grantRole_provider_rejectsBecauseItComesWithAConvention() {
            Rejection r = ledger.rejected(AUTHORITY, new Call.GrantRole(ALICE, Role.PROVIDER.bit(), ""),
                    INVALID_ARGUMENT);
            assertThat(r.detail()).contains("conventionProvider");
        }

        @Test
        void grantRole_toZeroAddress_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.GrantRole(Address.ZERO, Role.AUDITOR.bit(), ""), INVALID_ARGUMENT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "FR-XXX", "fr-occ"})
        void grantRole_committeeWithoutKnownScope_rejectsUnknownTerritory(String scope) {
            ledger.rejected(AUTHORITY, new Call.GrantRole(ALICE, Role.COMMITTEE.bit(), scope), UNKNOWN_TERRITORY);
        }

        @Test
        void grantRole_scopeOnANonCommitteeRole_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.GrantRole(ALICE, Role.AUDITOR.bit(), "FR-OCC"), INVALID_ARGUMENT);
        }

        @Test
        void grantRole_otherRoleToACommittee_keepsItsScope() {
            ledger.ok(AUTHORITY, new Call.GrantRole(COMMITTEE_34, Role.AUDITOR.bit(), ""));

            assertThat(ledger.state.account(COMMITTEE_34).scopeTerritory()).isEqualTo("FR-OCC-34");
        }
    }

    @Nested
    class RevokeRole {
        @Test
        void revokeRole_clearsOnlyThatBitAndEmitsRoleRevoked() {
            ledger.ok(AUTHORITY, new Call.GrantRole(REGISTRAR, Role.AUDITOR.bit(), ""));

            Outcome.Applied a = ledger.ok(AUTHORITY, new Call.RevokeRole(REGISTRAR, Role.REGISTRAR.bit()));

            assertThat(ledger.state.account(REGISTRAR).roleMask()).isEqualTo(Role.AUDITOR.mask());
            assertThat(a.events()).containsExactly(new LedgerEvent.RoleRevoked(REGISTRAR, Role.REGISTRAR.bit()));
        }

        @Test
        void revokeRole_registrar_thenItCannotEnrolAnyMore() {
            ledger.ok(AUTHORITY, new Call.RevokeRole(REGISTRAR, Role.REGISTRAR.bit()));

            ledger.rejected(REGISTRAR, new Call.EnrolMember(ALICE, "FR", 1), FORBIDDEN_ROLE);
        }

        @Test
        void revokeRole_committee_dropsItsScope() {
            ledger.ok(AUTHORITY, new Call.RevokeRole(COMMITTEE_34, Role.COMMITTEE.bit()));

            assertThat(ledger.state.account(COMMITTEE_34)).isEqualTo(new Entity.Account(COMMITTEE_34, 0, null));
        }

        @Test
        void revokeRole_notHeld_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.RevokeRole(REGISTRAR, Role.AUDITOR.bit()), INVALID_ARGUMENT);
        }

        @Test
        void revokeRole_ofAnAccountWithNoRole_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.RevokeRole(STRANGER, Role.AUDITOR.bit()), INVALID_ARGUMENT);
        }

        @Test
        void revokeRole_unknownBit_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.RevokeRole(REGISTRAR, 9), INVALID_ARGUMENT);
        }

        @Test
        void revokeRole_ownAuthority_rejectsSoTheLedgerKeepsAnAuthority() {
            ledger.rejected(AUTHORITY, new Call.RevokeRole(AUTHORITY, Role.AUTHORITY.bit()), INVALID_ARGUMENT);
        }

        @Test
        void revokeRole_anotherAuthority_isApplied() {
            Address second = address(0xA2);
            ledger.ok(AUTHORITY, new Call.GrantRole(second, Role.AUTHORITY.bit(), ""));

            ledger.ok(second, new Call.RevokeRole(AUTHORITY, Role.AUTHORITY.bit()));

            ledger.rejected(AUTHORITY, new Call.AddTerritory("FR-BRE"), FORBIDDEN_ROLE);
        }
    }

    @Nested
    class Purposes {
        @Test
        void addPurpose_takesTheNextIdWithZeroTotalsAndNoPolicy() {
            Outcome.Applied a = ledger.ok(AUTHORITY, new Call.AddPurpose("WATER", "Water"));

            assertThat(ledger.state.purpose(4)).isEqualTo(new Entity.Purpose(4, "WATER", "Water", 0));
            assertThat(ledger.totals(4)).isEqualTo(new Entity.PurposeTotals(4, 0, 0, 0, 0, 0));
            assertThat(ledger.state.meta().purposeCount()).isEqualTo(4);
            assertThat(a.events()).containsExactly(new LedgerEvent.PurposeAdded(4, "WATER", "Water"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "W", "water", "1WATER", "WA-TER", "WATER WORKS", "ABCDEFGHIJKLMNOPQ"})
        void addPurpose_invalidSymbol_rejectsInvalidArgument(String symbol) {
            ledger.rejected(AUTHORITY, new Call.AddPurpose(symbol, "Water"), INVALID_ARGUMENT);
        }

        @Test
        void addPurpose_symbolOfSixteenCharacters_isTheLongestAccepted() {
            ledger.ok(AUTHORITY, new Call.AddPurpose("ABCDEFGHIJKLMNOP", "Sixteen"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void addPurpose_blankName_rejectsInvalidArgument(String name) {
            ledger.rejected(AUTHORITY, new Call.AddPurpose("WATER", name), INVALID_ARGUMENT);
        }

        @Test
        void addPurpose_nameLongerThan64_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.AddPurpose("WATER", "n".repeat(65)), INVALID_ARGUMENT);
            ledger.ok(AUTHORITY, new Call.AddPurpose("WATER", "n".repeat(64)));
        }

        @Test
        void addPurpose_existingSymbol_rejectsAlreadyExists() {
            Rejection r = ledger.rejected(AUTHORITY, new Call.AddPurpose("CULTURE", "Again"), ALREADY_EXISTS);
            assertThat(r.detail()).contains("id 3");
        }

        @Test
        void addPurpose_beyond256_rejectsLimitExceeded() {
            for (int i = 4; i <= Limits.MAX_PURPOSES; i++) {
                ledger.ok(AUTHORITY, new Call.AddPurpose("P" + i, "Purpose " + i));
            }
            assertThat(ledger.state.meta().purposeCount()).isEqualTo(Limits.MAX_PURPOSES);

            ledger.rejected(AUTHORITY, new Call.AddPurpose("ONE_MORE", "too many"), LIMIT_EXCEEDED);
        }
    }

    @Nested
    class Territories {
        @Test
        void addTerritory_underAKnownParent_isStoredCountedAndAnnounced() {
            Outcome.Applied a = ledger.ok(AUTHORITY, new Call.AddTerritory("FR-OCC-34-301"));

            assertThat(ledger.state.hasTerritory("FR-OCC-34-301")).isTrue();
            assertThat(ledger.state.meta().territoryCount()).isEqualTo(LedgerFixture.TERRITORIES.size() + 1);
            assertThat(a.events()).containsExactly(new LedgerEvent.TerritoryAdded("FR-OCC-34-301"));
        }

        @Test
        void addTerritory_newCountry_needsNoParent() {
            ledger.ok(AUTHORITY, new Call.AddTerritory("BE"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "F", "fr", "FR-", "FR--OCC", "FR-OCC-123456789", "FR_OCC", "FRA", "FR-oc"})
        void addTerritory_invalidCode_rejectsInvalidArgument(String code) {
            ledger.rejected(AUTHORITY, new Call.AddTerritory(code), INVALID_ARGUMENT);
        }

        @Test
        void addTerritory_existing_rejectsAlreadyExists() {
            ledger.rejected(AUTHORITY, new Call.AddTerritory("FR-OCC-34"), ALREADY_EXISTS);
        }

        @Test
        void addTerritory_unknownParent_rejectsUnknownTerritory() {
            Rejection r = ledger.rejected(AUTHORITY, new Call.AddTerritory("FR-BRE-29"), UNKNOWN_TERRITORY);
            assertThat(r.detail()).contains("FR-BRE");
        }

        @Test
        void addTerritory_beyond10000_rejectsLimitExceeded() {
            for (int i = ledger.state.meta().territoryCount(); i < Limits.MAX_TERRITORIES; i++) {
                ledger.ok(AUTHORITY, new Call.AddTerritory("FR-T" + i));
            }

            ledger.rejected(AUTHORITY, new Call.AddTerritory("FR-LAST"), LIMIT_EXCEEDED);
        }
    }

    @Test
    void conventionProvider_grantsTheProviderRoleWhichCannotBeGrantedOtherwise() {
        ledger.convention(BOOKSHOP, "FR", LedgerFixture.CULTURE);

        assertThat(ledger.state.account(BOOKSHOP).has(Role.PROVIDER)).isTrue();
    }
}
