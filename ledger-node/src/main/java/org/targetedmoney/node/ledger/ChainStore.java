package org.targetedmoney.node.ledger;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.state.Entity;

/**
 * Durable chain storage. Each block (with its state writes and the Raft index it came from) is stored in
 * one atomic write, so a crash leaves either the whole block or none of it; reads go through
 * {@link ChainView} snapshots, which never block the applying thread.
 */
public interface ChainStore extends AutoCloseable {

    /** The Raft position of the last stored block, or (-1, -1) on an empty store. */
    record Applied(long term, long index) {}

    /** Stores block 0 and the genesis state; {@code genesisId} identifies the genesis file. */
    void storeGenesis(BlockHeader header, List<Entity> state, byte[] genesisId);

    /** The genesis id stored at creation, or null on an empty store. */
    byte[] genesisId();

    void storeBlock(BlockResult block, long raftTerm, long raftIndex);

    Applied lastApplied();

    BlockHeader head();

    /** The next nonce of {@code sender} in the latest stored state (admission reads it from any thread). */
    long nonce(org.targetedmoney.policy.model.Address sender);

    /** Streams every state entity, in key order, to rebuild the in-memory state at start. */
    void loadState(Consumer<Entity> sink);

    /** A consistent read-only view of the latest stored block and state. Close it. */
    ChainView openView();

    /** Writes a consistent copy of the whole store into {@code dir} (for Raft snapshots). */
    void checkpoint(Path dir);

    @Override
    void close();
}
