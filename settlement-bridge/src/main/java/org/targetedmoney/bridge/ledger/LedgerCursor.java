package org.targetedmoney.bridge.ledger;

import java.util.Comparator;
import org.targetedmoney.bridge.line.LedgerLine;

/**
 * Where the bridge is in the chain: the position just after the last ledger line it took. Lines at
 * {@code (nextBlock, logIndex >= nextLogIndex)} and in later blocks are still to be read; earlier ones were taken.
 * Stored durably, it is what lets a restarted bridge go on without missing or repeating a line (ledger blocks are
 * final: there is no reorganisation to undo). Ordered by position.
 *
 * @param nextBlock    the first block not entirely read, >= 0
 * @param nextLogIndex the first log index of {@code nextBlock} not read yet, >= 0
 */
public record LedgerCursor(long nextBlock, int nextLogIndex) implements Comparable<LedgerCursor> {
    /** Before everything: block 0 (genesis, which has no lines) onwards. */
    public static final LedgerCursor START = new LedgerCursor(0, 0);

    private static final Comparator<LedgerCursor> ORDER =
            Comparator.comparingLong(LedgerCursor::nextBlock).thenComparingInt(LedgerCursor::nextLogIndex);

    public LedgerCursor {
        if (nextBlock < 0 || nextLogIndex < 0) {
            throw new IllegalArgumentException("a cursor position is >= 0: " + nextBlock + ":" + nextLogIndex);
        }
    }

    /** The cursor once {@code line} (and everything before it) is taken. */
    public static LedgerCursor after(LedgerLine line) {
        return line.logIndex() == Integer.MAX_VALUE ? new LedgerCursor(Math.addExact(line.blockNumber(), 1), 0)
                : new LedgerCursor(line.blockNumber(), line.logIndex() + 1);
    }

    /** Whether the line at {@code (blockNumber, logIndex)} is still to be read from this cursor. */
    public boolean admits(long blockNumber, int logIndex) {
        return blockNumber > nextBlock || (blockNumber == nextBlock && logIndex >= nextLogIndex);
    }

    @Override
    public int compareTo(LedgerCursor other) {
        return ORDER.compare(this, other);
    }

    /** "block:logIndex", as line ids are written. */
    @Override
    public String toString() {
        return nextBlock + ":" + nextLogIndex;
    }
}
