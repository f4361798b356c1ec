package org.targetedmoney.bridge.ledger;

import java.util.List;
import java.util.Objects;
import org.targetedmoney.bridge.line.LedgerLine;

/**
 * What one {@link LedgerFollower#poll} read: the new lines in chain order, the cursor to store once they are
 * kept, and the newest block the follower may read (the chain head minus its confirmation depth) with its
 * timestamp. Block timestamps never go back, so once {@link #caughtUp()}, every line still to come has a timestamp
 * at or after {@code headTimestampSeconds}: settlement windows ending by then can be closed, with no wall clock.
 *
 * @param lines                new lines, strictly after the cursor polled from, in (block, log index) order
 * @param next                 the cursor after them (and after every block read, lines or not)
 * @param headBlock            the newest block the follower may read
 * @param headTimestampSeconds that block's timestamp, seconds since 1970 (UTC)
 */
public record FollowStep(List<LedgerLine> lines, LedgerCursor next, long headBlock, long headTimestampSeconds) {
    public FollowStep {
        lines = List.copyOf(lines);
        Objects.requireNonNull(next, "next");
    }

    /** True when every block up to {@code headBlock} has been read. */
    public boolean caughtUp() {
        return next.nextBlock() > headBlock;
    }

    /** Blocks the follower may read but has not yet (0 when caught up): the lag behind the ledger. */
    public long lagBlocks() {
        return Math.max(0, headBlock - next.nextBlock() + 1);
    }
}
