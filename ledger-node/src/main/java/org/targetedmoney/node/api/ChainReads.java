package org.targetedmoney.node.api;

import org.targetedmoney.node.rpc.RpcException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.node.chain.StoredTx;
import org.targetedmoney.policy.chain.TxReceipt;
import org.targetedmoney.node.ledger.ChainStore;
import org.targetedmoney.node.ledger.ChainView;
import org.targetedmoney.node.rpc.LogFilter;

/** Reads of blocks, transactions, receipts and logs, each on one storage snapshot. */
final class ChainReads implements FilterRegistry.Chain {
    /** eth_getLogs scans at most this many blocks, and returns at most this many logs. */
    static final long MAX_LOG_BLOCK_RANGE = 10_000;
    static final int MAX_LOGS = 10_000;

    private final ChainStore store;
    private final TxRenderer renderer;

    ChainReads(ChainStore store, TxRenderer renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    long blockNumber() {
        try (ChainView v = store.openView()) {
            return v.head().number();
        }
    }

    @Override
    public long head() {
        return blockNumber();
    }

    @Override
    public List<String> blockHashes(long from, long to) {
        try (ChainView v = store.openView()) {
            List<String> out = new ArrayList<>();
            for (long n = from; n <= to; n++) {
                BlockHeader h = v.header(n);
                if (h == null) {
                    break;
                }
                out.add(Hex.data(h.hash()));
            }
            return out;
        }
    }

    /**
     * The logs matching {@code query} in blocks {@code from..to}, stopping at the end of the first block
     * that brings their number to {@code maxLogs} or more: a block's logs are never split between pages.
     */
    @Override
    public FilterRegistry.LogPage logPage(long from, long to, LogFilter query, int maxLogs) {
        try (ChainView v = store.openView()) {
            List<JsonObject> out = new ArrayList<>();
            long n = from;
            for (; n <= to && out.size() < maxLogs; n++) {
                if (v.header(n) == null) {
                    break;
                }
                forEachLog(v, n, query, out::add);
            }
            return new FilterRegistry.LogPage(out, n - 1);
        }
    }

    /**
     * A block tag: latest, earliest, pending (= latest here: blocks are final once applied), safe, finalized or a
     * number. {@code name} says which parameter it is, for the error.
     */
    static long resolve(String tag, long head, String name) {
        return switch (tag) {
            case "latest", "pending", "safe", "finalized" -> head;
            case "earliest" -> 0;
            default -> {
                try {
                    yield Hex.parseQuantity(tag);
                } catch (IllegalArgumentException e) {
                    throw new RpcException(RpcException.INVALID_PARAMS, name + ": " + e.getMessage()
                            + ", or a tag (latest, earliest, pending)");
                }
            }
        };
    }

    Object blockByNumber(String tag, boolean full) {
        try (ChainView v = store.openView()) {
            return block(v, resolve(tag, v.head().number(), "eth_getBlockByNumber: block"), full);
        }
    }

    Object blockByHash(byte[] hash, boolean full) {
        try (ChainView v = store.openView()) {
            long n = v.blockNumber(hash);
            return n < 0 ? null : block(v, n, full);
        }
    }

    private JsonObject block(ChainView v, long number, boolean full) {
        BlockHeader h = v.header(number);
        if (h == null) {
            return null;
        }
        byte[] hash = h.hash();
        JsonArray txs = new JsonArray();
        int size = BlockHeader.ENCODED_LENGTH;
        for (byte[] txHash : v.transactionHashes(number)) {
            if (full) {
                StoredTx stored = v.transaction(txHash);
                size += stored.raw().length;
                txs.add(transaction(stored, hash, txHash));
            } else {
                txs.add(Hex.data(txHash));
            }
        }
        return EthJson.block(h, hash, txs, size);
    }

    private JsonObject transaction(StoredTx stored, byte[] blockHash, byte[] txHash) {
        return renderer.render(stored.raw())
                .put("hash", Hex.data(txHash))
                .put("from", stored.sender().toHex())
                .put("blockHash", Hex.data(blockHash))
                .put("blockNumber", Hex.quantity(stored.blockNumber()))
                .put("transactionIndex", Hex.quantity(stored.index()));
    }

    /** The signed bytes as included (geth's method): what an auditor re-executes to check a block. */
    Object rawTransactionByHash(byte[] hash) {
        try (ChainView v = store.openView()) {
            StoredTx stored = v.transaction(hash);
            return stored == null ? null : Hex.data(stored.raw());
        }
    }

    Object transactionByHash(byte[] hash) {
        try (ChainView v = store.openView()) {
            StoredTx stored = v.transaction(hash);
            return stored == null ? null : transaction(stored, v.header(stored.blockNumber()).hash(), hash);
        }
    }

    Object receipt(byte[] hash) {
        try (ChainView v = store.openView()) {
            StoredTx stored = v.transaction(hash);
            if (stored == null) {
                return null;
            }
            int type = stored.raw().length > 0 && (stored.raw()[0] & 0xFF) < 0x7f ? stored.raw()[0] : 0;
            return EthJson.receipt(v.receipt(hash), v.header(stored.blockNumber()).hash(), type);
        }
    }

    /** eth_getLogs: a filter object with a block range or a block hash. */
    JsonArray logs(JsonObject filter) {
        LogFilter query = LogFilter.parse(filter, "filter");
        if (filter.getValue("blockHash") == null) {
            return logs("eth_getLogs", query, filter.getString("fromBlock", "latest"),
                    filter.getString("toBlock", "latest"));
        }
        try (ChainView v = store.openView()) {
            long n = v.blockNumber(blockHash(filter.getString("blockHash")));
            if (n < 0) {
                throw new RpcException(RpcException.RESOURCE_NOT_FOUND, "block " + filter.getString("blockHash") + " not found", null);
            }
            return logs("eth_getLogs", v, n, n, query);
        }
    }

    /** The logs matching {@code query} from block {@code fromTag} to {@code toTag}; {@code method} names the caller in errors. */
    @Override
    public JsonArray logs(String method, LogFilter query, String fromTag, String toTag) {
        try (ChainView v = store.openView()) {
            long head = v.head().number();
            long from = resolve(fromTag, head, method + ": fromBlock");
            long to = resolve(toTag, head, method + ": toBlock");
            // The limit applies to the range asked, as in Besu, so that a query accepted on a young chain
            // is not refused later; the scan itself stops at the head.
            requireRange(method, from, to);
            return logs(method, v, from, Math.min(to, head), query);
        }
    }

    /** Both ends are non-negative, so {@code to - from} cannot overflow (the count, to - from + 1, can). */
    private static void requireRange(String method, long from, long to) {
        if (to - from >= MAX_LOG_BLOCK_RANGE) {
            throw new RpcException(RpcException.LIMIT_EXCEEDED, method + ": a range of "
                    + Long.toUnsignedString(to - from + 1) + " blocks exceeds the limit of " + MAX_LOG_BLOCK_RANGE
                    + "; split the query", null);
        }
    }

    /** A malformed hash is the client's error (-32602), not an internal one. */
    private static byte[] blockHash(String hash) {
        try {
            return Hex.parseHash(hash);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, "eth_getLogs: blockHash: " + e.getMessage(), null);
        }
    }

    private static JsonArray logs(String method, ChainView v, long from, long to, LogFilter query) {
        JsonArray out = new JsonArray();
        for (long n = from; n <= to; n++) {
            forEachLog(v, n, query, log -> {
                if (out.size() >= MAX_LOGS) {
                    throw new RpcException(RpcException.LIMIT_EXCEEDED, method + ": more than " + MAX_LOGS
                            + " logs match; narrow the block range or the filter", null);
                }
                out.add(log);
            });
        }
        return out;
    }

    private static void forEachLog(ChainView v, long number, LogFilter query, Consumer<JsonObject> sink) {
        List<byte[]> hashes = v.transactionHashes(number);
        if (hashes.isEmpty()) {
            return;
        }
        byte[] blockHash = v.header(number).hash();
        for (byte[] txHash : hashes) {
            TxReceipt r = v.receipt(txHash);
            for (int i = 0; i < r.logs().size(); i++) {
                JsonObject log = EthJson.log(r.logs().get(i), r, blockHash, r.firstLogIndex() + i);
                if (query.matches(log)) {
                    sink.accept(log);
                }
            }
        }
    }
}
