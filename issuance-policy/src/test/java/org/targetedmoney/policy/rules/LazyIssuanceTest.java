package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BOB;
import static org.targetedmoney.policy.LedgerFixture.CULTURE;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.state.Entity.Bucket;
import org.targetedmoney.policy.state.Entity.EpochCounters;

/**
 * Lazy issuance: opening an epoch writes no member; a member's credit is computed from the epochs opened
 * since it was last touched, in per-epoch buckets that expire after k epochs (3 for FOOD here).
 */
class LazyIssuanceTest {
    private final LedgerFixture ledger = LedgerFixture.fresh();

    @BeforeEach
    void aliceInSeteAndAGrocerOfHerault() {
        ledger.enrol(ALICE, "FR-OCC-34-172", 1).convention(GROCER, "FR-OCC-34", FOOD);
    }

    @Test
    void openEpoch_writesNoMember() {
        Outcome.Applied a = ledger.open(0);

        assertThat(a.writes()).noneMatch(e -> e instanceof org.targetedmoney.policy.state.Entity.Member);
        assertThat(ledger.state.member(ALICE).buckets()).isEmpty();
    }

    @Test
    void untouchedMember_seesTheSumOfLiveBuckets_oldestFirst() {
        ledger.openEpochs(0, 2);

        assertThat(ledger.balance(ALICE, FOOD)).isEqualTo(3 * 15_000);
        assertThat(ledger.buckets(ALICE, FOOD)).containsExactly(
                new Bucket(0, FOOD, 15_000, 3), new Bucket(1, FOOD, 15_000, 4), new Bucket(2, FOOD, 15_000, 5));
        assertThat(ledger.balance(ALICE, CULTURE)).isZero();
    }

    @Test
    void untouchedMember_afterManyEpochs_holdsOnlyTheLastK() {
        ledger.openEpochs(0, 9);

        assertThat(ledger.buckets(ALICE, FOOD)).extracting(Bucket::epoch).containsExactly(7, 8, 9);
        assertThat(ledger.balance(ALICE, FOOD)).isEqualTo(3 * 15_000);
        ledger.assertConserved();
    }

    @Test
    void pay_spendsTheOldestBucketFirst_andMaterialisesTheRest() {
        ledger.openEpochs(0, 2);

        ledger.pay(ALICE, GROCER, FOOD, 20_000);

        assertThat(ledger.state.member(ALICE).buckets()).containsExactly(
                new Bucket(1, FOOD, 10_000, 4), new Bucket(2, FOOD, 15_000, 5));
        assertThat(ledger.state.member(ALICE).materialisedThroughEpoch()).isEqualTo(2);
        assertThat(ledger.state.epochCounters(0, FOOD).spentCents()).isEqualTo(15_000);
        assertThat(ledger.state.epochCounters(1, FOOD).spentCents()).isEqualTo(5_000);
        assertThat(ledger.state.epochCounters(2, FOOD).spentCents()).isZero();
        ledger.assertConserved();
    }

    @Test
    void storedBucketsAndNewEpochs_addUp() {
        ledger.openEpochs(0, 1);
        ledger.pay(ALICE, GROCER, FOOD, 1_000);

        ledger.open(2);

        assertThat(ledger.buckets(ALICE, FOOD)).containsExactly(
                new Bucket(0, FOOD, 14_000, 3), new Bucket(1, FOOD, 15_000, 4), new Bucket(2, FOOD, 15_000, 5));
    }

    @Test
    void expiry_movesExactlyTheUnspentAmountOfThatEpochToExpired() {
        ledger.enrol(BOB, "FR-OCC-34", 2);
        ledger.openEpochs(0, 2);
        ledger.pay(ALICE, GROCER, FOOD, 4_000);
        ledger.pay(BOB, GROCER, FOOD, 30_000); // 25 000 of epoch 0, 5 000 of epoch 1

        Outcome.Applied a = ledger.open(3);

        long unspentOfEpoch0 = (15_000 - 4_000) + 0;
        assertThat(LedgerFixture.events(a, LedgerEvent.Expired.class))
                .containsExactly(new LedgerEvent.Expired(0, FOOD, unspentOfEpoch0));
        assertThat(ledger.state.epochCounters(0, FOOD))
                .isEqualTo(new EpochCounters(0, FOOD, 40_000, 29_000, unspentOfEpoch0, 3, true));
        assertThat(ledger.totals(FOOD).expiredCents()).isEqualTo(unspentOfEpoch0);
        assertThat(ledger.state.epochCounters(1, FOOD).expired()).isFalse();
        assertThat(ledger.buckets(ALICE, FOOD)).extracting(Bucket::epoch).containsExactly(1, 2, 3);
        ledger.assertConserved();
    }

    @Test
    void expiry_isAnnouncedBeforeTheNewIssuance() {
        ledger.openEpochs(0, 2);

        Outcome.Applied a = ledger.open(3);

        assertThat(a.events()).containsExactly(
                new LedgerEvent.Expired(0, FOOD, 15_000),
                new LedgerEvent.Issued(3, FOOD, 15_000, 1),
                new LedgerEvent.EpochOpened(3, 1));
    }

    @Test
    void expiry_ofSeveralEpochsAtOnce_whenEpochsAreSkipped() {
        ledger.openEpochs(0, 2);

        Outcome.Applied a = ledger.open(10);

        assertThat(LedgerFixture.events(a, LedgerEvent.Expired.class)).containsExactly(
                new LedgerEvent.Expired(0, FOOD, 15_000), new LedgerEvent.Expired(1, FOOD, 15_000),
                new LedgerEvent.Expired(2, FOOD, 15_000));
        assertThat(ledger.balance(ALICE, FOOD)).isEqualTo(15_000);
        ledger.assertConserved();
    }

    @Test
    void memberEnrolledAfterAnEpochOpened_getsNothingForIt() {
        ledger.open(0);
        ledger.enrol(BOB, "FR-OCC-34", 1);

        assertThat(ledger.balance(BOB, FOOD)).isZero();
        assertThat(ledger.totals(FOOD).issuedCents()).isEqualTo(15_000);

        ledger.open(1);
        assertThat(ledger.buckets(BOB, FOOD)).containsExactly(new Bucket(1, FOOD, 15_000, 4));
        ledger.assertConserved();
    }

    @Test
    void zeroAllowance_createsNoBucket() {
        ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(CULTURE, List.of(0L, 5_000L), 2, 0));
        ledger.enrol(BOB, "FR", 2);

        ledger.open(0);

        assertThat(ledger.buckets(ALICE, CULTURE)).isEmpty();
        assertThat(ledger.buckets(BOB, CULTURE)).containsExactly(new Bucket(0, CULTURE, 5_000, 2));
        ledger.assertConserved();
    }

    @Test
    void policyChange_appliesToEpochsFromItsStart_andEachBucketKeepsItsOwnExpiry() {
        ledger.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(10_000L), 1, 1));

        ledger.openEpochs(0, 1);

        assertThat(ledger.buckets(ALICE, FOOD)).containsExactly(
                new Bucket(0, FOOD, 15_000, 3), new Bucket(1, FOOD, 10_000, 2));
        ledger.open(2);
        assertThat(ledger.buckets(ALICE, FOOD)).containsExactly(
                new Bucket(0, FOOD, 15_000, 3), new Bucket(2, FOOD, 10_000, 3));
        ledger.assertConserved();
    }
}
