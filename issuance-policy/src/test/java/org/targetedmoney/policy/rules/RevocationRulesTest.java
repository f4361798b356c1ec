package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.DOCTOR;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.PARIS_MARKET;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity.Convention;
import org.targetedmoney.policy.state.Entity.DirectoryEntry;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.StateView;

/**
 * Revoking a convention ends it for good, unlike a suspension: it is not paid, not resumed, and only a new
 * convention decision brings it back. And the directory index follows every convention where it goes.
 */
class RevocationRulesTest {
    private final LedgerFixture ledger = aliceWithAMonthOfFood();

    /** Alice (Sète) has a month of food; the grocer is conventioned in Hérault. */
    static LedgerFixture aliceWithAMonthOfFood() {
        LedgerFixture l = LedgerFixture.fresh();
        l.enrol(ALICE, "FR-OCC-34-172", 1).convention(GROCER, "FR-OCC-34", FOOD);
        l.open(0);
        return l;
    }

    @Test
    void revoke_flagsTheConventionAndAnnouncesIt_keepingTheRest() {
        ledger.ok(AUTHORITY, new Call.AddCategory(FOOD, "LOCAL", "Local produce"));
        ledger.ok(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of(1)));

        Outcome.Applied revoked = ledger.ok(COMMITTEE_34, new Call.RevokeConvention(GROCER, FOOD));

        assertThat(revoked.events()).containsExactly(new LedgerEvent.ConventionRevoked(GROCER, FOOD));
        assertThat(ledger.state.convention(GROCER, FOOD)).isEqualTo(
                new Convention(GROCER, FOOD, "FR-OCC-34", 0, 1000, false, List.of(1), true));
    }

    @Test
    void reConventioning_afterARevocation_keepsTheCategoryRestriction_likeAnyRenewal() {
        ledger.ok(AUTHORITY, new Call.AddCategory(FOOD, "LOCAL", "Local produce"));
        ledger.ok(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of(1)));
        ledger.ok(COMMITTEE_34, new Call.RevokeConvention(GROCER, FOOD));

        ledger.convention(GROCER, "FR-OCC-34", FOOD);

        assertThat(ledger.state.convention(GROCER, FOOD).categories()).containsExactly(1);
        assertThat(ledger.state.convention(GROCER, FOOD).revoked()).isFalse();
    }

    @Test
    void payingARevokedConvention_rejectsConventionRevoked_notSuspended() {
        ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD));
        ledger.ok(AUTHORITY, new Call.RevokeConvention(GROCER, FOOD));

        Rejection r = ledger.rejected(ALICE, ledger.payCall(GROCER, FOOD, 100), RejectionCode.CONVENTION_REVOKED);

        assertThat(r.detail()).contains("revoked").contains("FOOD");
    }

    @Test
    void aSuspendedConvention_isStillRefusedAsSuspended() {
        ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD));

        ledger.rejected(ALICE, ledger.payCall(GROCER, FOOD, 100), RejectionCode.CONVENTION_SUSPENDED);
    }

    @Test
    void claimOfARevokedHealthConvention_rejectsConventionRevoked() {
        ClaimRulesTest.doctorWithTariff(ledger);
        ledger.ok(COMMITTEE_34, new Call.RevokeConvention(DOCTOR, HEALTH));

        ledger.rejected(DOCTOR, ClaimRulesTest.claim(ALICE, "G", 2_650, 1), RejectionCode.CONVENTION_REVOKED);
    }

    @Test
    void aRevokedConvention_cannotBeResumedSuspendedOrRevokedAgain() {
        ledger.ok(AUTHORITY, new Call.RevokeConvention(GROCER, FOOD));

        ledger.rejected(AUTHORITY, new Call.ResumeConvention(GROCER, FOOD), RejectionCode.CONVENTION_REVOKED);
        ledger.rejected(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD), RejectionCode.CONVENTION_REVOKED);
        ledger.rejected(AUTHORITY, new Call.RevokeConvention(GROCER, FOOD), RejectionCode.CONVENTION_REVOKED);
    }

    @Test
    void aRevokedSuspendedConvention_cannotBeResumedEither() {
        ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD));
        ledger.ok(AUTHORITY, new Call.RevokeConvention(GROCER, FOOD));

        ledger.rejected(AUTHORITY, new Call.ResumeConvention(GROCER, FOOD), RejectionCode.CONVENTION_REVOKED);
    }

    @Test
    void reConventioning_afterARevocation_isANewDecision_paidAgain() {
        ledger.ok(AUTHORITY, new Call.RevokeConvention(GROCER, FOOD));

        ledger.ok(COMMITTEE_34, new Call.ConventionProvider(GROCER, List.of(FOOD), "FR-OCC-34-172", 0, 12));

        assertThat(ledger.state.convention(GROCER, FOOD)).isEqualTo(
                new Convention(GROCER, FOOD, "FR-OCC-34-172", 0, 12, false, List.of(), false));
        ledger.pay(ALICE, GROCER, FOOD, 100);
        ledger.assertConserved();
    }

    @Test
    void revoke_followsTheTerritorialAuthorityOfSuspend() {
        ledger.convention(PARIS_MARKET, "FR-IDF-75", FOOD);
        ledger.convention(DOCTOR, "FR-OCC", HEALTH);

        ledger.rejected(COMMITTEE_34, new Call.RevokeConvention(PARIS_MARKET, FOOD), RejectionCode.OUT_OF_SCOPE);
        ledger.rejected(COMMITTEE_34, new Call.RevokeConvention(DOCTOR, HEALTH), RejectionCode.OUT_OF_SCOPE);
        ledger.rejected(GROCER, new Call.RevokeConvention(GROCER, FOOD), RejectionCode.FORBIDDEN_ROLE);
        ledger.rejected(STRANGER, new Call.RevokeConvention(GROCER, FOOD), RejectionCode.FORBIDDEN_ROLE);
        ledger.rejected(AUTHORITY, new Call.RevokeConvention(GROCER, HEALTH), RejectionCode.NOT_CONVENTIONED);
        ledger.ok(AUTHORITY, new Call.RevokeConvention(PARIS_MARKET, FOOD));
    }

    @Test
    void aRevokedProvider_stillRedeemsWhatItWasPaidBefore() {
        ledger.pay(ALICE, GROCER, FOOD, 500);
        ledger.ok(COMMITTEE_34, new Call.RevokeConvention(GROCER, FOOD));

        ledger.ok(GROCER, new Call.Redeem(FOOD, 500));

        assertThat(ledger.state.providerBalance(GROCER, FOOD)).isZero();
        ledger.assertConserved();
    }

    // ---------------------------------------------------------------- the directory index

    @Test
    void convention_filesOneLiveEntryUnderItsTerritory() {
        assertThat(entries(ledger.state)).containsExactly(new DirectoryEntry("FR-OCC-34", GROCER, FOOD, true));
        assertIndexConsistent(ledger.state);
    }

    @Test
    void conventionMovingTerritory_marksTheOldEntryDead_andFilesTheNewOne_thenBack() {
        ledger.convention(GROCER, "FR-IDF-75", FOOD);

        assertThat(entries(ledger.state)).containsExactlyInAnyOrder(
                new DirectoryEntry("FR-OCC-34", GROCER, FOOD, false),
                new DirectoryEntry("FR-IDF-75", GROCER, FOOD, true));
        assertIndexConsistent(ledger.state);

        ledger.convention(GROCER, "FR-OCC-34", FOOD);

        assertThat(entries(ledger.state)).containsExactlyInAnyOrder(
                new DirectoryEntry("FR-OCC-34", GROCER, FOOD, true),
                new DirectoryEntry("FR-IDF-75", GROCER, FOOD, false));
        assertIndexConsistent(ledger.state);
    }

    @Test
    void renewalInTheSameTerritory_writesNoIndexEntry() {
        Outcome.Applied renewed = ledger.ok(AUTHORITY,
                new Call.ConventionProvider(GROCER, List.of(FOOD), "FR-OCC-34", 0, 2000));

        assertThat(renewed.writes()).noneMatch(e -> e instanceof DirectoryEntry);
        assertIndexConsistent(ledger.state);
    }

    @Test
    void suspendResumeRestrictRevoke_leaveTheIndexAsItIs_theDirectoryReadsTheStatusFromTheConvention() {
        List<Outcome.Applied> steps = new ArrayList<>();
        steps.add(ledger.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD)));
        steps.add(ledger.ok(AUTHORITY, new Call.ResumeConvention(GROCER, FOOD)));
        steps.add(ledger.ok(AUTHORITY, new Call.RestrictConvention(GROCER, FOOD, List.of())));
        steps.add(ledger.ok(AUTHORITY, new Call.RevokeConvention(GROCER, FOOD)));

        assertThat(steps).allSatisfy(a -> assertThat(a.writes()).noneMatch(e -> e instanceof DirectoryEntry));
        assertThat(entries(ledger.state)).containsExactly(new DirectoryEntry("FR-OCC-34", GROCER, FOOD, true));
        assertIndexConsistent(ledger.state);
    }

    @Test
    void reConventioningARevokedConventionElsewhere_movesItsEntry() {
        ledger.ok(AUTHORITY, new Call.RevokeConvention(GROCER, FOOD));
        ledger.convention(GROCER, "FR-OCC-34-172", FOOD);

        assertThat(entries(ledger.state)).containsExactly(
                new DirectoryEntry("FR-OCC-34", GROCER, FOOD, false),
                new DirectoryEntry("FR-OCC-34-172", GROCER, FOOD, true));
        assertIndexConsistent(ledger.state);
    }

    static List<DirectoryEntry> entries(StateView state) {
        List<DirectoryEntry> out = new ArrayList<>();
        state.scan(Keys.directoryPrefix(), e -> out.add((DirectoryEntry) e));
        return out;
    }

    /** Each convention has exactly one live entry, under its territory; each live entry has its convention. */
    static void assertIndexConsistent(StateView state) {
        List<Convention> conventions = new ArrayList<>();
        state.scan(Keys.conventionsPrefix(), e -> conventions.add((Convention) e));
        List<DirectoryEntry> live = entries(state).stream().filter(DirectoryEntry::live).toList();
        assertThat(live).hasSameSizeAs(conventions);
        for (Convention c : conventions) {
            assertThat(state.directoryEntry(c.territory(), c.provider(), c.purpose()))
                    .as("entry of %s", c).isEqualTo(new DirectoryEntry(c.territory(), c.provider(), c.purpose(), true));
        }
        for (DirectoryEntry e : live) {
            Convention c = state.convention(e.provider(), e.purpose());
            assertThat(c).as("convention of %s", e).isNotNull();
            assertThat(c.territory()).isEqualTo(e.territory());
        }
    }

    @Test
    void theIndexEntryKey_separatesSiblingsSharingAPrefix() {
        Address p = LedgerFixture.address(7);
        byte[] exact = Keys.directoryTerritoryPrefix("FR-OCC-34");
        byte[] below = Keys.directoryBelowPrefix("FR-OCC-34");

        assertThat(startsWith(Keys.directoryEntry("FR-OCC-34", p, 1).toBytes(), exact)).isTrue();
        assertThat(startsWith(Keys.directoryEntry("FR-OCC-34-172", p, 1).toBytes(), below)).isTrue();
        assertThat(startsWith(Keys.directoryEntry("FR-OCC-345", p, 1).toBytes(), exact)).isFalse();
        assertThat(startsWith(Keys.directoryEntry("FR-OCC-345", p, 1).toBytes(), below)).isFalse();
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
