package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOB;
import static org.targetedmoney.policy.LedgerFixture.CAROL;
import static org.targetedmoney.policy.LedgerFixture.CULTURE;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.UNKNOWN_PURPOSE_ID;
import static org.targetedmoney.policy.rules.RejectionCode.EPOCH_ALREADY_OPEN;
import static org.targetedmoney.policy.rules.RejectionCode.EPOCH_NOT_REACHED;
import static org.targetedmoney.policy.rules.RejectionCode.INVALID_AMOUNT;
import static org.targetedmoney.policy.rules.RejectionCode.INVALID_ARGUMENT;
import static org.targetedmoney.policy.rules.RejectionCode.POLICY_IN_PAST;
import static org.targetedmoney.policy.rules.RejectionCode.UNKNOWN_PURPOSE;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.AllowancePolicy;
import org.targetedmoney.policy.state.Entity.EpochCounters;

/** Allowance policies (versioned, effective from an epoch) and the opening of epochs, which issues credit. */
class IssuanceRulesTest {
    private final LedgerFixture ledger = LedgerFixture.fresh();

    @Nested
    class AllowancePolicies {
        @Test
        void setAllowancePolicy_storesTheNextVersionAndAnnouncesIt() {
            Outcome.Applied a = ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(CULTURE, List.of(2_000L), 2, 4));

            assertThat(ledger.state.policy(CULTURE, 1)).isEqualTo(new AllowancePolicy(CULTURE, 1, 4, List.of(2_000L), 2));
            assertThat(ledger.state.purpose(CULTURE).policyVersions()).isEqualTo(1);
            assertThat(a.events()).containsExactly(new LedgerEvent.PolicyChanged(CULTURE, 1, 4, List.of(2_000L), 2));
        }

        @Test
        void setAllowancePolicy_onFoodWhichHasAGenesisPolicy_isVersion2() {
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(20_000L), 3, 6));

            assertThat(ledger.state.purpose(FOOD).policyVersions()).isEqualTo(2);
            assertThat(ledger.state.policy(FOOD, 1).amountCentsByHouseholdSize())
                    .as("the genesis version is kept").isEqualTo(LedgerFixture.FOOD_CENTS_BY_HOUSEHOLD);
        }

        @Test
        void policyInForce_isTheLatestVersionAlreadyEffectiveAtTheEpoch() {
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(20_000L), 3, 6));
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(21_000L), 3, 9));
            Entity.Purpose food = ledger.state.purpose(FOOD);

            assertThat(Policies.inForce(ledger.state, food, 0).version()).isEqualTo(1);
            assertThat(Policies.inForce(ledger.state, food, 5).version()).isEqualTo(1);
            assertThat(Policies.inForce(ledger.state, food, 6).version()).isEqualTo(2);
            assertThat(Policies.inForce(ledger.state, food, 8).version()).isEqualTo(2);
            assertThat(Policies.inForce(ledger.state, food, 9).version()).isEqualTo(3);
            assertThat(Policies.inForce(ledger.state,
                    ledger.state.purpose(CULTURE), 9)).as("no policy, no allowance").isNull();
        }

        @Test
        void setAllowancePolicy_startingBeforeAVersionAlreadyDecided_rejectsPolicyOverlap() {
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(20_000L), 3, 9));

            Rejection r = ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(21_000L), 3, 5),
                    RejectionCode.POLICY_OVERLAP);
            assertThat(r.detail()).contains("from epoch 9");
        }

        @Test
        void setAllowancePolicy_fromTheSameEpochAsTheLatest_replacesItExplicitly() {
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(20_000L), 3, 9));
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(21_000L), 3, 9));

            assertThat(Policies.inForce(ledger.state, ledger.state.purpose(FOOD), 10).amountFor(1)).isEqualTo(21_000);
        }

        @Test
        void setAllowancePolicy_forAnOpenedEpoch_rejectsPolicyInPast() {
            ledger.openEpochs(0, 3);

            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(1L), 1, 3), POLICY_IN_PAST);
            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(1L), 1, 0), POLICY_IN_PAST);
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(1L), 1, 4));
        }

        @Test
        void setAllowancePolicy_unknownPurpose_rejectsUnknownPurpose() {
            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(UNKNOWN_PURPOSE_ID, List.of(1L), 1, 1), UNKNOWN_PURPOSE);
            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(0, List.of(1L), 1, 1), UNKNOWN_PURPOSE);
        }

        @Test
        void setAllowancePolicy_amountsOutside0to10MillionEuros_rejectsInvalidAmount() {
            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(1L, -1L), 1, 1), INVALID_AMOUNT);
            ledger.rejected(AUTHORITY,
                    new Call.SetAllowancePolicy(FOOD, List.of(Limits.MAX_ALLOWANCE_CENTS + 1), 1, 1), INVALID_AMOUNT);
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(0L, Limits.MAX_ALLOWANCE_CENTS), 1, 1));
        }

        @Test
        void setAllowancePolicy_noAmountOrMoreThan16HouseholdClasses_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(), 1, 1), INVALID_ARGUMENT);
            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, Collections.nCopies(17, 1L), 1, 1),
                    INVALID_ARGUMENT);
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, Collections.nCopies(16, 1L), 1, 1));
        }

        @Test
        void setAllowancePolicy_expiryOutside1to120_rejectsInvalidArgument() {
            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(1L), 0, 1), INVALID_ARGUMENT);
            ledger.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(1L), 121, 1), INVALID_ARGUMENT);
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(1L), 120, 1));
        }

        @Test
        void amountFor_largerHouseholdsGetTheLastEntry() {
            AllowancePolicy food = ledger.state.policy(FOOD, 1);

            assertThat(food.amountFor(1)).isEqualTo(15_000);
            assertThat(food.amountFor(4)).isEqualTo(38_000);
            assertThat(food.amountFor(9)).isEqualTo(38_000);
        }
    }

    @Nested
    class OpenEpoch {
        @Test
        void openEpoch_issuesTheSumOverHouseholdsOfCountTimesAmount() {
            ledger.enrol(ALICE, "FR-OCC-34-172", 1).enrol(BOB, "FR-IDF-75", 2).enrol(CAROL, "FR-IDF-75", 7);

            Outcome.Applied a = ledger.open(0);

            long expected = 15_000 + 25_000 + 38_000;
            assertThat(ledger.state.epochCounters(0, FOOD))
                    .isEqualTo(new EpochCounters(0, FOOD, expected, 0, 0, 3, false));
            assertThat(ledger.totals(FOOD).issuedCents()).isEqualTo(expected);
            assertThat(ledger.totals(CULTURE).issuedCents()).as("no policy, nothing issued").isZero();
            assertThat(ledger.state.epoch(0)).isEqualTo(
                    new Entity.Epoch(0, 3, List.of(new Entity.EpochPolicy(FOOD, 1))));
            assertThat(ledger.lastOpenedEpoch()).isZero();
            assertThat(a.events()).containsExactly(
                    new LedgerEvent.Issued(0, FOOD, expected, 3),
                    new LedgerEvent.EpochOpened(0, 3));
        }

        @Test
        void openEpoch_usesTheVersionInForceAtThatEpoch() {
            ledger.enrol(ALICE, "FR", 1);
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(10_000L), 2, 1));
            ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(CULTURE, List.of(3_000L), 1, 1));

            ledger.open(0);
            ledger.open(1);

            assertThat(ledger.state.epochCounters(0, FOOD).issuedCents()).isEqualTo(15_000);
            assertThat(ledger.state.epochCounters(1, FOOD).issuedCents()).isEqualTo(10_000);
            assertThat(ledger.state.epochCounters(1, FOOD).expiresAtEpoch()).isEqualTo(3);
            assertThat(ledger.state.epochCounters(0, CULTURE)).isNull();
            assertThat(ledger.state.epochCounters(1, CULTURE).issuedCents()).isEqualTo(3_000);
            assertThat(ledger.state.epoch(1).policies()).containsExactly(
                    new Entity.EpochPolicy(FOOD, 2), new Entity.EpochPolicy(CULTURE, 1));
        }

        @Test
        void openEpoch_withNoMember_issuesZero() {
            Outcome.Applied a = ledger.open(0);

            assertThat(a.events()).contains(new LedgerEvent.Issued(0, FOOD, 0, 0));
        }

        @Test
        void openEpoch_notBegunByBlockTime_rejectsEpochNotReached() {
            ledger.atEpoch(4);

            ledger.rejected(AUTHORITY, new Call.OpenEpoch(5), EPOCH_NOT_REACHED);
            ledger.ok(AUTHORITY, new Call.OpenEpoch(4));
        }

        @Test
        void openEpoch_sameOrEarlier_rejectsEpochAlreadyOpen() {
            ledger.openEpochs(0, 2);

            ledger.rejected(AUTHORITY, new Call.OpenEpoch(2), EPOCH_ALREADY_OPEN);
            ledger.rejected(AUTHORITY, new Call.OpenEpoch(1), EPOCH_ALREADY_OPEN);
        }

        @Test
        void openEpoch_mayJumpOverEpochsThatAreNeverIssued() {
            ledger.enrol(ALICE, "FR", 1);
            ledger.open(0);

            ledger.open(5);

            assertThat(ledger.state.epoch(3)).isNull();
            assertThat(ledger.totals(FOOD).issuedCents()).isEqualTo(2 * 15_000);
            assertThat(ledger.balance(ALICE, FOOD)).as("epoch 0 expired at 3").isEqualTo(15_000);
            ledger.assertConserved();
        }
    }
}
