package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOB;
import static org.targetedmoney.policy.LedgerFixture.BOOKSHOP;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.CULTURE;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.PARIS_MARKET;
import static org.targetedmoney.policy.LedgerFixture.REGISTRAR;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;
import static org.targetedmoney.policy.LedgerFixture.UNKNOWN_PURPOSE_ID;
import static org.targetedmoney.policy.LedgerFixture.ref;
import static org.targetedmoney.policy.rules.RejectionCode.CONVENTION_NOT_IN_FORCE;
import static org.targetedmoney.policy.rules.RejectionCode.CONVENTION_SUSPENDED;
import static org.targetedmoney.policy.rules.RejectionCode.FORBIDDEN_ROLE;
import static org.targetedmoney.policy.rules.RejectionCode.INSUFFICIENT_BALANCE;
import static org.targetedmoney.policy.rules.RejectionCode.INVALID_AMOUNT;
import static org.targetedmoney.policy.rules.RejectionCode.INVALID_ARGUMENT;
import static org.targetedmoney.policy.rules.RejectionCode.NOT_CONVENTIONED;
import static org.targetedmoney.policy.rules.RejectionCode.NOT_MEMBER;
import static org.targetedmoney.policy.rules.RejectionCode.TERRITORY_NOT_COVERED;
import static org.targetedmoney.policy.rules.RejectionCode.UNKNOWN_PURPOSE;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.state.Entity.PurposeTotals;

/**
 * Payments go only from a member to a provider conventioned for the purpose, in a territory covering the
 * member's, under a convention in force; providers can only redeem.
 */
class PaymentRulesTest {
    private final LedgerFixture ledger = LedgerFixture.fresh();

    @BeforeEach
    void aliceInSeteHasTwoMonthsOfFood() {
        ledger.enrol(ALICE, "FR-OCC-34-172", 1).convention(GROCER, "FR-OCC-34", FOOD, HEALTH);
        ledger.openEpochs(0, 1);
    }

    @Nested
    class Pay {
        @Test
        void pay_movesUnitsFromMemberToProviderAndAnnouncesIt() {
            Outcome.Applied a = ledger.ok(ALICE, new Call.Pay(GROCER, FOOD, 12_345, ref(7)));

            assertThat(ledger.balance(ALICE, FOOD)).isEqualTo(30_000 - 12_345);
            assertThat(ledger.state.providerBalance(GROCER, FOOD)).isEqualTo(12_345);
            assertThat(ledger.totals(FOOD)).isEqualTo(new PurposeTotals(FOOD, 30_000, 12_345, 0, 0, 12_345));
            assertThat(a.events()).containsExactly(new LedgerEvent.Payment(ALICE, GROCER, FOOD, 12_345, ref(7), 0));
            ledger.assertConserved();
        }

        @Test
        void pay_wholeBalance_leavesNoBucket() {
            ledger.pay(ALICE, GROCER, FOOD, 30_000);

            assertThat(ledger.balance(ALICE, FOOD)).isZero();
            assertThat(ledger.state.member(ALICE).buckets()).isEmpty();
            ledger.assertConserved();
        }

        @Test
        void pay_moreThanTheBalance_rejectsInsufficientBalanceAndLeavesItUnchanged() {
            Rejection r = ledger.rejected(ALICE, ledger.payCall(GROCER, FOOD, 30_001), INSUFFICIENT_BALANCE);

            assertThat(r.detail()).contains("30000").contains("FOOD");
            assertThat(ledger.balance(ALICE, FOOD)).isEqualTo(30_000);
        }

        @Test
        void pay_forAPurposeWithoutAllowance_rejectsInsufficientBalance() {
            ledger.rejected(ALICE, ledger.payCall(GROCER, HEALTH, 1), INSUFFICIENT_BALANCE);
        }

        @Test
        void pay_bySomeoneNotEnrolled_rejectsNotMember() {
            for (var sender : List.of(STRANGER, REGISTRAR, AUTHORITY, GROCER)) {
                ledger.rejected(sender, ledger.payCall(GROCER, FOOD, 100), NOT_MEMBER);
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void pay_zeroOrNegativeAmount_rejectsInvalidAmount(long amount) {
            ledger.rejected(ALICE, ledger.payCall(GROCER, FOOD, amount), INVALID_AMOUNT);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, UNKNOWN_PURPOSE_ID})
        void pay_unknownPurpose_rejectsUnknownPurpose(int purpose) {
            ledger.rejected(ALICE, ledger.payCall(GROCER, purpose, 100), UNKNOWN_PURPOSE);
        }

        @Test
        void pay_toAProviderWithoutConventionForThePurpose_rejectsNotConventioned() {
            ledger.convention(BOOKSHOP, "FR", CULTURE);

            ledger.rejected(ALICE, ledger.payCall(BOOKSHOP, FOOD, 100), NOT_CONVENTIONED);
            ledger.rejected(ALICE, ledger.payCall(BOB, FOOD, 100), NOT_CONVENTIONED);
        }

        @Test
        void pay_toAnotherMember_rejectsNotConventioned() {
            ledger.enrol(BOB, "FR-OCC-34-172", 1);

            ledger.rejected(ALICE, ledger.payCall(BOB, FOOD, 100), NOT_CONVENTIONED);
        }

        @Test
        void pay_oneself_rejectsInvalidArgument() {
            ledger.convention(ALICE, "FR", FOOD);

            Rejection r = ledger.rejected(ALICE, ledger.payCall(ALICE, FOOD, 100), INVALID_ARGUMENT);
            assertThat(r.detail()).contains("itself");
        }

        @Test
        void pay_underASuspendedConvention_rejectsConventionSuspended_untilResumed() {
            ledger.ok(COMMITTEE_34, new Call.SuspendConvention(GROCER, FOOD));

            ledger.rejected(ALICE, ledger.payCall(GROCER, FOOD, 100), CONVENTION_SUSPENDED);

            ledger.ok(COMMITTEE_34, new Call.ResumeConvention(GROCER, FOOD));
            ledger.pay(ALICE, GROCER, FOOD, 100);
        }

        @Test
        void pay_outsideTheConventionsValidity_rejectsConventionNotInForce() {
            ledger.ok(AUTHORITY, new Call.ConventionProvider(BOOKSHOP, List.of(FOOD), "FR", 3, 5));

            ledger.atEpoch(2);
            ledger.rejected(ALICE, ledger.payCall(BOOKSHOP, FOOD, 100), CONVENTION_NOT_IN_FORCE);
            ledger.atEpoch(6);
            ledger.rejected(ALICE, ledger.payCall(BOOKSHOP, FOOD, 100), CONVENTION_NOT_IN_FORCE);
            ledger.atEpoch(3);
            ledger.pay(ALICE, BOOKSHOP, FOOD, 100);
            ledger.atEpoch(5);
            ledger.pay(ALICE, BOOKSHOP, FOOD, 100);
        }

        @Test
        void pay_validityFollowsBlockTimeNotTheLastOpenedEpoch() {
            ledger.ok(AUTHORITY, new Call.ConventionProvider(BOOKSHOP, List.of(FOOD), "FR", 0, 1));

            ledger.atEpoch(2); // epoch 2 has begun but is not opened yet
            assertThat(ledger.lastOpenedEpoch()).isEqualTo(1);

            ledger.rejected(ALICE, ledger.payCall(BOOKSHOP, FOOD, 100), CONVENTION_NOT_IN_FORCE);
        }

        @Test
        void pay_toProviderOutsideMemberTerritory_rejectsTerritoryNotCovered() {
            ledger.convention(PARIS_MARKET, "FR-IDF", FOOD);

            Rejection r = ledger.rejected(ALICE, ledger.payCall(PARIS_MARKET, FOOD, 100), TERRITORY_NOT_COVERED);
            assertThat(r.detail()).contains("FR-IDF").contains("FR-OCC-34-172");
        }

        @Test
        void pay_conventionOfAnAncestorTerritory_coversTheMember() {
            ledger.convention(BOOKSHOP, "FR", FOOD).convention(PARIS_MARKET, "FR-OCC-34-172", FOOD);

            ledger.pay(ALICE, BOOKSHOP, FOOD, 100);
            ledger.pay(ALICE, PARIS_MARKET, FOOD, 100);
            ledger.pay(ALICE, GROCER, FOOD, 100);
        }

        @Test
        void pay_conventionOfAPrefixThatIsNotAnAncestor_doesNotCover() {
            ledger.ok(AUTHORITY, new Call.AddTerritory("FR-OCC-3"));
            ledger.convention(BOOKSHOP, "FR-OCC-3", FOOD);

            ledger.rejected(ALICE, ledger.payCall(BOOKSHOP, FOOD, 100), TERRITORY_NOT_COVERED);
        }

        @Test
        void pay_conventionBelowTheMembersTerritory_doesNotCover() {
            ledger.enrol(BOB, "FR-OCC-34", 1);

            ledger.ok(AUTHORITY, new Call.AddTerritory("FR-OCC-34-301"));
            ledger.convention(BOOKSHOP, "FR-OCC-34-172", FOOD);

            ledger.rejected(BOB, ledger.payCall(BOOKSHOP, FOOD, 100), TERRITORY_NOT_COVERED);
        }
    }

    @Nested
    class Redeem {
        @BeforeEach
        void grocerWasPaid() {
            ledger.pay(ALICE, GROCER, FOOD, 20_000);
        }

        @Test
        void redeem_movesUnitsFromProviderToRedeemed() {
            Outcome.Applied a = ledger.ok(GROCER, new Call.Redeem(FOOD, 15_000));

            assertThat(ledger.state.providerBalance(GROCER, FOOD)).isEqualTo(5_000);
            assertThat(ledger.totals(FOOD)).isEqualTo(new PurposeTotals(FOOD, 30_000, 20_000, 15_000, 0, 5_000));
            assertThat(a.events()).containsExactly(new LedgerEvent.Redeemed(GROCER, FOOD, 15_000, 1));
            ledger.assertConserved();
        }

        @Test
        void redeem_idsIncreaseByOne() {
            Outcome.Applied first = ledger.ok(GROCER, new Call.Redeem(FOOD, 1));
            Outcome.Applied second = ledger.ok(GROCER, new Call.Redeem(FOOD, 2));

            assertThat(LedgerFixture.events(first, LedgerEvent.Redeemed.class).get(0).redemptionId()).isEqualTo(1);
            assertThat(LedgerFixture.events(second, LedgerEvent.Redeemed.class).get(0).redemptionId()).isEqualTo(2);
            assertThat(ledger.state.meta().nextRedemptionId()).isEqualTo(3);
        }

        @Test
        void redeem_moreThanTheProviderBalance_rejectsInsufficientBalance() {
            ledger.rejected(GROCER, new Call.Redeem(FOOD, 20_001), INSUFFICIENT_BALANCE);
            ledger.rejected(GROCER, new Call.Redeem(HEALTH, 1), INSUFFICIENT_BALANCE);
        }

        @Test
        void redeem_byANonProvider_rejectsForbiddenRole() {
            for (var sender : List.of(ALICE, AUTHORITY, REGISTRAR, STRANGER)) {
                ledger.rejected(sender, new Call.Redeem(FOOD, 1), FORBIDDEN_ROLE);
            }
        }

        @Test
        void redeem_aProviderWhoseRoleWasRevoked_rejectsForbiddenRole() {
            ledger.ok(AUTHORITY, new Call.RevokeRole(GROCER, org.targetedmoney.policy.model.Role.PROVIDER.bit()));

            ledger.rejected(GROCER, new Call.Redeem(FOOD, 1), FORBIDDEN_ROLE);
        }

        @Test
        void redeem_underASuspendedConvention_isStillAllowed() {
            ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD));

            ledger.ok(GROCER, new Call.Redeem(FOOD, 20_000));
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -5})
        void redeem_zeroOrNegative_rejectsInvalidAmount(long amount) {
            ledger.rejected(GROCER, new Call.Redeem(FOOD, amount), INVALID_AMOUNT);
        }

        @Test
        void redeem_unknownPurpose_rejectsUnknownPurpose() {
            ledger.rejected(GROCER, new Call.Redeem(UNKNOWN_PURPOSE_ID, 1), UNKNOWN_PURPOSE);
        }
    }
}
