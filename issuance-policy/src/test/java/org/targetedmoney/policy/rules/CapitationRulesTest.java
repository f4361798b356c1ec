package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOB;
import static org.targetedmoney.policy.LedgerFixture.DOCTOR;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;

import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;

/**
 * Capitation (health at 100 %): members choose a doctor, who is paid a fixed amount per registered patient
 * per epoch, once, instead of act by act.
 */
class CapitationRulesTest {
    /** 5 € per patient per month. */
    static final long RATE = 500;

    private final LedgerFixture ledger = withCapitation(LedgerFixture.fresh());

    /** Alice and Bob (Hérault), a doctor and a second doctor (the grocer's address, for brevity) conventioned for HEALTH. */
    static LedgerFixture withCapitation(LedgerFixture l) {
        l.enrol(ALICE, "FR-OCC-34-172", 1).enrol(BOB, "FR-OCC-34", 2);
        l.convention(DOCTOR, "FR-OCC-34", HEALTH).convention(GROCER, "FR-OCC", HEALTH);
        l.ok(AUTHORITY, new Call.SetCapitation(HEALTH, RATE));
        l.open(0);
        return l;
    }

    @Test
    void claimCapitation_paysPatientsTimesTheRateOnce_andCountsItAsClaimsPaid() {
        ledger.ok(ALICE, new Call.ChoosePractitioner(DOCTOR, HEALTH));
        ledger.ok(BOB, new Call.ChoosePractitioner(DOCTOR, HEALTH));

        Outcome.Applied paid = ledger.ok(DOCTOR, new Call.ClaimCapitation(HEALTH, 0));

        assertThat(LedgerFixture.events(paid, LedgerEvent.CapitationPaid.class))
                .containsExactly(new LedgerEvent.CapitationPaid(DOCTOR, HEALTH, 0, 2, 1_000, 1));
        assertThat(ledger.state.claimsPaid(HEALTH).paidCents()).isEqualTo(1_000);
        ledger.rejected(DOCTOR, new Call.ClaimCapitation(HEALTH, 0), RejectionCode.DUPLICATE_CLAIM);
    }

    @Test
    void choosingAnotherDoctor_movesThePatient() {
        ledger.ok(ALICE, new Call.ChoosePractitioner(DOCTOR, HEALTH));
        Outcome.Applied moved = ledger.ok(ALICE, new Call.ChoosePractitioner(GROCER, HEALTH));

        assertThat(ledger.state.patientCount(DOCTOR, HEALTH, 0).current()).as("this epoch stays paid to the first")
                .isEqualTo(1);
        assertThat(ledger.state.patientCount(DOCTOR, HEALTH, 1).current()).isZero();
        assertThat(ledger.state.patientCount(GROCER, HEALTH, 0).current()).isZero();
        assertThat(ledger.state.patientCount(GROCER, HEALTH, 1).current()).isEqualTo(1);
        assertThat(LedgerFixture.events(moved, LedgerEvent.PractitionerChosen.class).get(0).previousProvider())
                .isEqualTo(DOCTOR);
        ledger.rejected(ALICE, new Call.ChoosePractitioner(GROCER, HEALTH), RejectionCode.ALREADY_EXISTS);
    }

    @Test
    void choosePractitioner_notConventionedOrNotAMember_isRejected() {
        ledger.rejected(ALICE, new Call.ChoosePractitioner(STRANGER, HEALTH), RejectionCode.NOT_CONVENTIONED);
        ledger.rejected(STRANGER, new Call.ChoosePractitioner(DOCTOR, HEALTH), RejectionCode.NOT_MEMBER);
        ledger.rejected(ALICE, new Call.ChoosePractitioner(DOCTOR, 99), RejectionCode.UNKNOWN_PURPOSE);
    }

    @Test
    void claimCapitation_withoutRateOrPatientsOrForAnotherEpoch_isRejected() {
        ledger.rejected(DOCTOR, new Call.ClaimCapitation(HEALTH, 0), RejectionCode.INVALID_AMOUNT);
        ledger.ok(ALICE, new Call.ChoosePractitioner(DOCTOR, HEALTH));
        ledger.rejected(DOCTOR, new Call.ClaimCapitation(HEALTH, 1), RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(ALICE, new Call.ClaimCapitation(HEALTH, 0), RejectionCode.NOT_CONVENTIONED);
        ledger.ok(AUTHORITY, new Call.SetCapitation(HEALTH, 0));
        ledger.rejected(DOCTOR, new Call.ClaimCapitation(HEALTH, 0), RejectionCode.NO_CAPITATION);
    }

    @Test
    void capitation_nextEpoch_isPaidAgainOnTheCurrentPatients() {
        ledger.ok(ALICE, new Call.ChoosePractitioner(DOCTOR, HEALTH));
        ledger.ok(DOCTOR, new Call.ClaimCapitation(HEALTH, 0));
        ledger.ok(BOB, new Call.ChoosePractitioner(DOCTOR, HEALTH));
        ledger.open(1);

        ledger.ok(DOCTOR, new Call.ClaimCapitation(HEALTH, 1));

        assertThat(ledger.state.claimsPaid(HEALTH).paidCents()).isEqualTo(RATE + 2 * RATE);
    }

    @Test
    void aPatientMovingBetweenDoctors_isPaidOncePerEpoch() {
        ledger.ok(ALICE, new Call.ChoosePractitioner(DOCTOR, HEALTH));
        ledger.ok(DOCTOR, new Call.ClaimCapitation(HEALTH, 0));
        ledger.ok(ALICE, new Call.ChoosePractitioner(GROCER, HEALTH));

        ledger.rejected(GROCER, new Call.ClaimCapitation(HEALTH, 0), RejectionCode.INVALID_AMOUNT);
        ledger.open(1);
        ledger.ok(GROCER, new Call.ClaimCapitation(HEALTH, 1));
        ledger.rejected(DOCTOR, new Call.ClaimCapitation(HEALTH, 1), RejectionCode.INVALID_AMOUNT);

        assertThat(ledger.state.claimsPaid(HEALTH).paidCents()).isEqualTo(2 * RATE);
    }

    @Test
    void claimCapitation_afterTheConventionEnded_rejectsConventionNotInForce() {
        ledger.ok(AUTHORITY, new Call.ConventionProvider(STRANGER, java.util.List.of(HEALTH), "FR-OCC", 0, 0));
        ledger.ok(ALICE, new Call.ChoosePractitioner(STRANGER, HEALTH));
        ledger.open(1);

        ledger.rejected(STRANGER, new Call.ClaimCapitation(HEALTH, 1), RejectionCode.CONVENTION_NOT_IN_FORCE);
    }

    @Test
    void setCapitation_badInput_isRejected() {
        ledger.rejected(AUTHORITY, new Call.SetCapitation(HEALTH, -1), RejectionCode.INVALID_AMOUNT);
        ledger.rejected(AUTHORITY, new Call.SetCapitation(99, 1), RejectionCode.UNKNOWN_PURPOSE);
        ledger.rejected(DOCTOR, new Call.SetCapitation(HEALTH, 1), RejectionCode.FORBIDDEN_ROLE);
    }
}
