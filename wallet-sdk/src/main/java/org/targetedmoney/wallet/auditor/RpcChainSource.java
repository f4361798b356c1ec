package org.targetedmoney.wallet.auditor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.tx.TxDecoder;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import tools.jackson.databind.JsonNode;

/**
 * Reads blocks over JSON-RPC with web3j, in bounded batch requests: one batch for the blocks (with their full
 * transactions), one for the raw signed transactions and receipts of those blocks. Everything is parsed into
 * {@link PublishedBlock}s and believed by nobody: a malformed answer is an {@link IOException} naming the method
 * and field.
 */
public final class RpcChainSource implements ChainSource {
    /** Blocks read per round trip. */
    public static final int MAX_BLOCKS_PER_BATCH = 50;
    /** Requests per JSON-RPC batch (two per transaction: the raw bytes and the receipt). */
    static final int MAX_REQUESTS_PER_BATCH = 1_000;
    private static final HexFormat HEX = HexFormat.of();

    private final Web3jService service;

    public RpcChainSource(Web3jService service) {
        this.service = service;
    }

    /** Any JSON result, kept as a tree: the node's blocks carry fields web3j's types do not know (epoch, raftIndex). */
    public static final class Json extends Response<JsonNode> {}

    private Request<?, Json> request(String method, Object... params) {
        return new Request<>(method, List.of(params), service, Json.class);
    }

    @Override
    public long headNumber() throws IOException {
        return quantity(result(request("eth_blockNumber").send(), "eth_blockNumber"), "eth_blockNumber");
    }

    @Override
    public List<PublishedBlock> blocks(long from, long to) throws IOException {
        if (to < from || to - from >= MAX_BLOCKS_PER_BATCH) {
            throw new IllegalArgumentException("a batch is 1 to " + MAX_BLOCKS_PER_BATCH + " blocks: " + from + ".." + to);
        }
        List<Request<?, Json>> blockRequests = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            blockRequests.add(request("eth_getBlockByNumber", "0x" + Long.toHexString(n), true));
        }
        List<JsonNode> blocks = batch(blockRequests);
        List<Request<?, Json>> txRequests = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) == null || blocks.get(i).isNull()) {
                throw new IOException("eth_getBlockByNumber: block " + (from + i) + " is missing");
            }
            for (JsonNode tx : blocks.get(i).path("transactions")) {
                String hash = text(tx, "hash", "transaction");
                txRequests.add(request("eth_getRawTransactionByHash", hash));
                txRequests.add(request("eth_getTransactionReceipt", hash));
            }
        }
        List<JsonNode> txAnswers = new ArrayList<>(txRequests.size());
        for (int i = 0; i < txRequests.size(); i += MAX_REQUESTS_PER_BATCH) {
            txAnswers.addAll(batch(txRequests.subList(i, Math.min(txRequests.size(), i + MAX_REQUESTS_PER_BATCH))));
        }
        List<PublishedBlock> out = new ArrayList<>(blocks.size());
        int k = 0;
        for (JsonNode block : blocks) {
            List<PublishedBlock.Tx> txs = new ArrayList<>();
            for (JsonNode tx : block.path("transactions")) {
                txs.add(tx(tx, txAnswers.get(k), txAnswers.get(k + 1)));
                k += 2;
            }
            out.add(block(block, txs));
        }
        return out;
    }

    private List<JsonNode> batch(List<Request<?, Json>> requests) throws IOException {
        BatchRequest batch = new BatchRequest(service);
        requests.forEach(batch::add);
        BatchResponse response = batch.send();
        List<? extends Response<?>> answers = response.getResponses();
        if (answers.size() != requests.size()) {
            throw new IOException("a batch of " + requests.size() + " requests got " + answers.size() + " answers");
        }
        List<JsonNode> out = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            out.add(result((Json) answers.get(i), requests.get(i).getMethod()));
        }
        return out;
    }

    private static JsonNode result(Json r, String method) throws IOException {
        if (r.hasError()) {
            throw new IOException(method + ": " + r.getError().getCode() + " " + r.getError().getMessage());
        }
        return r.getResult();
    }

    private static PublishedBlock block(JsonNode b, List<PublishedBlock.Tx> txs) throws IOException {
        return new PublishedBlock(quantity(b.get("number"), "block.number"), hash(b, "hash"), hash(b, "parentHash"),
                quantity(b.get("timestamp"), "block.timestamp"), address(b, "miner"),
                Math.toIntExact(quantity(b.get("epoch"), "block.epoch")),
                quantity(b.get("raftIndex"), "block.raftIndex"), hash(b, "transactionsRoot"),
                hash(b, "receiptsRoot"), hash(b, "stateRoot"), data(b, "logsBloom", 256), txs);
    }

    private static PublishedBlock.Tx tx(JsonNode tx, JsonNode raw, JsonNode receipt) throws IOException {
        if (raw == null || raw.isNull()) {
            throw new IOException("eth_getRawTransactionByHash: no transaction " + tx.path("hash").asString());
        }
        byte[] rawBytes = hex(raw.asString(), "raw transaction", TxDecoder.MAX_RAW_TX_BYTES);
        return new PublishedBlock.Tx(hash(tx, "hash"), address(tx, "from"), rawBytes,
                receipt == null || receipt.isNull() ? null : receipt(receipt));
    }

    private static PublishedBlock.Receipt receipt(JsonNode r) throws IOException {
        List<PublishedBlock.Log> logs = new ArrayList<>();
        for (JsonNode l : r.path("logs")) {
            List<byte[]> topics = new ArrayList<>();
            for (JsonNode t : l.path("topics")) {
                topics.add(hex(t.asString(), "log topic", 32));
            }
            logs.add(new PublishedBlock.Log(Math.toIntExact(quantity(l.get("logIndex"), "log.logIndex")),
                    address(l, "address"), topics, data(l, "data", TxDecoder.MAX_RAW_TX_BYTES)));
        }
        boolean success = "0x1".equals(text(r, "status", "receipt"));
        byte[] revert = r.hasNonNull("revertReason") ? data(r, "revertReason", TxDecoder.MAX_RAW_TX_BYTES) : new byte[0];
        return new PublishedBlock.Receipt(Math.toIntExact(quantity(r.get("transactionIndex"),
                "receipt.transactionIndex")), success, revert, logs);
    }

    @Override
    public NodeInvariants invariants() throws IOException {
        JsonNode r = result(request("ledger_invariants").send(), "ledger_invariants");
        List<PurposeFigures> purposes = new ArrayList<>();
        for (JsonNode p : r.path("purposes")) {
            purposes.add(new PurposeFigures(p.path("purpose").asInt(), p.path("symbol").asString(),
                    cents(p, "issued"), cents(p, "spent"), cents(p, "redeemed"), cents(p, "expired"),
                    cents(p, "providerBalances"), cents(p, "memberBalances")));
        }
        return new NodeInvariants(quantity(r.get("blockNumber"), "ledger_invariants.blockNumber"),
                r.path("holds").asBoolean(false), purposes);
    }

    private static long cents(JsonNode p, String field) throws IOException {
        try {
            return Long.parseLong(p.path(field).asString());
        } catch (NumberFormatException e) {
            throw new IOException("ledger_invariants: " + field + " is not an amount in cents: " + p.path(field));
        }
    }

    private static String text(JsonNode o, String field, String what) throws IOException {
        JsonNode v = o.get(field);
        if (v == null || !v.isString()) {
            throw new IOException(what + "." + field + " is missing or not a string");
        }
        return v.asString();
    }

    private static long quantity(JsonNode v, String what) throws IOException {
        if (v == null || !v.isString() || !v.asString().startsWith("0x") || v.asString().length() > 18) {
            throw new IOException(what + " is not a hex quantity: " + v);
        }
        try {
            return Long.parseUnsignedLong(v.asString().substring(2), 16);
        } catch (NumberFormatException e) {
            throw new IOException(what + " is not a hex quantity: " + v);
        }
    }

    private static byte[] hash(JsonNode o, String field) throws IOException {
        byte[] b = data(o, field, 32);
        if (b.length != 32) {
            throw new IOException(field + " is not 32 bytes: " + o.get(field));
        }
        return b;
    }

    private static Address address(JsonNode o, String field) throws IOException {
        try {
            return Address.fromHex(text(o, field, "object"));
        } catch (IllegalArgumentException e) {
            throw new IOException(field + ": " + e.getMessage());
        }
    }

    private static byte[] data(JsonNode o, String field, int maxBytes) throws IOException {
        return hex(text(o, field, "object"), field, maxBytes);
    }

    private static byte[] hex(String s, String what, int maxBytes) throws IOException {
        if (!s.startsWith("0x") || s.length() % 2 != 0 || (s.length() - 2) / 2 > maxBytes) {
            throw new IOException(what + " is not 0x-prefixed hex of at most " + maxBytes + " bytes");
        }
        try {
            return HEX.parseHex(s, 2, s.length());
        } catch (IllegalArgumentException e) {
            throw new IOException(what + ": " + e.getMessage());
        }
    }
}
