package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.CAROL;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.FOOD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.state.Entity;

/**
 * The allowance is modulated by household size (the policy) and by territory (cost of living): the
 * nearest modulated territory decides, from a future epoch on, and issuance totals follow exactly what
 * members hold.
 */
class ModulationRulesTest {
    /** Alice in Sète, Carol in Paris, both alone: 150 € a month before modulation. */
    private final LedgerFixture ledger = LedgerFixture.fresh()
            .enrol(ALICE, "FR-OCC-34-172", 1).enrol(CAROL, "FR-IDF-75", 1);

    private Call.SetModulation modulate(String territory, int bps, int fromEpoch) {
        return new Call.SetModulation(territory, FOOD, bps, fromEpoch);
    }

    @Test
    void parisPlus15Percent_raisesParisiansOnly_andIssuanceCountsExactlyThat() {
        ledger.ok(AUTHORITY, modulate("FR-IDF", 11_500, 0));

        ledger.open(0);

        assertThat(ledger.balance(CAROL, FOOD)).isEqualTo(17_250);
        assertThat(ledger.balance(ALICE, FOOD)).isEqualTo(15_000);
        assertThat(ledger.state.epochCounters(0, FOOD).issuedCents()).isEqualTo(32_250);
        ledger.assertConserved();
    }

    @Test
    void nearestModulatedTerritory_decides() {
        ledger.ok(AUTHORITY, modulate("FR-IDF", 11_500, 0));
        ledger.ok(AUTHORITY, modulate("FR-IDF-75", 9_000, 0));

        ledger.open(0);

        assertThat(ledger.balance(CAROL, FOOD)).isEqualTo(13_500);
    }

    @Test
    void modulationFromALaterEpoch_leavesEarlierCreditUnchanged_evenWhenMaterialisedLater() {
        ledger.open(0);
        ledger.ok(AUTHORITY, modulate("FR-IDF", 12_000, 2));
        ledger.openEpochs(1, 2);

        assertThat(ledger.buckets(CAROL, FOOD)).extracting(Entity.Bucket::amountCents)
                .containsExactly(15_000L, 15_000L, 18_000L);
        assertThat(ledger.state.epochCounters(2, FOOD).issuedCents()).isEqualTo(33_000);
        ledger.assertConserved();
    }

    @Test
    void setModulation_forAnEpochAlreadyOpen_rejectsPolicyInPast() {
        ledger.open(0);

        ledger.rejected(AUTHORITY, modulate("FR-IDF", 11_000, 0), RejectionCode.POLICY_IN_PAST);
    }

    @Test
    void setModulation_pushingABudgetedTerritoryOverItsBudget_rejectsBudgetExceeded() {
        ledger.ok(AUTHORITY, new Call.SetTerritoryBudget("FR-IDF", FOOD, 16_000));

        ledger.rejected(AUTHORITY, modulate("FR-IDF-75", 11_000, 0), RejectionCode.BUDGET_EXCEEDED);
        ledger.ok(AUTHORITY, modulate("FR-IDF-75", 10_500, 0));
    }

    @Test
    void setModulation_badInput_isRejected() {
        ledger.rejected(AUTHORITY, modulate("FR-IDF", Limits.MAX_MODULATION_BPS + 1, 0), RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(AUTHORITY, modulate("FR-BRE", 11_000, 0), RejectionCode.UNKNOWN_TERRITORY);
        ledger.rejected(AUTHORITY, new Call.SetModulation("FR", 99, 11_000, 0), RejectionCode.UNKNOWN_PURPOSE);
        ledger.rejected(COMMITTEE_34, modulate("FR-OCC-34", 11_000, 0), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void planningEntitlements_followTheModulation() {
        ledger.ok(AUTHORITY, modulate("FR-IDF", 11_500, 0));
        ledger.open(0);

        assertThat(Planning.report(ledger.state, "FR", FOOD, 0).total().entitledCents()).isEqualTo(32_250);
    }

    @Test
    void aModulationChangedEveryMonthForYears_keepsOnlyTheStepsCreditCanStillNeed_andConservation() {
        for (int e = 0; e < Limits.MAX_MODULATION_STEPS + 20; e++) {
            ledger.ok(AUTHORITY, modulate("FR-IDF", 10_000 + (e % 7) * 100, e + 1));
            ledger.open(e + 1);
        }

        assertThat(ledger.state.territoryModulation(FOOD, "FR-IDF").steps().size())
                .isLessThanOrEqualTo(Limits.MAX_EXPIRY_EPOCHS + 1);
        assertThat(ledger.balance(CAROL, FOOD)).as("the last three months, as modulated then")
                .isEqualTo(ledger.buckets(CAROL, FOOD).stream().mapToLong(Entity.Bucket::amountCents).sum());
        ledger.assertConserved();
    }

    @Test
    void budget_holdsAtEveryLaterChangeAlreadyDecided_notOnlyAtTheNextEpoch() {
        ledger.ok(AUTHORITY, new Call.SetTerritoryBudget("FR-IDF", FOOD, 17_000));
        ledger.ok(AUTHORITY, modulate("FR-IDF", 11_000, 5));

        ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(16_000L), 3, 2),
                RejectionCode.BUDGET_EXCEEDED);
        ledger.rejected(AUTHORITY, new Call.SetTerritoryBudget("FR-IDF", FOOD, 16_000), RejectionCode.BUDGET_EXCEEDED);
        ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(15_400L), 3, 2));
    }
}
