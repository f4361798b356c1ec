package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOB;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.REGISTRAR;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;
import static org.targetedmoney.policy.rules.RejectionCode.ALREADY_ENROLLED;
import static org.targetedmoney.policy.rules.RejectionCode.FORBIDDEN_ROLE;
import static org.targetedmoney.policy.rules.RejectionCode.INVALID_ARGUMENT;
import static org.targetedmoney.policy.rules.RejectionCode.UNKNOWN_TERRITORY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity;

/** Enrolment by a registrar: an address, a territory and a household size, nothing personal. */
class MembershipRulesTest {
    private final LedgerFixture ledger = LedgerFixture.fresh();

    @Test
    void enrolMember_beforeAnyEpoch_startsAtEpochZeroAndCountsTheHousehold() {
        Outcome.Applied a = ledger.ok(REGISTRAR, new Call.EnrolMember(ALICE, "FR-OCC-34-172", 3));

        assertThat(ledger.state.member(ALICE))
                .isEqualTo(new Entity.Member(ALICE, "FR-OCC-34-172", 3, 0, -1, List.of()));
        assertThat(ledger.state.enrolmentCount("FR-OCC-34-172", 3)).isEqualTo(1);
        assertThat(ledger.state.meta().memberCount()).isEqualTo(1);
        assertThat(a.events()).containsExactly(new LedgerEvent.MemberEnrolled(ALICE, "FR-OCC-34-172", 3, 0));
    }

    @Test
    void enrolMember_firstEpochIsTheLastOpenedPlusOne() {
        ledger.openEpochs(0, 4);

        Outcome.Applied a = ledger.ok(REGISTRAR, new Call.EnrolMember(ALICE, "FR", 1));

        assertThat(ledger.state.member(ALICE).firstEpoch()).isEqualTo(5);
        assertThat(LedgerFixture.events(a, LedgerEvent.MemberEnrolled.class).get(0).firstEpoch()).isEqualTo(5);
    }

    @Test
    void enrolMember_sameTerritoryAndSize_addsUpInOneCount() {
        ledger.enrol(ALICE, "FR-IDF-75", 2).enrol(BOB, "FR-IDF-75", 2);

        assertThat(ledger.state.enrolmentCount("FR-IDF-75", 2)).isEqualTo(2);
        assertThat(ledger.state.enrolmentCount("FR-IDF-75", 1)).isZero();
        assertThat(ledger.state.enrolmentCount("FR-IDF", 2)).as("counts are per exact territory").isZero();
    }

    @Test
    void enrolMember_twice_rejectsAlreadyEnrolled() {
        ledger.enrol(ALICE, "FR-OCC-34", 1);

        ledger.rejected(REGISTRAR, new Call.EnrolMember(ALICE, "FR-IDF", 2), ALREADY_ENROLLED);
    }

    @Test
    void enrolMember_unknownTerritory_rejectsUnknownTerritory() {
        ledger.rejected(REGISTRAR, new Call.EnrolMember(ALICE, "FR-OCC-3", 1), UNKNOWN_TERRITORY);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Limits.MAX_HOUSEHOLD_SIZE + 1, 255})
    void enrolMember_householdSizeOutside1to20_rejectsInvalidArgument(int size) {
        Rejection r = ledger.rejected(REGISTRAR, new Call.EnrolMember(ALICE, "FR", size), INVALID_ARGUMENT);
        assertThat(r.detail()).contains("household size");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, Limits.MAX_HOUSEHOLD_SIZE})
    void enrolMember_householdSizeAtTheBounds_isApplied(int size) {
        ledger.enrol(ALICE, "FR", size);
    }

    @Test
    void enrolMember_zeroAddress_rejectsInvalidArgument() {
        ledger.rejected(REGISTRAR, new Call.EnrolMember(Address.ZERO, "FR", 1), INVALID_ARGUMENT);
    }

    @Test
    void enrolMember_byAnyoneButARegistrar_rejectsForbiddenRole() {
        for (Address sender : List.of(AUTHORITY, COMMITTEE_34, STRANGER, ALICE)) {
            ledger.rejected(sender, new Call.EnrolMember(BOB, "FR", 1), FORBIDDEN_ROLE);
        }
    }

    @Test
    void enrolMembers_aList_enrolsEachWithOneEventAndOneCount() {
        Outcome.Applied a = ledger.ok(REGISTRAR, new Call.EnrolMembers(List.of(ALICE, BOB), "FR-IDF-75", 2));

        assertThat(ledger.state.member(ALICE).territory()).isEqualTo("FR-IDF-75");
        assertThat(ledger.state.member(BOB).householdSize()).isEqualTo(2);
        assertThat(ledger.state.enrolmentCount("FR-IDF-75", 2)).isEqualTo(2);
        assertThat(ledger.state.meta().memberCount()).isEqualTo(2);
        assertThat(LedgerFixture.events(a, LedgerEvent.MemberEnrolled.class)).hasSize(2);
    }

    @Test
    void enrolMembers_sentAgainOrWithRepeats_skipsMembersAlreadyEnrolled() {
        ledger.enrol(ALICE, "FR-OCC-34", 1);

        Outcome.Applied a = ledger.ok(REGISTRAR, new Call.EnrolMembers(List.of(ALICE, BOB, BOB), "FR-IDF-75", 2));

        assertThat(ledger.state.member(ALICE).territory()).as("the earlier enrolment stands").isEqualTo("FR-OCC-34");
        assertThat(LedgerFixture.events(a, LedgerEvent.MemberEnrolled.class)).hasSize(1);
        assertThat(ledger.state.meta().memberCount()).isEqualTo(2);
    }

    @Test
    void enrolMembers_oneInvalidEntry_rejectsTheWholeList() {
        ledger.rejected(REGISTRAR, new Call.EnrolMembers(List.of(ALICE, Address.ZERO), "FR", 1), INVALID_ARGUMENT);

        assertThat(ledger.state.member(ALICE)).as("nothing of a rejected list is kept").isNull();
        assertThat(ledger.state.meta().memberCount()).isZero();
    }

    @Test
    void enrolMembers_emptyOrTooLong_rejectsInvalidArgument() {
        ledger.rejected(REGISTRAR, new Call.EnrolMembers(List.of(), "FR", 1), INVALID_ARGUMENT);
        List<Address> tooMany = java.util.stream.IntStream.range(0, Limits.MAX_BULK_ENROLMENT + 1)
                .mapToObj(i -> Address.fromHex(String.format("0x%040x", i + 1))).toList();
        Rejection r = ledger.rejected(REGISTRAR, new Call.EnrolMembers(tooMany, "FR", 1), INVALID_ARGUMENT);
        assertThat(r.detail()).contains("1..500");
    }

    @Test
    void enrolMembers_byAnyoneButARegistrar_evenOfEnrolledMembers_rejectsForbiddenRole() {
        ledger.enrol(ALICE, "FR", 1);

        ledger.rejected(STRANGER, new Call.EnrolMembers(List.of(ALICE), "FR", 1), FORBIDDEN_ROLE);
    }
}
