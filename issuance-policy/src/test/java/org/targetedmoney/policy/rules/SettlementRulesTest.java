package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.BRIDGE;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;

/**
 * The settlement bridge posts each euro settlement batch back on the ledger: once per batch hash, only with the
 * BRIDGE role, with totals per funding source that add up, over blocks already on the chain.
 */
class SettlementRulesTest {
    static final String HASH_1 = "11".repeat(32);
    static final String HASH_2 = "22".repeat(32);

    /** A ledger whose BRIDGE account holds the role, a few blocks in. */
    static LedgerFixture withBridge() {
        LedgerFixture l = LedgerFixture.fresh();
        l.ok(AUTHORITY, new Call.GrantRole(BRIDGE, Role.BRIDGE.bit(), ""));
        return l;
    }

    /** 100 € paid: 60 from contributions, 30 from public accounts, 10 created; 4 lines of block 1. */
    static Call.AttestSettlement batch(String hash) {
        return new Call.AttestSettlement(hash, "B-2026-11-0001", "2026-11", 10_000, 6_000, 3_000, 1_000, 4, 1, 1);
    }

    private static Call.AttestSettlement withTotals(long total, long contributions, long publicAccounts,
                                                    long creation) {
        return new Call.AttestSettlement(HASH_1, "B-1", "2026-11", total, contributions, publicAccounts, creation, 1,
                1, 1);
    }

    private static Call.AttestSettlement withText(String batchId, String window) {
        return new Call.AttestSettlement(HASH_1, batchId, window, 100, 100, 0, 0, 1, 1, 1);
    }

    private static Call.AttestSettlement withRange(long lineCount, long firstBlock, long lastBlock) {
        return new Call.AttestSettlement(HASH_1, "B-1", "2026-11", 100, 100, 0, 0, lineCount, firstBlock, lastBlock);
    }

    @Test
    void attestSettlement_byTheBridge_isKeptAndAnnounced() {
        LedgerFixture l = withBridge();

        Outcome.Applied applied = l.ok(BRIDGE, batch(HASH_1));

        assertThat(applied.events()).containsExactly(new LedgerEvent.SettlementAttested(HASH_1, BRIDGE,
                "B-2026-11-0001", "2026-11", 10_000, 6_000, 3_000, 1_000, 4, 1, 1));
        assertThat(l.state.settlementAttestation(HASH_1)).isEqualTo(new Entity.SettlementAttestation(HASH_1,
                "B-2026-11-0001", "2026-11", 10_000, 6_000, 3_000, 1_000, 4, 1, 1, BRIDGE));
        assertThat(l.state.settlementTotals()).isEqualTo(new Entity.SettlementTotals(10_000, 6_000, 3_000, 1_000, 1));
        assertThat(l.state.settlementAttestation(HASH_2)).isNull();
    }

    @Test
    void settlementTotals_addUpEveryBatch_perFundingSource() {
        LedgerFixture l = withBridge();
        l.ok(BRIDGE, batch(HASH_1));

        l.ok(BRIDGE, new Call.AttestSettlement(HASH_2, "B-2026-11-0002", "2026-11", 500, 0, 0, 500, 2, 2, 2));

        assertThat(l.state.settlementTotals()).isEqualTo(new Entity.SettlementTotals(10_500, 6_000, 3_000, 1_500, 2));
    }

    @Test
    void settlementTotals_beforeAnyBatch_areZero() {
        assertThat(LedgerFixture.fresh().state.settlementTotals()).isEqualTo(Entity.SettlementTotals.ZERO);
    }

    @Test
    void attestSettlement_sameHashTwice_isAlreadyAttested_andTheFirstStands() {
        LedgerFixture l = withBridge();
        l.ok(BRIDGE, batch(HASH_1));

        Rejection again = l.rejected(BRIDGE, batch(HASH_1), RejectionCode.ALREADY_ATTESTED);
        l.rejected(BRIDGE, new Call.AttestSettlement(HASH_1, "B-other", "2026-12", 1, 1, 0, 0, 1, 2, 2),
                RejectionCode.ALREADY_ATTESTED);

        assertThat(again.detail()).contains(HASH_1);
        assertThat(l.state.settlementTotals().batches()).isEqualTo(1);
        assertThat(l.state.settlementAttestation(HASH_1).batchId()).isEqualTo("B-2026-11-0001");
    }

    @Test
    void attestSettlement_withoutTheBridgeRole_isForbidden() {
        LedgerFixture l = withBridge();

        l.rejected(STRANGER, batch(HASH_1), RejectionCode.FORBIDDEN_ROLE);
        l.rejected(AUTHORITY, batch(HASH_1), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void attestSettlement_afterTheRoleIsRevoked_isForbidden() {
        LedgerFixture l = withBridge();
        l.ok(AUTHORITY, new Call.RevokeRole(BRIDGE, Role.BRIDGE.bit()));

        l.rejected(BRIDGE, batch(HASH_1), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void attestSettlement_sourcesThatDoNotAddUp_isATotalsMismatch() {
        LedgerFixture l = withBridge();

        l.rejected(BRIDGE, withTotals(100, 60, 30, 9), RejectionCode.ATTESTATION_TOTALS_MISMATCH);
        l.rejected(BRIDGE, withTotals(100, 60, 30, 11), RejectionCode.ATTESTATION_TOTALS_MISMATCH);
        // Sources whose sum would overflow a long are a mismatch, not an arithmetic error.
        l.rejected(BRIDGE, withTotals(100, Long.MAX_VALUE, Long.MAX_VALUE, 2), RejectionCode.ATTESTATION_TOTALS_MISMATCH);
        l.ok(BRIDGE, withTotals(100, 0, 100, 0));
    }

    @Test
    void attestSettlement_zeroNegativeOrHugeAmounts_areInvalidAmounts() {
        LedgerFixture l = withBridge();

        l.rejected(BRIDGE, withTotals(0, 0, 0, 0), RejectionCode.INVALID_AMOUNT);
        l.rejected(BRIDGE, withTotals(-100, -100, 0, 0), RejectionCode.INVALID_AMOUNT);
        l.rejected(BRIDGE, withTotals(100, 150, -50, 0), RejectionCode.INVALID_AMOUNT);
        long tooMuch = Limits.MAX_ATTESTATION_CENTS + 1;
        l.rejected(BRIDGE, withTotals(tooMuch, tooMuch, 0, 0), RejectionCode.INVALID_AMOUNT);
        l.ok(BRIDGE, withTotals(Limits.MAX_ATTESTATION_CENTS, Limits.MAX_ATTESTATION_CENTS, 0, 0));
    }

    @Test
    void attestSettlement_zeroLines_isInvalid() {
        LedgerFixture l = withBridge();

        l.rejected(BRIDGE, withRange(0, 1, 1), RejectionCode.INVALID_ARGUMENT);
    }

    @Test
    void attestSettlement_batchIdOrWindowEmptyTooLongOrNotAscii_isInvalid() {
        LedgerFixture l = withBridge();
        String id35 = "B".repeat(Limits.MAX_BATCH_ID_LENGTH);
        String window16 = "W".repeat(Limits.MAX_WINDOW_LENGTH);

        l.rejected(BRIDGE, withText("", "2026-11"), RejectionCode.INVALID_ARGUMENT);
        l.rejected(BRIDGE, withText(id35 + "B", "2026-11"), RejectionCode.INVALID_ARGUMENT);
        l.rejected(BRIDGE, withText("B-1", ""), RejectionCode.INVALID_ARGUMENT);
        l.rejected(BRIDGE, withText("B-1", window16 + "W"), RejectionCode.INVALID_ARGUMENT);
        l.rejected(BRIDGE, withText("Lot-Hérault", "2026-11"), RejectionCode.INVALID_ARGUMENT);
        l.rejected(BRIDGE, withText("B-1\n", "2026-11"), RejectionCode.INVALID_ARGUMENT);
        l.ok(BRIDGE, withText(id35, window16));
    }

    @Test
    void attestSettlement_malformedOrZeroHash_isInvalid() {
        LedgerFixture l = withBridge();

        l.rejected(BRIDGE, batch("00".repeat(32)), RejectionCode.INVALID_ARGUMENT);
        l.rejected(BRIDGE, batch("AB".repeat(32)), RejectionCode.INVALID_ARGUMENT);
        l.rejected(BRIDGE, batch("ab".repeat(31)), RejectionCode.INVALID_ARGUMENT);
    }

    @Test
    void attestSettlement_lastBlockBeforeFirst_isInvalid() {
        LedgerFixture l = withBridge();

        l.rejected(BRIDGE, withRange(1, 2, 1), RejectionCode.INVALID_ARGUMENT);
        l.rejected(BRIDGE, withRange(1, -1, 1), RejectionCode.INVALID_ARGUMENT);
    }

    @Test
    void attestSettlement_ofTheCurrentOrAFutureBlock_isInvalid_theBlockBeforeIsFine() {
        LedgerFixture l = withBridge();
        long current = l.blockNumber();

        l.rejected(BRIDGE, withRange(1, 1, current + 5), RejectionCode.INVALID_ARGUMENT);
        Rejection now = l.rejected(BRIDGE, withRange(1, 1, l.blockNumber()), RejectionCode.INVALID_ARGUMENT);
        l.ok(BRIDGE, withRange(1, 1, l.blockNumber() - 1));

        assertThat(now.detail()).contains("before this one");
    }

    @Test
    void attestSettlement_isNoMatterForABody() {
        assertThat(ProposalRules.governable(batch(HASH_1))).isFalse();
    }

    /**
     * The same log of calls on two fresh ledgers gives the same outcomes and state roots after every step, and the
     * applied calls alone, replayed on a ledger reloaded midway from its encoded state, end in the same root with
     * the same events: the rules read nothing but the state and the block.
     */
    @Test
    void theSameLog_onFreshLedgers_givesTheSameOutcomesEventsAndRoots() {
        List<Call> log = List.of(new Call.GrantRole(BRIDGE, Role.BRIDGE.bit(), ""), batch(HASH_1), batch(HASH_1),
                withTotals(100, 1, 1, 1), new Call.AttestSettlement(HASH_2, "B-2", "2026-12", 700, 100, 200, 400, 3,
                        2, 3));
        LedgerFixture first = LedgerFixture.fresh();
        LedgerFixture second = LedgerFixture.fresh();
        List<Call> applied = new ArrayList<>();
        List<Long> blocks = new ArrayList<>();
        List<LedgerEvent> events = new ArrayList<>();
        for (Call call : log) {
            long block = first.blockNumber();
            Outcome a = first.apply(senderOf(call), call);
            assertThat(second.apply(senderOf(call), call)).as("outcome of %s", call).isEqualTo(a);
            assertThat(second.root()).as("root after %s", call).isEqualTo(first.root());
            if (a instanceof Outcome.Applied done) {
                applied.add(call);
                blocks.add(block);
                events.addAll(done.events());
            }
        }
        assertThat(applied).hasSize(3);

        LedgerFixture replay = LedgerFixture.fresh();
        List<LedgerEvent> replayed = new ArrayList<>();
        for (int i = 0; i < applied.size(); i++) {
            if (i == 2) {
                replay = reloaded(replay);
            }
            Call call = applied.get(i);
            replayed.addAll(replay.atBlock(blocks.get(i)).ok(senderOf(call), call).events());
        }
        assertThat(replay.root()).isEqualTo(first.root());
        assertThat(replayed).isEqualTo(events);
    }

    private static Address senderOf(Call call) {
        return call instanceof Call.GrantRole ? AUTHORITY : BRIDGE;
    }

    private static LedgerFixture reloaded(LedgerFixture l) {
        LedgerFixture fresh = LedgerFixture.fresh();
        for (Entity e : l.state.all()) {
            fresh.state.put(EntityCodec.decode(EntityCodec.encode(e)));
        }
        assertThat(fresh.root()).isEqualTo(l.root());
        return fresh;
    }
}
