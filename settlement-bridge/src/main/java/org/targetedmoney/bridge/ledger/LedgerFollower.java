package org.targetedmoney.bridge.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.wallet.auditor.EventDecoder;
import org.targetedmoney.wallet.auditor.EventQuery;
import org.targetedmoney.wallet.auditor.LedgerEvent;
import org.targetedmoney.wallet.auditor.PositionedEvent;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;

/**
 * Reads what the ledger says providers are owed in euros: {@code Redeemed} (a redemption), {@code ClaimPaid} (a
 * claim paid by the fund) and {@code CapitationPaid} events, as {@link LedgerLine}s, from a {@link LedgerCursor}.
 *
 * <p>Each {@link #poll} reads at most {@code blockRange} blocks (one eth_getLogs for the three kinds of event, one
 * eth_getBlockByNumber per block that has lines) and returns the lines and the cursor after them; it keeps no
 * state, so a follower built after a restart with the stored cursor goes on exactly where the last one stopped.
 * It reads up to the chain head minus {@code confirmations} blocks. The ledger orders blocks with Raft, whose
 * committed blocks are final, so 0 (the default, right for a one-validator node) is safe; a larger depth only
 * delays lines, for operators who want a margin against a node that would serve blocks before they are committed.
 *
 * <p>A node that is down or answers an error makes {@code poll} throw an {@link IOException} saying what was being
 * read; nothing was taken, and the caller retries later with the same cursor. When the node refuses a range for
 * holding too many logs, the follower reads half of it instead, down to one block.
 */
public final class LedgerFollower {
    /** The most blocks one poll reads (the node accepts up to 10 000 per eth_getLogs). */
    public static final long MAX_BLOCK_RANGE = 1_000;
    /** Blocks behind the head the follower stays: 0, since committed blocks are final (see the class comment). */
    public static final int DEFAULT_CONFIRMATIONS = 0;
    /** The largest confirmation depth accepted. */
    public static final int MAX_CONFIRMATIONS = 1_000;

    /** The node's JSON-RPC code for "limit exceeded" (e.g. more logs match than one answer may carry). */
    static final int LIMIT_EXCEEDED = -32005;
    static final List<String> TOPICS = List.of(EventDecoder.REDEEMED_TOPIC, EventDecoder.CLAIM_PAID_TOPIC,
            EventDecoder.CAPITATION_PAID_TOPIC);

    private final LedgerConnection ledger;
    private final long blockRange;
    private final int confirmations;

    /** A follower reading {@link #MAX_BLOCK_RANGE} blocks per poll, up to the head. */
    public LedgerFollower(LedgerConnection ledger) {
        this(ledger, MAX_BLOCK_RANGE, DEFAULT_CONFIRMATIONS);
    }

    /**
     * @param blockRange    the most blocks one poll reads, 1..{@link #MAX_BLOCK_RANGE}
     * @param confirmations blocks behind the head it stays, 0..{@link #MAX_CONFIRMATIONS}
     */
    public LedgerFollower(LedgerConnection ledger, long blockRange, int confirmations) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        if (blockRange < 1 || blockRange > MAX_BLOCK_RANGE) {
            throw new IllegalArgumentException("blockRange must be 1.." + MAX_BLOCK_RANGE + ", got " + blockRange);
        }
        if (confirmations < 0 || confirmations > MAX_CONFIRMATIONS) {
            throw new IllegalArgumentException("confirmations must be 0.." + MAX_CONFIRMATIONS + ", got "
                    + confirmations);
        }
        this.blockRange = blockRange;
        this.confirmations = confirmations;
    }

    /** The lines after {@code from}, in at most {@code blockRange} blocks, and the cursor after them. */
    public FollowStep poll(LedgerCursor from) throws IOException {
        Objects.requireNonNull(from, "from");
        long head = Math.max(0, request(() -> EventQuery.headBlock(ledger), "the head block") - confirmations);
        Map<Long, Long> timestamps = new HashMap<>();
        long headTimestamp = timestamp(head, timestamps);
        if (from.nextBlock() > head) {
            return new FollowStep(List.of(), from, head, headTimestamp);
        }
        long to = Math.min(head, from.nextBlock() + blockRange - 1);
        List<PositionedEvent> events;
        while (true) {
            try {
                events = EventQuery.positionedEvents(ledger, from.nextBlock(), to, TOPICS);
                break;
            } catch (LedgerRequestException e) {
                if (e.rpcCode() != LIMIT_EXCEEDED || to == from.nextBlock()) {
                    throw failure("the events of blocks " + from.nextBlock() + ".." + to, e);
                }
                to = from.nextBlock() + (to - from.nextBlock()) / 2; // too many logs: read half, the rest next time
            }
        }
        List<LedgerLine> lines = new ArrayList<>(events.size());
        for (PositionedEvent e : events) {
            if (from.admits(e.blockNumber(), e.logIndex())) {
                lines.add(line(e, timestamp(e.blockNumber(), timestamps)));
            }
        }
        return new FollowStep(lines, new LedgerCursor(to + 1, 0), head, headTimestamp);
    }

    /** The timestamp of {@code block}, asked of the node once per poll. */
    private long timestamp(long block, Map<Long, Long> known) throws IOException {
        Long t = known.get(block);
        if (t == null) {
            t = request(() -> EventQuery.blockTimestampSeconds(ledger, block), "the timestamp of block " + block);
            known.put(block, t);
        }
        return t;
    }

    private static LedgerLine line(PositionedEvent p, long timestampSeconds) throws IOException {
        return switch (p.event()) {
            case LedgerEvent.Redeemed r -> new LedgerLine(p.blockNumber(), p.logIndex(), p.transactionHash(),
                    timestampSeconds, lower(r.provider()), r.purpose(), LineKind.REDEMPTION, r.amountCents(),
                    r.redemptionId());
            case LedgerEvent.ClaimPaid c -> new LedgerLine(p.blockNumber(), p.logIndex(), p.transactionHash(),
                    timestampSeconds, lower(c.provider()), c.purpose(), LineKind.CLAIM, c.amountCents(), c.claimId());
            case LedgerEvent.CapitationPaid c -> new LedgerLine(p.blockNumber(), p.logIndex(), p.transactionHash(),
                    timestampSeconds, lower(c.provider()), c.purpose(), LineKind.CAPITATION, c.amountCents(),
                    c.epoch());
            default -> throw new IOException("the node answered an event that was not asked for at " + p.blockNumber()
                    + ":" + p.logIndex() + ": " + p.event());
        };
    }

    private static String lower(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    @FunctionalInterface
    private interface Read {
        long get() throws LedgerRequestException;
    }

    private static long request(Read read, String what) throws IOException {
        try {
            return read.get();
        } catch (LedgerRequestException e) {
            throw failure(what, e);
        }
    }

    private static IOException failure(String what, LedgerRequestException e) {
        return new IOException("ledger follower: could not read " + what + " from the ledger node: " + e.getMessage(),
                e);
    }
}
