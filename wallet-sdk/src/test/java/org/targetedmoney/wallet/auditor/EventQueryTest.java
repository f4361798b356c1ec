package org.targetedmoney.wallet.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.rules.LedgerEvent.CapitationPaid;
import org.targetedmoney.policy.rules.LedgerEvent.Redeemed;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** Positioned reads against a JSON-RPC endpoint that answers canned results and records what it was asked. */
class EventQueryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Address SHOP = Address.fromHex("0x00000000000000000000000000000000000000bb");

    HttpServer server;
    LedgerConnection ledger;
    final List<JsonNode> requests = new ArrayList<>();
    /** Result (or error, as {"error": {...}}) per JSON-RPC method. */
    final Map<String, JsonNode> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            synchronized (requests) {
                requests.add(request);
            }
            ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
            response.set("id", request.get("id"));
            JsonNode answer = answers.get(request.get("method").asText());
            if (answer != null && answer.has("error")) {
                response.set("error", answer.get("error"));
            } else {
                response.set("result", answer);
            }
            byte[] body = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ledger = new LedgerConnection(new HttpService("http://127.0.0.1:" + server.getAddress().getPort()), 1337);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static ObjectNode log(org.targetedmoney.policy.abi.Log log, long block, int logIndex, String txHash) {
        ObjectNode l = JSON.createObjectNode().put("address", log.address().toHex())
                .put("data", Numeric.toHexString(log.data())).put("blockNumber", Numeric.toHexStringWithPrefix(
                        java.math.BigInteger.valueOf(block))).put("logIndex", "0x" + Integer.toHexString(logIndex))
                .put("transactionHash", txHash).put("transactionIndex", "0x0").put("blockHash", "0x" + "cd".repeat(32))
                .put("removed", false);
        ArrayNode topics = l.putArray("topics");
        log.topics().forEach(t -> topics.add(Numeric.toHexString(t)));
        return l;
    }

    @Test
    void positionedEvents_asksForTheTopicAlternativesInOneCall_andGivesThemInChainOrderWithPositions()
            throws Exception {
        String tx1 = "0x" + "01".repeat(32);
        String tx2 = "0x" + "02".repeat(32);
        ArrayNode logs = JSON.createArrayNode();
        // Answered out of order: the query sorts by position.
        logs.add(log(EventLogs.toLogs(new CapitationPaid(SHOP, 1, 682, 3, 1_500, 9)).get(0), 9, 0, tx2));
        logs.add(log(EventLogs.toLogs(new Redeemed(SHOP, 2, 700, 5)).get(0), 5, 3, tx1));
        answers.put("eth_getLogs", logs);

        List<PositionedEvent> events = EventQuery.positionedEvents(ledger, 5, 9, List.of(EventDecoder.REDEEMED_TOPIC,
                EventDecoder.CLAIM_PAID_TOPIC, EventDecoder.CAPITATION_PAID_TOPIC));

        assertThat(events).containsExactly(
                new PositionedEvent(5, 3, tx1, new LedgerEvent.Redeemed(5, SHOP.toHex(), 2, 700, 5)),
                new PositionedEvent(9, 0, tx2, new LedgerEvent.CapitationPaid(9, SHOP.toHex(), 1, 682, 3, 1_500)));
        JsonNode filter = requests.getLast().get("params").get(0);
        assertThat(filter.get("fromBlock").asText()).isEqualTo("0x5");
        assertThat(filter.get("toBlock").asText()).isEqualTo("0x9");
        assertThat(filter.get("topics")).hasSize(1);
        assertThat(filter.get("topics").get(0)).extracting(JsonNode::asText).containsExactly(
                EventDecoder.REDEEMED_TOPIC, EventDecoder.CLAIM_PAID_TOPIC, EventDecoder.CAPITATION_PAID_TOPIC);
    }

    @Test
    void positionedEvents_nodeError_isARequestExceptionNamingTheMethod() {
        answers.put("eth_getLogs", JSON.createObjectNode().set("error", JSON.createObjectNode().put("code", -32005)
                .put("message", "more than 10000 logs")));

        assertThatThrownBy(() -> EventQuery.positionedEvents(ledger, 1, 2, List.of(EventDecoder.REDEEMED_TOPIC)))
                .isInstanceOfSatisfying(LedgerRequestException.class, e -> assertThat(e.rpcCode()).isEqualTo(-32005))
                .hasMessage("eth_getLogs: more than 10000 logs");
    }

    @Test
    void positionedEvents_nodeDown_isARequestExceptionSayingSo() {
        server.stop(0);

        assertThatThrownBy(() -> EventQuery.positionedEvents(ledger, 1, 2, List.of(EventDecoder.REDEEMED_TOPIC)))
                .isInstanceOf(LedgerRequestException.class).hasMessageStartingWith("the node is unreachable (eth_getLogs)");
    }

    @Test
    void positionedEvents_emptyRangeOrNoTopic_isABug() {
        assertThatThrownBy(() -> EventQuery.positionedEvents(ledger, 3, 2, List.of(EventDecoder.REDEEMED_TOPIC)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventQuery.positionedEvents(ledger, 1, 2, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headBlockAndBlockTimestamp_readTheNodesAnswers() throws Exception {
        answers.put("eth_blockNumber", JSON.getNodeFactory().textNode("0x2a"));
        ObjectNode block = JSON.createObjectNode().put("number", "0x7").put("timestamp", "0x6a0e9b00")
                .put("hash", "0x" + "ab".repeat(32));
        block.putArray("transactions");
        answers.put("eth_getBlockByNumber", block);

        assertThat(EventQuery.headBlock(ledger)).isEqualTo(42);
        assertThat(EventQuery.blockTimestampSeconds(ledger, 7)).isEqualTo(0x6a0e9b00L);
        assertThat(requests.getLast().get("params").get(0).asText()).isEqualTo("0x7");
    }

    @Test
    void blockTimestamp_ofABlockTheNodeDoesNotHave_isRefused() {
        answers.put("eth_getBlockByNumber", JSON.nullNode());

        assertThatThrownBy(() -> EventQuery.blockTimestampSeconds(ledger, 99)).isInstanceOf(
                LedgerRequestException.class).hasMessageContaining("no block 99");
    }
}
