package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.DOCTOR;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity;

/**
 * Health at 100 %: a conventioned doctor is paid directly by the fund for an act done for an enrolled
 * member, up to the act's tariff; the member has no balance and does nothing.
 */
class ClaimRulesTest {
    /** A GP consultation ("G") at 26.50 €. */
    static LedgerFixture doctorWithTariff(LedgerFixture l) {
        l.ok(AUTHORITY, new Call.SetTariff(HEALTH, "G", 2_650));
        l.convention(DOCTOR, "FR-OCC-34", HEALTH);
        return l;
    }

    static Call.FileClaim claim(Address member, String act, long cents, int ref) {
        return new Call.FileClaim(member, HEALTH, act, cents, HexFormat.of().formatHex(LedgerFixture.ref(ref)));
    }

    static LedgerFixture aliceEnrolled() {
        LedgerFixture l = LedgerFixture.fresh();
        l.enrol(ALICE, "FR-OCC-34-172", 1);
        return l;
    }

    @Test
    void fileClaim_atTheTariff_isPaidWithAClaimPaidEventAndCounted() {
        LedgerFixture l = doctorWithTariff(aliceEnrolled());

        Outcome.Applied applied = l.ok(DOCTOR, claim(ALICE, "G", 2_650, 1));

        assertThat(LedgerFixture.events(applied, LedgerEvent.ClaimPaid.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.member()).isEqualTo(ALICE);
                    assertThat(e.amountCents()).isEqualTo(2_650);
                    assertThat(e.claimId()).isEqualTo(1);
                });
        assertThat(l.state.claimsPaid(HEALTH)).isEqualTo(new Entity.ClaimsPaid(HEALTH, 2_650, 1));
        assertThat(l.balance(ALICE, HEALTH)).isZero();
        l.assertConserved();
    }

    @Test
    void fileClaim_belowTheTariff_isPaidWhatIsClaimed() {
        LedgerFixture l = doctorWithTariff(aliceEnrolled());

        l.ok(DOCTOR, claim(ALICE, "G", 2_000, 1));

        assertThat(l.state.claimsPaid(HEALTH).paidCents()).isEqualTo(2_000);
    }

    @Test
    void fileClaim_aboveTheTariff_isRefusedAndNothingIsPaid() {
        LedgerFixture l = doctorWithTariff(aliceEnrolled());

        l.rejected(DOCTOR, claim(ALICE, "G", 2_651, 1), RejectionCode.ABOVE_TARIFF);

        assertThat(l.state.claimsPaid(HEALTH).count()).isZero();
    }

    @Test
    void fileClaim_forANonMember_isRefusedNotMember() {
        LedgerFixture l = doctorWithTariff(aliceEnrolled());

        l.rejected(DOCTOR, claim(STRANGER, "G", 100, 1), RejectionCode.NOT_MEMBER);
    }

    @Test
    void fileClaim_byAProviderWithoutAHealthConvention_isRefusedNotConventioned() {
        LedgerFixture l = doctorWithTariff(aliceEnrolled());
        l.convention(GROCER, "FR-OCC-34", LedgerFixture.FOOD);

        l.rejected(GROCER, claim(ALICE, "G", 100, 1), RejectionCode.NOT_CONVENTIONED);
    }

    @Test
    void fileClaim_byAnAccountThatIsNoProvider_isRefusedForbiddenRole() {
        LedgerFixture l = doctorWithTariff(aliceEnrolled());

        l.rejected(STRANGER, claim(ALICE, "G", 100, 1), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void fileClaim_sameReferenceTwice_isPaidOnce() {
        LedgerFixture l = doctorWithTariff(aliceEnrolled());
        l.ok(DOCTOR, claim(ALICE, "G", 100, 7));

        l.rejected(DOCTOR, claim(ALICE, "G", 100, 7), RejectionCode.DUPLICATE_CLAIM);
        l.ok(DOCTOR, claim(ALICE, "G", 100, 8));

        assertThat(l.state.claimsPaid(HEALTH)).isEqualTo(new Entity.ClaimsPaid(HEALTH, 200, 2));
    }

    @Test
    void setTariff_byNonAuthority_isForbidden_andInvalidValuesAreRefused() {
        LedgerFixture l = LedgerFixture.fresh();

        l.rejected(STRANGER, new Call.SetTariff(HEALTH, "G", 2_650), RejectionCode.FORBIDDEN_ROLE);
        l.rejected(AUTHORITY, new Call.SetTariff(HEALTH, "g lower", 2_650), RejectionCode.INVALID_ARGUMENT);
        l.rejected(AUTHORITY, new Call.SetTariff(HEALTH, "G", 0), RejectionCode.INVALID_AMOUNT);
        l.rejected(AUTHORITY, new Call.SetTariff(LedgerFixture.UNKNOWN_PURPOSE_ID, "G", 1),
                RejectionCode.UNKNOWN_PURPOSE);
    }

    @Test
    void setTariff_again_changesTheTariffForLaterClaims() {
        LedgerFixture l = doctorWithTariff(aliceEnrolled());

        l.ok(AUTHORITY, new Call.SetTariff(HEALTH, "G", 3_000));

        l.ok(DOCTOR, claim(ALICE, "G", 3_000, 1));
    }
}
