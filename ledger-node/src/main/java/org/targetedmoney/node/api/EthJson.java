package org.targetedmoney.node.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.TxReceipt;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.abi.Log;

/** Renders blocks, receipts and logs as the JSON objects Ethereum clients (web3j, ethers) expect. */
public final class EthJson {
    /** keccak256(rlp([])): there are no uncles on this ledger. */
    static final String EMPTY_UNCLES_HASH = "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";
    static final String ZERO_HASH = Hex.data(new byte[32]);
    /** Gas is accepted and ignored: blocks advertise a large limit, transactions use none. */
    static final long BLOCK_GAS_LIMIT = 1_000_000_000L;

    private EthJson() {}

    /** A block; {@code transactions} holds hashes (strings) or full transaction objects. */
    public static JsonObject block(BlockHeader h, byte[] hash, JsonArray transactions, int sizeBytes) {
        return new JsonObject()
                .put("number", Hex.quantity(h.number()))
                .put("hash", Hex.data(hash))
                .put("parentHash", Hex.data(h.parentHash()))
                .put("nonce", "0x0000000000000000")
                .put("sha3Uncles", EMPTY_UNCLES_HASH)
                .put("logsBloom", Hex.data(h.logsBloom()))
                .put("transactionsRoot", Hex.data(h.transactionsRoot()))
                .put("stateRoot", Hex.data(h.stateChangesRoot()))
                .put("receiptsRoot", Hex.data(h.receiptsRoot()))
                .put("miner", h.proposer().toHex())
                .put("difficulty", "0x0")
                .put("totalDifficulty", "0x0")
                .put("extraData", "0x")
                .put("size", Hex.quantity(sizeBytes))
                .put("gasLimit", Hex.quantity(BLOCK_GAS_LIMIT))
                .put("gasUsed", "0x0")
                .put("baseFeePerGas", "0x0")
                .put("mixHash", ZERO_HASH)
                .put("timestamp", Hex.quantity(h.timestampSeconds()))
                .put("transactions", transactions)
                .put("uncles", new JsonArray())
                // Ledger-specific fields: the epoch of the block and the Raft log index it came from.
                .put("epoch", Hex.quantity(h.epoch()))
                .put("raftIndex", Hex.quantity(h.raftIndex()));
    }

    public static JsonObject receipt(TxReceipt r, byte[] blockHash, int txType) {
        JsonArray logs = new JsonArray();
        byte[] bloom = new byte[org.targetedmoney.policy.chain.LogsBloom.BYTES];
        List<Log> rl = r.logs();
        for (int i = 0; i < rl.size(); i++) {
            logs.add(log(rl.get(i), r, blockHash, r.firstLogIndex() + i));
            org.targetedmoney.policy.chain.LogsBloom.add(bloom, rl.get(i));
        }
        JsonObject o = new JsonObject()
                .put("transactionHash", Hex.data(r.txHash()))
                .put("transactionIndex", Hex.quantity(r.txIndex()))
                .put("blockHash", Hex.data(blockHash))
                .put("blockNumber", Hex.quantity(r.blockNumber()))
                .put("from", r.from().toHex())
                .put("to", r.to().toHex())
                .put("cumulativeGasUsed", "0x0")
                .put("gasUsed", "0x0")
                .put("effectiveGasPrice", "0x0")
                .putNull("contractAddress")
                .put("logs", logs)
                .put("logsBloom", Hex.data(bloom))
                .put("type", Hex.quantity(txType))
                .put("status", r.success() ? "0x1" : "0x0");
        if (!r.success()) {
            // As Besu does: the ABI-encoded Error(string) of the refusal, which web3j exposes as getRevertReason().
            o.put("revertReason", Hex.data(EventLogs.revertData(r.revertReason())));
        }
        return o;
    }

    public static JsonObject log(Log log, TxReceipt r, byte[] blockHash, int logIndex) {
        JsonArray topics = new JsonArray();
        for (byte[] t : log.topics()) {
            topics.add(Hex.data(t));
        }
        return new JsonObject()
                .put("removed", false)
                .put("logIndex", Hex.quantity(logIndex))
                .put("transactionIndex", Hex.quantity(r.txIndex()))
                .put("transactionHash", Hex.data(r.txHash()))
                .put("blockHash", Hex.data(blockHash))
                .put("blockNumber", Hex.quantity(r.blockNumber()))
                .put("address", log.address().toHex())
                .put("data", Hex.data(log.data()))
                .put("topics", topics);
    }
}
