package org.targetedmoney.bridge.journal;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.store.BridgeStore;
import org.targetedmoney.bridge.store.Entry;
import org.targetedmoney.bridge.store.Family;
import org.targetedmoney.bridge.store.Keys;
import org.targetedmoney.bridge.store.Sequence;
import org.targetedmoney.bridge.store.Writes;

/**
 * The engine's inputs in the store, numbered from 1 in {@link Family#JOURNAL}. An input is appended in the same
 * atomic commit as whatever else it goes with (an idempotency record, the cursor), so after a crash the journal
 * holds exactly the inputs whose commit finished, and replaying it rebuilds the engine.
 */
public final class Journal {
    /** Entries read per page while replaying. */
    static final int REPLAY_PAGE = 1_000;
    private static final Sequence SEQUENCE = new Sequence("journal");

    private final BridgeStore store;

    public Journal(BridgeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Stages {@code input} as the next entry; returns its number. */
    public long append(Writes writes, BridgeInput input) {
        long n = SEQUENCE.next(writes);
        writes.put(Family.JOURNAL, Keys.ofNumber(n), JournalCodec.encode(input));
        return n;
    }

    /** Feeds every committed entry, in order, to {@code apply}; returns how many there were. */
    public long replay(Consumer<BridgeInput> apply) {
        return replayAfter(0, apply);
    }

    /**
     * Feeds the committed entries after the first {@code position} (those a snapshot at {@code position} does not
     * cover), in order, to {@code apply}; returns how many there were.
     *
     * @throws IllegalStateException if the journal holds fewer than {@code position} entries or its counter
     *                               disagrees with what it holds (the store is damaged)
     */
    public long replayAfter(long position, Consumer<BridgeInput> apply) {
        long committed = SEQUENCE.current(store);
        if (position < 0 || position > committed) {
            throw new IllegalStateException("replay after entry " + position + " of a journal of " + committed);
        }
        long count = 0;
        byte[] after = position == 0 ? null : Keys.ofNumber(position);
        while (true) {
            List<Entry> page = after == null ? store.scan(Family.JOURNAL, new byte[0], REPLAY_PAGE)
                    : store.scanAfter(Family.JOURNAL, new byte[0], after, REPLAY_PAGE);
            for (Entry e : page) {
                apply.accept(JournalCodec.decode(e.value()));
                count++;
            }
            if (page.size() < REPLAY_PAGE) {
                break;
            }
            after = page.getLast().key();
        }
        if (position + count != committed) {
            throw new IllegalStateException("the journal holds " + (position + count) + " entries but its counter says "
                    + committed + ": the store is damaged");
        }
        return count;
    }

    /** The number of entries as {@code writes} would leave it (staged appends included). */
    public long size(Writes writes) {
        return SEQUENCE.current(writes);
    }

    /** The number of entries committed. */
    public long size() {
        return SEQUENCE.current(store);
    }
}
