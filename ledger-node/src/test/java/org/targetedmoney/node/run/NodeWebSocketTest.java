package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.COMMITTEE;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import io.reactivex.disposables.Disposable;
import io.reactivex.flowables.ConnectableFlowable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.policy.abi.EventLogs;
import org.targetedmoney.policy.abi.SystemContracts;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.websocket.WebSocketService;
import org.web3j.protocol.websocket.events.LogNotification;
import org.web3j.protocol.websocket.events.NewHeadsNotification;
import org.web3j.utils.Numeric;

/**
 * eth_subscribe against a running node: newHeads and logs notifications over its WebSocket endpoint (the HTTP
 * port, path {@code /ws}) for a payment sent over HTTP, with the JDK's WebSocket client and with web3j's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeWebSocketTest {
    /** Bounds every wait for a message. */
    private static final long TIMEOUT_SECONDS = 30;
    /** How often the web3j test looks whether its subscriptions are confirmed. */
    private static final long CONFIRMATION_POLL_MILLIS = 10;
    private static final String LEDGER = SystemContracts.LEDGER.toHex();
    private static final String PAYMENT = Numeric.toHexString(EventLogs.PAYMENT);

    @TempDir
    static Path dir;
    RunningNode node;

    @BeforeAll
    void start() throws Exception {
        node = new RunningNode(dir, TestNetwork.midGenesisMonth());
        node.enrolAliceConventionShopOpenEpoch();
    }

    @AfterAll
    void stop() {
        node.close();
    }

    static Address addr(org.web3j.crypto.Credentials c) {
        return new Address(c.getAddress());
    }

    private String webSocketUrl() {
        return "ws://127.0.0.1:" + node.node.rpcPort() + "/ws";
    }

    private JsonObject pay(long cents) throws Exception {
        JsonObject receipt = node.sendAs(ALICE, "pay", addr(SHOP), new Uint32(FOOD), new Uint256(cents),
                new Bytes32(new byte[32]));
        assertThat(receipt.getString("status")).isEqualTo("0x1");
        return receipt;
    }

    /** The JDK's WebSocket client; every text message (frames joined) lands in {@link #messages}. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final HttpClient http = HttpClient.newHttpClient();
        final WebSocket socket;

        Client(String url) {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(url), this).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(new JsonObject(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonObject next() throws InterruptedException {
            JsonObject message = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(message).as("a WebSocket message within %d s", TIMEOUT_SECONDS).isNotNull();
            return message;
        }

        /** Sends a request and returns its reply, which must be the next message. */
        JsonObject call(int id, String method, JsonArray params) throws InterruptedException {
            socket.sendText(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method)
                    .put("params", params).encode(), true).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            JsonObject reply = next();
            assertThat(reply.getInteger("id")).isEqualTo(id);
            return reply;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
            http.close();
        }
    }

    @Test
    void subscribe_newHeadsAndPaymentLogs_notifiesTheBlockAndTheLogOfAPaymentSentOverHttp() throws Exception {
        Client client = new Client(webSocketUrl());
        try {
            String heads = client.call(1, "eth_subscribe", new JsonArray().add("newHeads")).getString("result");
            String logs = client.call(2, "eth_subscribe", new JsonArray().add("logs").add(new JsonObject()
                    .put("address", LEDGER).put("topics", new JsonArray().add(PAYMENT)))).getString("result");

            JsonObject receipt = pay(2_500);

            // The node publishes a block's head, then its logs; the Transfer log (token address) is filtered out.
            JsonObject head = notification(client.next(), heads);
            JsonObject log = notification(client.next(), logs);
            JsonObject block = node.call("eth_getBlockByNumber", receipt.getString("blockNumber"), false)
                    .getJsonObject("result");
            assertThat(head.getString("number")).isEqualTo(receipt.getString("blockNumber"));
            assertThat(head.getString("hash")).isEqualTo(block.getString("hash"))
                    .isEqualTo(receipt.getString("blockHash"));
            for (String field : List.of("parentHash", "timestamp", "logsBloom", "receiptsRoot", "miner")) {
                assertThat(head.getString(field)).as(field).isEqualTo(block.getString(field));
            }
            assertThat(log).isEqualTo(receipt.getJsonArray("logs").getJsonObject(0));
            assertThat(log.getJsonArray("topics")).containsExactly(PAYMENT, topic(ALICE), topic(SHOP),
                    Numeric.toHexStringWithPrefixZeroPadded(java.math.BigInteger.valueOf(FOOD), 64));
            assertThat(client.messages.poll(100, TimeUnit.MILLISECONDS)).as("nothing else").isNull();
        } finally {
            client.close();
        }
    }

    private static String topic(org.web3j.crypto.Credentials who) {
        return "0x" + "0".repeat(24) + who.getAddress().substring(2);
    }

    /** The result of an eth_subscription notification, after checking it is for {@code subscription}. */
    private static JsonObject notification(JsonObject message, String subscription) {
        assertThat(message.getString("method")).isEqualTo("eth_subscription");
        assertThat(message.getJsonObject("params").getString("subscription")).isEqualTo(subscription);
        return message.getJsonObject("params").getJsonObject("result");
    }

    @Test
    void web3jWebSocketService_newHeadsAndLogsNotifications_receiveAPayment() throws Exception {
        WebSocketService service = new WebSocketService(webSocketUrl(), false);
        service.connect();
        Web3j web3j = Web3j.build(service);
        try {
            ConnectableFlowable<NewHeadsNotification> heads = web3j.newHeadsNotifications().replay();
            ConnectableFlowable<LogNotification> logs = web3j.logsNotifications(List.of(LEDGER), List.of(PAYMENT))
                    .replay();
            // Not disposed: web3j would unsubscribe asynchronously and log an error when shutdown() cuts the reply
            // off. Closing the connection ends the subscriptions on the node.
            List<Disposable> subscriptions = List.of(heads.connect(), logs.connect());
            awaitConfirmed(service, subscriptions.size());

            JsonObject receipt = pay(3_500);

            NewHeadsNotification head = heads.timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).blockingFirst();
            LogNotification log = logs.timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).blockingFirst();
            assertThat(head.getParams().getResult().getHash()).isEqualTo(receipt.getString("blockHash"));
            assertThat(head.getParams().getResult().getNumber()).isEqualTo(receipt.getString("blockNumber"));
            assertThat(log.getParams().getResult().getTransactionHash())
                    .isEqualTo(receipt.getString("transactionHash"));
            assertThat(log.getParams().getResult().getTopics().get(0)).isEqualTo(PAYMENT);
        } finally {
            web3j.shutdown();
        }
    }

    /** web3j sends eth_subscribe at once but learns the subscription id later; notifications before are dropped. */
    private static void awaitConfirmed(WebSocketService service, int subscriptions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (service.getSubscriptionIdsMap().size() < subscriptions) {
            assertThat(System.nanoTime()).as("subscriptions confirmed in time").isLessThan(deadline);
            Thread.sleep(CONFIRMATION_POLL_MILLIS);
        }
    }
}
