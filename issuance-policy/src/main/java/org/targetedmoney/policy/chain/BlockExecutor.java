package org.targetedmoney.policy.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.targetedmoney.policy.abi.AbiException;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.abi.Log;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.rules.LedgerEvent;
import org.targetedmoney.policy.rules.Outcome;
import org.targetedmoney.policy.rules.RejectionCode;
import org.targetedmoney.policy.rules.Rules;
import org.targetedmoney.policy.rules.TxContext;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityKey;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.state.StateRoots;

/**
 * Executes one ordered batch of transactions as a block, on the applying thread only. Deterministic:
 * the block timestamp comes from the proposer (made monotonic here), never from this machine's clock.
 */
public final class BlockExecutor {
    private final EpochScheme epochs;

    public BlockExecutor(EpochScheme epochs) {
        this.epochs = epochs;
    }

    public EpochScheme epochs() {
        return epochs;
    }

    /** Runs {@code txs} on {@code state} (mutated in place) on top of {@code parent}. */
    public BlockResult execute(MemoryState state, BlockHeader parent, long proposedTimestampSeconds, Address proposer,
                               long raftIndex, List<OrderedTx> txs) {
        long number = parent.number() + 1;
        long timestamp = Math.max(proposedTimestampSeconds, parent.timestampSeconds());
        int epoch = epochs.epochAt(timestamp);
        Map<EntityKey, Entity> writes = new LinkedHashMap<>();
        List<OrderedTx> included = new ArrayList<>(txs.size());
        List<OrderedTx> dropped = new ArrayList<>();
        List<TxReceipt> receipts = new ArrayList<>(txs.size());
        byte[] bloom = new byte[LogsBloom.BYTES];
        int logIndex = 0;
        for (OrderedTx tx : txs) {
            if (tx.nonce() != state.nonce(tx.sender())) {
                dropped.add(tx);
                continue;
            }
            TxContext ctx = new TxContext(tx.sender(), number, timestamp, epoch);
            TxReceipt receipt = executeOne(state, ctx, tx, included.size(), logIndex, writes);
            for (Log log : receipt.logs()) {
                LogsBloom.add(bloom, log);
            }
            logIndex += receipt.logs().size();
            included.add(tx);
            receipts.add(receipt);
        }
        BlockHeader header = new BlockHeader(number, parent.hash(), timestamp, proposer, epoch, included.size(),
                transactionsRoot(included), receiptsRoot(receipts), StateRoots.root(writes.values()), bloom,
                raftIndex);
        return new BlockResult(header, header.hash(), included, receipts, new ArrayList<>(writes.values()), dropped);
    }

    private TxReceipt executeOne(MemoryState state, TxContext ctx, OrderedTx tx, int index, int firstLogIndex,
                                 Map<EntityKey, Entity> writes) {
        Outcome outcome;
        Entity.Nonce nonceWrite;
        try {
            Call call = CallDecoder.decode(tx.to(), tx.data());
            Rules.Execution execution = Rules.execute(state, ctx, tx.nonce(), call, CallDecoder.ACTIONS);
            outcome = execution.outcome();
            nonceWrite = execution.nonceWrite();
        } catch (AbiException e) {
            // The door refuses such data; only a faulty proposer orders it. Refuse it the same way everywhere.
            outcome = Outcome.reject(RejectionCode.INVALID_ARGUMENT, "%s", e.getMessage());
            nonceWrite = new Entity.Nonce(tx.sender(), Math.addExact(tx.nonce(), 1));
        }
        List<Log> logs = new ArrayList<>();
        String reason = "";
        if (outcome instanceof Outcome.Applied applied) {
            for (Entity e : applied.writes()) {
                state.put(e);
                writes.put(e.key(), e);
            }
            for (LedgerEvent event : applied.events()) {
                logs.addAll(EventLogs.toLogs(event));
            }
        } else if (outcome instanceof Outcome.Rejected rejected) {
            reason = rejected.rejection().reasonText();
        }
        state.put(nonceWrite);
        writes.put(nonceWrite.key(), nonceWrite);
        return new TxReceipt(tx.hash(), ctx.blockNumber(), index, tx.sender(), tx.to(), tx.nonce(), reason.isEmpty(),
                reason, logs, firstLogIndex);
    }

    /** The Merkle root of the transaction hashes, in block order. */
    public static byte[] transactionsRoot(List<OrderedTx> txs) {
        List<byte[]> leaves = new ArrayList<>(txs.size());
        for (OrderedTx tx : txs) {
            leaves.add(tx.hash());
        }
        return StateRoots.merkle(leaves);
    }

    /** The Merkle root of the keccak of each receipt's canonical encoding, in block order. */
    public static byte[] receiptsRoot(List<TxReceipt> receipts) {
        List<byte[]> leaves = new ArrayList<>(receipts.size());
        for (TxReceipt r : receipts) {
            leaves.add(Keccak.hash(r.encode()));
        }
        return StateRoots.merkle(leaves);
    }

    /** The header of block 0: the genesis state's root, no transactions. */
    public static BlockHeader genesisHeader(long timestampSeconds, int epoch, List<Entity> genesisEntities) {
        return genesisHeader(timestampSeconds, epoch, StateRoots.root(genesisEntities));
    }

    /** The header of block 0 for a genesis state whose root was computed elsewhere (streamed, when too large). */
    public static BlockHeader genesisHeader(long timestampSeconds, int epoch, byte[] stateRoot) {
        return new BlockHeader(0, new byte[32], timestampSeconds, Address.ZERO, epoch, 0,
                StateRoots.merkle(List.of()), StateRoots.merkle(List.of()), stateRoot, new byte[LogsBloom.BYTES], 0);
    }
}
