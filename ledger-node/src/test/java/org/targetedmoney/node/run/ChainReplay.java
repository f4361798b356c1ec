package org.targetedmoney.node.run;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.targetedmoney.node.api.Hex;
import org.targetedmoney.policy.chain.BlockExecutor;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.policy.tx.SenderRecovery;
import org.targetedmoney.policy.tx.DecodedTx;
import org.targetedmoney.policy.tx.TxDecoder;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.GenesisState;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.MemoryState;

/**
 * What an auditor does: re-executes a node's chain from the genesis, block by block, with only what
 * JSON-RPC publishes (the signed transactions, each block's time, proposer and Raft index), on a fresh
 * in-memory state, and checks that every block hash comes out the same. Senders are recovered again with
 * Bouncy Castle, independently of the node's native recovery.
 */
final class ChainReplay {
    private ChainReplay() {}

    /** Replays blocks 1..head; returns the number of transactions re-executed. Throws on the first mismatch. */
    static long verify(RpcClient rpc, Genesis genesis) throws Exception {
        MemoryState state = new MemoryState();
        List<Entity> entities = GenesisState.entities(genesis);
        state.putAll(entities);
        BlockHeader head = BlockExecutor.genesisHeader(genesis.timestampSeconds(),
                genesis.epochScheme().epochAt(genesis.timestampSeconds()), entities);
        expectSameHash(0, head.hash(), block(rpc, 0));
        BlockExecutor executor = new BlockExecutor(genesis.epochScheme());
        TxDecoder decoder = new TxDecoder(genesis.chainId());
        SenderRecovery recovery = SenderRecovery.bouncyCastle();
        long last = Hex.parseQuantity((String) rpc.result("eth_blockNumber"));
        long replayed = 0;
        for (long n = 1; n <= last; n++) {
            JsonObject block = block(rpc, n);
            List<OrderedTx> txs = new ArrayList<>();
            for (Object h : block.getJsonArray("transactions")) {
                byte[] raw = Hex.parseData((String) rpc.result("eth_getRawTransactionByHash", h), TxDecoder.MAX_RAW_TX_BYTES);
                DecodedTx tx = decoder.decode(raw);
                txs.add(new OrderedTx(raw, tx.txHash(), recovery.recover(tx), tx.nonce(), tx.to(), tx.data()));
            }
            BlockResult r = executor.execute(state, head, Hex.parseQuantity(block.getString("timestamp")),
                    Address.fromHex(block.getString("miner")), Hex.parseQuantity(block.getString("raftIndex")), txs);
            if (!r.dropped().isEmpty()) {
                throw new AssertionError("block " + n + ": the replay drops " + r.dropped().size()
                        + " transaction(s) the node included");
            }
            expectSameHash(n, r.hash(), block);
            head = r.header();
            replayed += txs.size();
        }
        return replayed;
    }

    private static JsonObject block(RpcClient rpc, long number) throws Exception {
        return (JsonObject) rpc.result("eth_getBlockByNumber", Hex.quantity(number), false);
    }

    private static void expectSameHash(long number, byte[] replayed, JsonObject block) {
        byte[] published = Hex.parseHash(block.getString("hash"));
        if (!Arrays.equals(replayed, published)) {
            throw new AssertionError("block " + number + ": the node published " + block.getString("hash")
                    + ", a clean replay gives " + Hex.data(replayed));
        }
    }
}
