package org.targetedmoney.node.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.targetedmoney.node.chain.BatchEntry;
import org.targetedmoney.policy.chain.BlockExecutor;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.node.ordering.EntryApplier;
import org.targetedmoney.node.ordering.LogPosition;
import org.targetedmoney.policy.state.MemoryState;

/**
 * The single writer: turns each committed Raft entry into a block, stores it atomically with the Raft
 * index, then tells the listeners (waiting callers, subscriptions, metrics). Only the Raft apply thread
 * calls {@link #apply}; nothing else touches the in-memory state.
 */
public final class LedgerApplier implements EntryApplier {
    private final ChainStore store;
    private final BlockExecutor executor;
    private final TxParser parser;
    private final MemoryState state = new MemoryState();
    private final List<Consumer<BlockResult>> listeners = new CopyOnWriteArrayList<>();
    private BlockHeader head;
    private volatile long lastApplyNanos;

    public LedgerApplier(ChainStore store, BlockExecutor executor, TxParser parser) {
        this.store = store;
        this.executor = executor;
        this.parser = parser;
        store.loadState(state::put);
        this.head = store.head();
    }

    public void addListener(Consumer<BlockResult> listener) {
        listeners.add(listener);
    }

    @Override
    public LogPosition lastApplied() {
        ChainStore.Applied a = store.lastApplied();
        return a.index() < 0 ? LogPosition.NONE : new LogPosition(a.term(), a.index());
    }

    @Override
    public void checkpoint(java.nio.file.Path dir) {
        store.checkpoint(dir);
    }

    /**
     * Installing another peer's snapshot only happens in a multi-validator network, which comes with
     * its own issue; a single validator always replays its own log over its own storage.
     */
    @Override
    public void restoreFrom(java.nio.file.Path dir) {
        throw new UnsupportedOperationException("installing a snapshot from another validator is not supported "
                + "yet (multi-validator networks are a later issue)");
    }

    /** Applies the entry at {@code index} unless it is already stored (a replay after restart). */
    @Override
    public void apply(long index, long term, byte[] entry) {
        if (index <= store.lastApplied().index()) {
            return;
        }
        long started = System.nanoTime();
        BatchEntry batch = BatchEntry.decode(entry);
        List<OrderedTx> txs = new ArrayList<>(batch.raws().size());
        for (int i = 0; i < batch.raws().size(); i++) {
            txs.add(parser.parse(batch.raws().get(i), batch.senders().get(i)));
        }
        BlockResult block = executor.execute(state, head, batch.proposedTimestampSeconds(), batch.proposer(), index,
                txs);
        store.storeBlock(block, term, index);
        head = block.header();
        lastApplyNanos = System.nanoTime() - started;
        for (Consumer<BlockResult> l : listeners) {
            l.accept(block);
        }
    }

    /** How long the last block took to execute and store (for metrics). */
    public long lastApplyNanos() {
        return lastApplyNanos;
    }

    public BlockHeader head() {
        return head;
    }
}
