package org.targetedmoney.bridge.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.rules.LedgerEvent;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A JSON-RPC endpoint on loopback that plays a ledger node for the follower: a head block, block timestamps
 * ({@code TIME_ZERO + number}), and logs at chosen positions; it refuses eth_getLogs over more than
 * {@code maxBlocksPerQuery} blocks with -32005, as the node does when too many logs match, and records every
 * request. Public for the service's tests (package run), which start a bridge against it.
 */
public final class FakeNode implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long TIME_ZERO = 1_793_491_200L;

    private final HttpServer server;
    private final List<ObjectNode> logs = new ArrayList<>();
    final List<JsonNode> requests = new ArrayList<>();
    volatile long head;
    volatile long maxBlocksPerQuery = Long.MAX_VALUE;
    /**
     * When set, every request but eth_chainId (which a client asks once, on connecting) is answered with this
     * JSON-RPC error message (code -32603).
     */
    public volatile String failWith;

    public FakeNode(long head) throws IOException {
        this.head = head;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            synchronized (requests) {
                requests.add(request);
            }
            byte[] body = JSON.writeValueAsBytes(answer(request));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Its JSON-RPC URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    LedgerConnection connection() {
        return new LedgerConnection(new HttpService("http://127.0.0.1:" + server.getAddress().getPort()), 1337);
    }

    /** Adds the ledger log of {@code event} at {@code (block, logIndex)}. */
    FakeNode log(long block, int logIndex, LedgerEvent event) {
        org.targetedmoney.policy.abi.Log log = EventLogs.toLogs(event).get(0);
        ObjectNode l = JSON.createObjectNode().put("address", log.address().toHex())
                .put("data", Numeric.toHexString(log.data())).put("blockNumber", hex(block))
                .put("logIndex", hex(logIndex)).put("transactionHash", "0x" + String.format("%064x", block * 100 + logIndex))
                .put("transactionIndex", "0x0").put("blockHash", "0x" + String.format("%064x", block))
                .put("removed", false);
        ArrayNode topics = l.putArray("topics");
        log.topics().forEach(t -> topics.add(Numeric.toHexString(t)));
        logs.add(l);
        return this;
    }

    long count(String method) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.get("method").asText().equals(method)).count();
        }
    }

    private ObjectNode answer(JsonNode request) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", request.get("id"));
        String method = request.get("method").asText();
        JsonNode params = request.get("params");
        if (method.equals("eth_chainId")) {
            response.put("result", hex(1337));
            return response;
        }
        if (failWith != null) {
            response.set("error", JSON.createObjectNode().put("code", -32603).put("message", failWith));
            return response;
        }
        switch (method) {
            case "eth_blockNumber" -> response.put("result", hex(head));
            case "eth_getBlockByNumber" -> {
                long n = Numeric.toBigInt(params.get(0).asText()).longValueExact();
                ObjectNode block = JSON.createObjectNode().put("number", hex(n)).put("timestamp", hex(TIME_ZERO + n))
                        .put("hash", "0x" + String.format("%064x", n));
                block.putArray("transactions");
                response.set("result", n <= head ? block : JSON.nullNode());
            }
            case "eth_getLogs" -> {
                long from = Numeric.toBigInt(params.get(0).get("fromBlock").asText()).longValueExact();
                long to = Numeric.toBigInt(params.get(0).get("toBlock").asText()).longValueExact();
                if (to - from + 1 > maxBlocksPerQuery) {
                    response.set("error", JSON.createObjectNode().put("code", -32005)
                            .put("message", "eth_getLogs: more than 10000 logs match; narrow the block range"));
                } else {
                    ArrayNode out = response.putArray("result");
                    logs.stream().filter(l -> {
                        long b = Numeric.toBigInt(l.get("blockNumber").asText()).longValueExact();
                        return b >= from && b <= to;
                    }).forEach(out::add);
                }
            }
            default -> response.set("error", JSON.createObjectNode().put("code", -32601).put("message", method));
        }
        return response;
    }

    private static String hex(long n) {
        return Numeric.toHexStringWithPrefix(BigInteger.valueOf(n));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
