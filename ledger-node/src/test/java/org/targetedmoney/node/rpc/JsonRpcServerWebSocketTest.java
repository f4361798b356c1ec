package org.targetedmoney.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonRpcServerWebSocketTest {
  private static final int MAX_SUBSCRIPTIONS = 2;
  private static final String CONTRACT = "0x" + "ab".repeat(20);
  private static final String OTHER = "0x" + "cd".repeat(20);
  private static final String PAYMENT = "0x" + "11".repeat(32);
  private static final String ISSUED = "0x" + "22".repeat(32);
  private static final String ALICE = "0x" + "33".repeat(32);
  /** Bounds the slow-consumer loop: 64 KiB heads, at most 64 MiB in all. */
  private static final int MAX_PUBLICATIONS = 1_024;
  private static final int LARGE_HEAD_CHARS = 64 * 1024;
  private static final int SMALL_WRITE_QUEUE_BYTES = 4 * 1024;

  private RpcTestServer server;

  @BeforeEach
  void start() {
    server = new RpcTestServer();
    server.methods.registerSync("test_echo", params -> params);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RpcTestServer.Client connect(RpcConfig config, String path) {
    return server.start(config).webSocket(path);
  }

  private static RpcConfig limits() {
    return RpcConfig.defaults().withMaxSubscriptionsPerConnection(MAX_SUBSCRIPTIONS);
  }

  private static JsonObject log(String address, String... topics) {
    return new JsonObject().put("address", address).put("topics", new JsonArray(List.of((Object[]) topics)))
        .put("data", "0x");
  }

  /** A reply that proves every notification published before it was already delivered. */
  private static void assertNextIsEchoReply(RpcTestServer.Client client, int id) throws Exception {
    JsonObject reply = client.call(id, "test_echo", "[\"barrier\"]");
    assertThat(reply.getInteger("id")).as("no notification before the barrier reply").isEqualTo(id);
  }

  @Test
  void webSocket_servesRegisteredMethods_onBothPaths() throws Exception {
    RpcTestServer.Client root = connect(limits(), "/");
    assertThat(root.call(1, "test_echo", "[1]").getJsonArray("result")).containsExactly(1);
    RpcTestServer.Client ws = server.webSocket("/ws");
    JsonObject error = ws.call(2, "eth_foo", "[]").getJsonObject("error");
    assertThat(error.getInteger("code")).isEqualTo(-32601);
  }

  @Test
  void subscribe_newHeads_notifiesUntilUnsubscribed() throws Exception {
    RpcTestServer.Client client = connect(limits(), "/ws");
    String id = client.call(1, "eth_subscribe", "[\"newHeads\"]").getString("result");
    assertThat(id).matches("0x[0-9a-f]{32}");

    server.hub.publishNewHead(new JsonObject().put("number", "0x1"));
    JsonObject notification = client.next();
    assertThat(notification).isEqualTo(new JsonObject().put("jsonrpc", "2.0")
        .put("method", "eth_subscription").put("params", new JsonObject()
            .put("subscription", id).put("result", new JsonObject().put("number", "0x1"))));

    assertThat(client.call(2, "eth_unsubscribe", "[\"" + id + "\"]").getBoolean("result")).isTrue();
    server.hub.publishNewHead(new JsonObject().put("number", "0x2"));
    assertNextIsEchoReply(client, 3);
    assertThat(client.call(4, "eth_unsubscribe", "[\"" + id + "\"]")
        .getJsonObject("error").getInteger("code")).isEqualTo(-32000);
    assertThat(server.hub.subscriptionCount()).isZero();
  }

  @Test
  void subscribe_logs_deliversOnlyMatchingLogs_onePerNotification() throws Exception {
    RpcTestServer.Client client = connect(limits(), "/ws");
    String filter = "{\"address\":[\"" + CONTRACT + "\"],\"topics\":[[\"" + PAYMENT + "\",\""
        + ISSUED + "\"],null,\"" + ALICE + "\"]}";
    String id = client.call(1, "eth_subscribe", "[\"logs\"," + filter + "]").getString("result");

    JsonObject payment = log(CONTRACT, PAYMENT, ISSUED, ALICE);
    JsonObject issued = log(CONTRACT.toUpperCase().replace("0X", "0x"), ISSUED, PAYMENT, ALICE);
    server.hub.publishLogs(List.of(
        log(OTHER, PAYMENT, ISSUED, ALICE), payment, log(CONTRACT, ALICE, ISSUED, ALICE),
        log(CONTRACT, PAYMENT, ISSUED), issued));

    for (JsonObject expected : List.of(payment, issued)) {
      JsonObject params = client.next().getJsonObject("params");
      assertThat(params.getString("subscription")).isEqualTo(id);
      assertThat(params.getJsonObject("result")).isEqualTo(expected);
    }
    assertNextIsEchoReply(client, 2);
  }

  @Test
  void subscribe_badFilterOrType_isInvalidParams() throws Exception {
    RpcTestServer.Client client = connect(limits(), "/ws");
    JsonObject badAddress = client.call(1, "eth_subscribe", "[\"logs\",{\"address\":\"0x1\"}]")
        .getJsonObject("error");
    assertThat(badAddress.getInteger("code")).isEqualTo(-32602);
    assertThat(badAddress.getString("message")).contains("params[1].address");
    JsonObject badType = client.call(2, "eth_subscribe", "[\"syncing\"]").getJsonObject("error");
    assertThat(badType.getInteger("code")).isEqualTo(-32602);
    assertThat(server.hub.subscriptionCount()).isZero();
  }

  @Test
  void subscribe_beyondLimit_isLimitExceeded_andCloseReleasesSubscriptions() throws Exception {
    RpcTestServer.Client client = connect(limits(), "/ws");
    for (int i = 0; i < MAX_SUBSCRIPTIONS; i++) {
      assertThat(client.call(i, "eth_subscribe", "[\"newHeads\"]").getString("result")).isNotNull();
    }
    JsonObject error = client.call(9, "eth_subscribe", "[\"logs\"]").getJsonObject("error");
    assertThat(error.getInteger("code")).isEqualTo(-32005);
    assertThat(error.getString("message")).contains(String.valueOf(MAX_SUBSCRIPTIONS));
    assertThat(server.hub.subscriptionCount()).isEqualTo(MAX_SUBSCRIPTIONS);

    RpcTestServer.await(client.socket().close());
    awaitCondition(() -> server.hub.subscriptionCount() == 0 && server.hub.connectionCount() == 0);
  }

  @Test
  void slowConsumer_isDropped_whenItsWriteQueueIsFull() throws Exception {
    server.start(limits().withMaxWebSocketWriteQueueBytes(SMALL_WRITE_QUEUE_BYTES));
    // A raw socket that subscribes and then never reads, so the server's queue must fill up.
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(SMALL_WRITE_QUEUE_BYTES);
      socket.connect(new InetSocketAddress("127.0.0.1", server.port));
      RawWebSocket.handshake(socket, "/ws");
      RawWebSocket.sendText(socket, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\","
          + "\"params\":[\"newHeads\"]}");
      awaitCondition(() -> server.hub.subscriptionCount() == 1);
      JsonObject head = new JsonObject().put("extraData", "x".repeat(LARGE_HEAD_CHARS));
      for (int i = 0; i < MAX_PUBLICATIONS && server.metrics.slowConsumersDroppedCount() == 0; i++) {
        server.hub.publishNewHead(head);
        TimeUnit.MILLISECONDS.sleep(1); // lets the event loop write, as blocks would
      }
      awaitCondition(() -> server.metrics.slowConsumersDroppedCount() == 1);
      awaitCondition(() -> server.hub.connectionCount() == 0 && server.hub.subscriptionCount() == 0);
    }
  }

  @Test
  void connections_beyondLimit_areClosed() throws Exception {
    RpcTestServer.Client holder = connect(RpcConfig.defaults().withMaxConnections(1), "/ws");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.get("/health"))
        .isInstanceOf(IOException.class);
    RpcTestServer.await(holder.socket().close());
    awaitCondition(() -> {
      try {
        return server.get("/health").statusCode() == 200;
      } catch (IOException e) {
        return false;
      }
    });
  }

  /** Polls a condition reached asynchronously, bounded by the test timeout. */
  private static void awaitCondition(Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RpcTestServer.TIMEOUT_SECONDS);
    while (!check.holds()) {
      assertThat(System.nanoTime()).as("condition not reached in time").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }
}
