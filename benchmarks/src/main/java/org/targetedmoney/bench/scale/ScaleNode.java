package org.targetedmoney.bench.scale;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.targetedmoney.policy.chain.BlockExecutor;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.TxReceipt;
import org.targetedmoney.node.ledger.ChainView;
import org.targetedmoney.node.ledger.LedgerApplier;
import org.targetedmoney.node.ledger.RocksChainStore;
import org.targetedmoney.policy.state.Entity;

/**
 * What a validator runs on a generated state: the node's {@link LedgerApplier} (the whole state loaded
 * into memory at start, blocks executed there and each stored in one RocksDB write, synced as on a node
 * unless a benchmark measures without the fsync) over a private checkpoint of the generated store, so
 * the generated store itself is never written and every trial starts from the same state. The
 * checkpoint hard-links the table files: cheap, same disk.
 */
final class ScaleNode implements AutoCloseable {
    /** Heap of a benchmark fork: the 10 M-member state and room for the collector (see BENCHMARKS.md). */
    static final String HEAP = "-Xmx6g";
    private static final long RAFT_TERM = 1;
    /**
     * Full collections before reading the heap, so that garbage of loading is not counted as state. One
     * is enough with G1 (a second frees nothing) and each takes seconds on a 10 M-member heap.
     */
    private static final int GC_PASSES = 1;

    final long members;
    final RocksChainStore store;
    final LedgerApplier applier;
    /** Heap held by the loaded state (entities, keys and the map), from used heap before and after loading. */
    final long stateHeapBytes;
    /** How long the applier took to load the state from RocksDB: what a node's start costs. */
    final long loadNanos;
    private final Path copy;
    private long nextIndex;
    private long failed;
    private String lastFailure = "";

    private ScaleNode(long members, Path copy, boolean syncWrites) {
        this.members = members;
        this.copy = copy;
        this.store = RocksChainStore.open(copy, syncWrites);
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        this.applier = new LedgerApplier(store, new BlockExecutor(ScaleGenesis.EPOCHS), ScaleTxs.PARSER);
        this.loadNanos = System.nanoTime() - started;
        this.stateHeapBytes = usedHeapAfterGc() - before;
        this.nextIndex = store.lastApplied().index() + 1;
        applier.addListener(this::check);
    }

    /**
     * Generates the store of {@code members} members if needed, then starts an applier on a copy of it.
     * {@code syncWrites}: fsync every block as the node does, or not (to see the cost besides the disk).
     */
    static ScaleNode open(long members, boolean syncWrites) {
        return open(ScaleStateGenerator.defaultDir(members), members, syncWrites);
    }

    static ScaleNode open(Path dir, long members, boolean syncWrites) {
        ScaleStateGenerator.ensure(dir, members);
        Path copy = dir.resolveSibling(dir.getFileName() + ".run-" + ProcessHandle.current().pid());
        ScaleStateGenerator.deleteTree(copy);
        try (RocksChainStore original = RocksChainStore.open(dir)) {
            original.checkpoint(copy);
        }
        ScaleNode node = new ScaleNode(members, copy, syncWrites);
        System.out.printf("%n# scale state: %,d members loaded into memory in %.1f s, %.0f heap bytes per member%n",
                members, node.loadNanos / 1e9, (double) node.stateHeapBytes / members);
        return node;
    }

    /** Applies one Raft entry as the node does: decode, execute as a block, one write. */
    void apply(byte[] entry) {
        applier.apply(nextIndex++, RAFT_TERM, entry);
    }

    /** The latest stored ledger singletons. */
    Entity.Meta meta() {
        try (ChainView view = store.openView()) {
            return view.meta();
        }
    }

    long nonce(org.targetedmoney.policy.model.Address sender) {
        return store.nonce(sender);
    }

    /** Throws if any applied transaction was dropped or rejected: the figure would measure something else. */
    void requireAllApplied() {
        if (failed > 0) {
            throw new IllegalStateException(failed + " benchmark transactions failed; last: " + lastFailure);
        }
    }

    private void check(BlockResult block) {
        if (!block.dropped().isEmpty()) {
            failed += block.dropped().size();
            lastFailure = "dropped (wrong nonce) in block " + block.header().number();
        }
        for (TxReceipt r : block.receipts()) {
            if (!r.success()) {
                failed++;
                lastFailure = r.revertReason();
            }
        }
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < GC_PASSES; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        store.close();
        ScaleStateGenerator.deleteTree(copy);
    }
}
