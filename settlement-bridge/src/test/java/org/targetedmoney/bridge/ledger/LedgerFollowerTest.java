package org.targetedmoney.bridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.rules.LedgerEvent;

/** The follower against a node that answers what each test needs: ranges, errors, positions, timestamps. */
class LedgerFollowerTest {
    static final Address SHOP = Address.fromHex("0x00000000000000000000000000000000000000bb");
    static final Address DOCTOR = Address.fromHex("0x00000000000000000000000000000000000000dd");
    static final Address MEMBER = Address.fromHex("0x00000000000000000000000000000000000000aa");

    FakeNode node;

    @BeforeEach
    void start() throws IOException {
        node = new FakeNode(20)
                .log(2, 0, new LedgerEvent.Redeemed(SHOP, 2, 1_000, 1))
                .log(4, 1, new LedgerEvent.ClaimPaid(DOCTOR, MEMBER, 1, "G", 2_650, 1, "ab".repeat(32)))
                .log(4, 3, new LedgerEvent.Redeemed(SHOP, 2, 500, 2))
                .log(9, 0, new LedgerEvent.CapitationPaid(DOCTOR, 1, 682, 2, 1_000, 2));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    static LedgerLine line(long block, int logIndex, Address provider, int purpose, LineKind kind, long cents,
                           long reference) {
        return new LedgerLine(block, logIndex, "0x" + String.format("%064x", block * 100 + logIndex),
                FakeNode.TIME_ZERO + block, provider.toHex(), purpose, kind, cents, reference);
    }

    static final LedgerLine REDEEMED_1 = line(2, 0, SHOP, 2, LineKind.REDEMPTION, 1_000, 1);
    static final LedgerLine CLAIM_1 = line(4, 1, DOCTOR, 1, LineKind.CLAIM, 2_650, 1);
    static final LedgerLine REDEEMED_2 = line(4, 3, SHOP, 2, LineKind.REDEMPTION, 500, 2);
    static final LedgerLine CAPITATION = line(9, 0, DOCTOR, 1, LineKind.CAPITATION, 1_000, 682);

    @Test
    void poll_mapsEachEventKindToItsLine_withTheBlockTimestamp_andStopsAtTheRange() throws Exception {
        FollowStep step = new LedgerFollower(node.connection(), 10, 0).poll(LedgerCursor.START);

        assertThat(step.lines()).containsExactly(REDEEMED_1, CLAIM_1, REDEEMED_2, CAPITATION);
        assertThat(step.next()).isEqualTo(new LedgerCursor(10, 0));
        assertThat(step.headBlock()).isEqualTo(20);
        assertThat(step.headTimestampSeconds()).isEqualTo(FakeNode.TIME_ZERO + 20);
        assertThat(step.caughtUp()).isFalse();
        assertThat(step.lagBlocks()).isEqualTo(11);
    }

    @Test
    void poll_asksTheTimestampOfEachBlockWithLinesOnce() throws Exception {
        new LedgerFollower(node.connection(), 10, 0).poll(LedgerCursor.START);

        // The head, and blocks 2, 4 and 9.
        assertThat(node.count("eth_getBlockByNumber")).isEqualTo(4);
        assertThat(node.count("eth_getLogs")).isEqualTo(1);
    }

    @Test
    void poll_fromInsideABlock_skipsThatBlocksEarlierLines() throws Exception {
        FollowStep step = new LedgerFollower(node.connection(), 10, 0).poll(LedgerCursor.after(CLAIM_1));

        assertThat(step.lines()).containsExactly(REDEEMED_2, CAPITATION);
    }

    @Test
    void poll_whenTheNodeRefusesARangeForItsLogs_readsHalvesUntilItAccepts() throws Exception {
        node.maxBlocksPerQuery = 3;

        FollowStep step = new LedgerFollower(node.connection(), 10, 0).poll(LedgerCursor.START);

        // 0..9 refused, 0..4 refused, 0..2 accepted: the rest is for the next poll.
        assertThat(step.lines()).containsExactly(REDEEMED_1);
        assertThat(step.next()).isEqualTo(new LedgerCursor(3, 0));
        assertThat(new LedgerFollower(node.connection(), 10, 0).poll(step.next()).lines())
                .containsExactly(CLAIM_1, REDEEMED_2);
    }

    @Test
    void poll_whenEvenOneBlockHasTooManyLogs_failsSayingWhichBlock() {
        node.maxBlocksPerQuery = 0;

        assertThatThrownBy(() -> new LedgerFollower(node.connection(), 10, 0).poll(new LedgerCursor(4, 0)))
                .isInstanceOf(IOException.class).hasMessageContaining("the events of blocks 4..4")
                .hasMessageContaining("more than 10000 logs");
    }

    @Test
    void poll_whenTheNodeAnswersAnError_failsWithItsMessage() {
        node.failWith = "internal error: storage closed";

        assertThatThrownBy(() -> new LedgerFollower(node.connection()).poll(LedgerCursor.START))
                .isInstanceOf(IOException.class)
                .hasMessage("ledger follower: could not read the head block from the ledger node: eth_blockNumber: "
                        + "internal error: storage closed");
    }

    @Test
    void poll_pastTheHead_readsNothing_andKeepsTheCursor() throws Exception {
        LedgerCursor beyond = new LedgerCursor(21, 0);

        FollowStep step = new LedgerFollower(node.connection()).poll(beyond);

        assertThat(step.lines()).isEmpty();
        assertThat(step.next()).isEqualTo(beyond);
        assertThat(step.caughtUp()).isTrue();
        assertThat(node.count("eth_getLogs")).isZero();
    }

    @Test
    void poll_withConfirmations_readsUpToTheHeadMinusThem_andNeverBeforeGenesis() throws Exception {
        FollowStep step = new LedgerFollower(node.connection(), 1_000, 12).poll(LedgerCursor.START);
        FollowStep young = new LedgerFollower(node.connection(), 1_000, 50).poll(LedgerCursor.START);

        assertThat(step.headBlock()).isEqualTo(8);
        assertThat(step.lines()).containsExactly(REDEEMED_1, CLAIM_1, REDEEMED_2);
        assertThat(step.next()).isEqualTo(new LedgerCursor(9, 0));
        assertThat(young.headBlock()).isZero();
        assertThat(young.lines()).isEmpty();
    }

    @Test
    void constructor_outOfRangeSettings_areRefused() {
        assertThatThrownBy(() -> new LedgerFollower(node.connection(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerFollower(node.connection(), LedgerFollower.MAX_BLOCK_RANGE + 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerFollower(node.connection(), 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerFollower(node.connection(), 1, LedgerFollower.MAX_CONFIRMATIONS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
