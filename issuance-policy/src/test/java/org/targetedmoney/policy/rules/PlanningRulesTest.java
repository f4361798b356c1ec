package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOB;
import static org.targetedmoney.policy.LedgerFixture.CAROL;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.DOCTOR;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;

/**
 * Budgets per territory that allowance policies cannot exceed, needs assessed by committees, and the
 * planning report comparing needs, budgets, entitlements and spending.
 */
class PlanningRulesTest {
    /** Alice (Sète, 1 person: 150 €) and Bob (Hérault, 2 people: 250 €): FR-OCC-34 is entitled to 400 € a month. */
    private final LedgerFixture ledger = LedgerFixture.fresh()
            .enrol(ALICE, "FR-OCC-34-172", 1).enrol(BOB, "FR-OCC-34", 2);

    private Call.SetTerritoryBudget budget(String territory, long cents) {
        return new Call.SetTerritoryBudget(territory, FOOD, cents);
    }

    @Test
    void setTerritoryBudget_coveringWhatThePolicyEntitles_isRecorded() {
        Outcome.Applied a = ledger.ok(AUTHORITY, budget("FR-OCC-34", 40_000));

        assertThat(ledger.state.territoryBudget(FOOD, "FR-OCC-34").amountCentsPerEpoch()).isEqualTo(40_000);
        assertThat(ledger.state.purposeBudgets(FOOD).territories()).containsExactly("FR-OCC-34");
        assertThat(a.events()).containsExactly(new LedgerEvent.TerritoryBudgetSet("FR-OCC-34", FOOD, 40_000));
    }

    @Test
    void setTerritoryBudget_belowWhatThePolicyAlreadyEntitles_rejectsBudgetExceeded() {
        Rejection r = ledger.rejected(AUTHORITY, budget("FR-OCC-34", 39_999), RejectionCode.BUDGET_EXCEEDED);

        assertThat(r.detail()).contains("FR-OCC-34").contains("40000").contains("39999");
    }

    @Test
    void subTerritoryBudgets_addingUpAboveTheirParent_rejectBudgetExceeded() {
        ledger.ok(AUTHORITY, budget("FR-OCC", 50_000));
        ledger.ok(AUTHORITY, budget("FR-OCC-34", 45_000));

        ledger.rejected(AUTHORITY, budget("FR-OCC-34-172", 46_000), RejectionCode.BUDGET_EXCEEDED);
        ledger.rejected(AUTHORITY, budget("FR-OCC", 44_000), RejectionCode.BUDGET_EXCEEDED);
        ledger.ok(AUTHORITY, budget("FR-OCC-34-172", 20_000));
    }

    @Test
    void setTerritoryBudget_badInput_isRejected() {
        ledger.rejected(AUTHORITY, budget("FR-BRE", 1), RejectionCode.UNKNOWN_TERRITORY);
        ledger.rejected(AUTHORITY, new Call.SetTerritoryBudget("FR", 99, 1), RejectionCode.UNKNOWN_PURPOSE);
        ledger.rejected(AUTHORITY, budget("FR", Limits.MAX_BUDGET_CENTS + 1), RejectionCode.INVALID_AMOUNT);
        ledger.rejected(COMMITTEE_34, budget("FR-OCC-34", 50_000), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void allowancePolicy_entitlingABudgetedTerritoryToMore_rejectsBudgetExceeded() {
        ledger.ok(AUTHORITY, budget("FR-OCC-34", 45_000));

        ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(20_000L, 30_000L), 3, 1),
                RejectionCode.BUDGET_EXCEEDED);
        ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(17_000L, 28_000L), 3, 1));
    }

    @Test
    void openEpoch_afterEnrolmentsOutgrewTheBudget_issuesAnywayAndAnnouncesTheOverrun() {
        ledger.ok(AUTHORITY, budget("FR-OCC-34", 40_000));
        ledger.enrol(CAROL, "FR-OCC-34-172", 1);

        Outcome.Applied opened = ledger.open(0);

        assertThat(LedgerFixture.events(opened, LedgerEvent.BudgetOverrun.class))
                .containsExactly(new LedgerEvent.BudgetOverrun("FR-OCC-34", FOOD, 0, 55_000, 40_000));
        assertThat(ledger.balance(CAROL, FOOD)).as("rights are automatic").isEqualTo(15_000);
    }

    @Test
    void recordNeeds_byTheCommitteeOfTheTerritory_isRecorded_elsewhereOutOfScope() {
        ledger.ok(COMMITTEE_34, new Call.RecordNeeds("FR-OCC-34-172", FOOD, 3, 90_000, "diagnostic 2026 #12"));

        assertThat(ledger.state.needs(FOOD, 3, "FR-OCC-34-172").amountCents()).isEqualTo(90_000);
        assertThat(ledger.state.needs(FOOD, 3, "FR-OCC-34-172").recordedBy()).isEqualTo(COMMITTEE_34);
        ledger.rejected(COMMITTEE_34, new Call.RecordNeeds("FR-IDF", FOOD, 3, 1, ""), RejectionCode.OUT_OF_SCOPE);
        ledger.rejected(STRANGER, new Call.RecordNeeds("FR-OCC-34", FOOD, 3, 1, ""), RejectionCode.FORBIDDEN_ROLE);
        ledger.rejected(COMMITTEE_34, new Call.RecordNeeds("FR-OCC-34", FOOD, 3, 1, "x".repeat(201)),
                RejectionCode.INVALID_ARGUMENT);
    }

    @Test
    void planningReport_comparesNeedsBudgetEntitlementAndSpending_forTheTerritoryAndEachSubTerritory() {
        ledger.convention(GROCER, "FR-OCC-34", FOOD);
        ledger.ok(AUTHORITY, budget("FR-OCC-34", 45_000));
        ledger.ok(COMMITTEE_34, new Call.RecordNeeds("FR-OCC-34", FOOD, 0, 60_000, "assessment"));
        ledger.open(0);
        ledger.pay(ALICE, GROCER, FOOD, 4_000);
        ledger.pay(BOB, GROCER, FOOD, 1_000);

        Planning.Report report = Planning.report(ledger.state, "FR-OCC-34", FOOD, 0);

        assertThat(report.total()).isEqualTo(new Planning.Row("FR-OCC-34", 2, 40_000, 45_000, 60_000, 5_000, 0,
                List.of()));
        assertThat(report.children()).containsExactly(new Planning.Row("FR-OCC-34-172", 1, 15_000, -1, -1, 4_000, 0,
                List.of()));
        assertThat(report.policyVersion()).isEqualTo(1);
    }

    @Test
    void planningReport_showsTheSpendingWithProvidersMeetingEachCriterion() {
        ledger.convention(GROCER, "FR-OCC-34", FOOD).convention(LedgerFixture.BOOKSHOP, "FR-OCC-34", FOOD);
        ledger.ok(AUTHORITY, new Call.AddCriterion("ORGANIC_SUPPLY", "Organic supply"));
        ledger.ok(AUTHORITY, new Call.AddCriterion("LOCAL_SUPPLY", "Local supply"));
        ledger.ok(COMMITTEE_34, new Call.DescribeProvider(GROCER, "Biocoop", "grocer", 0b11));
        ledger.ok(COMMITTEE_34, new Call.DescribeProvider(LedgerFixture.BOOKSHOP, "Super U", "supermarket", 0b10));
        ledger.open(0);
        ledger.pay(ALICE, GROCER, FOOD, 4_000);
        ledger.pay(BOB, LedgerFixture.BOOKSHOP, FOOD, 1_000);

        Planning.Row total = Planning.report(ledger.state, "FR-OCC-34", FOOD, 0).total();

        assertThat(total.spentCents()).isEqualTo(5_000);
        assertThat(total.byCriterionCents()).as("organic, then local").containsExactly(4_000L, 5_000L);
    }

    @Test
    void planningReport_countsClaimsPaidForTheTerritorysMembers() {
        ClaimRulesTest.doctorWithTariff(ledger);
        ledger.ok(DOCTOR, ClaimRulesTest.claim(ALICE, "G", 2_650, 1));

        Planning.Report report = Planning.report(ledger.state, "FR-OCC", HEALTH, ledger.timeEpoch());

        assertThat(report.total().claimsCents()).isEqualTo(2_650);
        assertThat(report.total().entitledCents()).as("health has no allowance: it is an entitlement").isZero();
        assertThat(report.children()).extracting(Planning.Row::territory).containsExactly("FR-OCC-34");
    }
}
