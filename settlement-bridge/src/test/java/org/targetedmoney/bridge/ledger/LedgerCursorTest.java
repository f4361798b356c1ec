package org.targetedmoney.bridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;

class LedgerCursorTest {
    static LedgerLine lineAt(long block, int logIndex) {
        return new LedgerLine(block, logIndex, "0x01", 0, "0x00000000000000000000000000000000000000bb", 1,
                LineKind.REDEMPTION, 1, 1);
    }

    @Test
    void after_aLine_isTheNextLogIndexOfItsBlock() {
        assertThat(LedgerCursor.after(lineAt(7, 2))).isEqualTo(new LedgerCursor(7, 3));
        assertThat(LedgerCursor.after(lineAt(7, Integer.MAX_VALUE))).isEqualTo(new LedgerCursor(8, 0));
    }

    @Test
    void admits_exactlyThePositionsAtOrAfterIt() {
        LedgerCursor c = new LedgerCursor(7, 3);

        assertThat(c.admits(7, 3)).isTrue();
        assertThat(c.admits(7, 4)).isTrue();
        assertThat(c.admits(8, 0)).isTrue();
        assertThat(c.admits(7, 2)).isFalse();
        assertThat(c.admits(6, 9)).isFalse();
    }

    @Test
    void cursors_areOrderedByBlockThenLogIndex() {
        List<LedgerCursor> cursors = new ArrayList<>(List.of(new LedgerCursor(8, 0), new LedgerCursor(7, 3),
                LedgerCursor.START, new LedgerCursor(7, 0)));

        cursors.sort(null);

        assertThat(cursors).containsExactly(LedgerCursor.START, new LedgerCursor(7, 0), new LedgerCursor(7, 3),
                new LedgerCursor(8, 0));
        assertThat(new LedgerCursor(7, 3).toString()).isEqualTo("7:3");
    }

    @Test
    void negativePositions_areRefused() {
        assertThatThrownBy(() -> new LedgerCursor(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LedgerCursor(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followStep_caughtUpAndLag_compareTheCursorWithTheHead() {
        assertThat(new FollowStep(List.of(), new LedgerCursor(11, 0), 10, 0).caughtUp()).isTrue();
        assertThat(new FollowStep(List.of(), new LedgerCursor(11, 0), 10, 0).lagBlocks()).isZero();
        assertThat(new FollowStep(List.of(), new LedgerCursor(9, 0), 10, 0).caughtUp()).isFalse();
        assertThat(new FollowStep(List.of(), new LedgerCursor(9, 0), 10, 0).lagBlocks()).isEqualTo(2);
    }
}
