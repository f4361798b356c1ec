package org.targetedmoney.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonRpcServerHttpTest {
  private static final int MAX_BATCH = 4;
  private static final int MAX_BODY = 64 * 1024;
  private static final AtomicInteger NOTIFIED = new AtomicInteger();
  private static RpcTestServer server;

  @BeforeAll
  static void start() {
    server = new RpcTestServer();
    server.methods
        .registerSync("test_add", params -> number(params, 0) + number(params, 1))
        .registerSync("test_echo", params -> params)
        .registerSync("test_notify", params -> NOTIFIED.incrementAndGet())
        .registerSync("test_boom", params -> {
          throw new IllegalStateException("secret internal detail");
        })
        .register("test_later", params -> server.vertx.timer(20).map(t -> (Object) "later"))
        .register("test_slow", params -> server.vertx.timer(1_500).map(t -> (Object) "slow"))
        .register("test_refused", params -> Future.failedFuture(
            RpcException.serverError("BAD_NONCE: expected 3", new JsonObject().put("nonce", 3))));
    server.start(RpcConfig.defaults().withMaxBatchSize(MAX_BATCH).withMaxBodyBytes(MAX_BODY));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long number(JsonArray params, int index) {
    if (!(params.getValue(index) instanceof Number n)) {
      throw RpcException.invalidParams("params[" + index + "]", "expected a number");
    }
    return n.longValue();
  }

  private static JsonObject postObject(String body) throws Exception {
    HttpResponse<String> response = server.post(body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    return new JsonObject(response.body());
  }

  private static JsonObject error(JsonObject reply) {
    assertThat(reply.containsKey("result")).as("no result in an error reply").isFalse();
    return reply.getJsonObject("error");
  }

  @Test
  void vertx_usesNativeTransport() {
    assertThat(server.vertx.isNativeTransportEnabled()).isTrue();
  }

  @Test
  void single_call_returnsResultWithSameId() throws Exception {
    JsonObject reply = postObject("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"test_add\",\"params\":[2,3]}");
    assertThat(reply).isEqualTo(new JsonObject("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":5}"));
  }

  @Test
  void single_call_keepsStringAndNullIdsAndNullResult() throws Exception {
    assertThat(postObject("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"test_echo\"}")
        .getValue("id")).isEqualTo("abc");
    String body = server.post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"test_later\"}").body();
    assertThat(body).contains("\"id\":null").contains("\"result\":\"later\"");
  }

  @Test
  void asyncMethod_completesLater_andIsAnswered() throws Exception {
    assertThat(postObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_later\"}")
        .getString("result")).isEqualTo("later");
  }

  @Test
  void unknownMethod_isMethodNotFoundNamingIt() throws Exception {
    JsonObject error = error(postObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_foo\"}"));
    assertThat(error.getInteger("code")).isEqualTo(-32601);
    assertThat(error.getString("message"))
        .isEqualTo("the method eth_foo does not exist/is not available");
  }

  @Test
  void subscribe_overHttp_isNotAvailable() throws Exception {
    JsonObject error = error(postObject(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}"));
    assertThat(error.getInteger("code")).isEqualTo(-32601);
  }

  @Test
  void invalidParams_namesTheParameter() throws Exception {
    JsonObject error = error(postObject(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,\"x\"]}"));
    assertThat(error.getInteger("code")).isEqualTo(-32602);
    assertThat(error.getString("message")).contains("params[1]").contains("expected a number");
  }

  @Test
  void failingMethod_isInternalError_withoutDetails() throws Exception {
    HttpResponse<String> response =
        server.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_boom\"}");
    assertThat(response.body()).doesNotContain("secret").doesNotContain("Exception");
    assertThat(error(new JsonObject(response.body())).getInteger("code")).isEqualTo(-32603);
  }

  @Test
  void refusedByMethod_keepsCodeMessageAndData() throws Exception {
    JsonObject error = error(postObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_refused\"}"));
    assertThat(error).isEqualTo(new JsonObject(
        "{\"code\":-32000,\"message\":\"BAD_NONCE: expected 3\",\"data\":{\"nonce\":3}}"));
  }

  @Test
  void invalidJson_isParseErrorWithNullId() throws Exception {
    JsonObject reply = postObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\"");
    assertThat(reply.containsKey("id")).isTrue();
    assertThat(reply.getValue("id")).isNull();
    assertThat(error(reply).getInteger("code")).isEqualTo(-32700);
  }

  @Test
  void wrongVersion_missingMethod_objectParams_areInvalidRequest() throws Exception {
    for (String bad : new String[] {
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"test_echo\"}",
        "{\"id\":1,\"method\":\"test_echo\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":{\"a\":1}}",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"test_echo\"}",
        "42"}) {
      JsonObject reply = postObject(bad);
      assertThat(error(reply).getInteger("code")).as(bad).isEqualTo(-32600);
    }
  }

  @Test
  void emptyBatch_isInvalidRequest() throws Exception {
    assertThat(error(postObject("[]")).getInteger("code")).isEqualTo(-32600);
  }

  @Test
  void batch_withOneUnknownMethod_answersEachRequestIndependently() throws Exception {
    int notifiedBefore = NOTIFIED.get();
    HttpResponse<String> response = server.post("["
        + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_later\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":\"two\",\"method\":\"eth_foo\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"},"
        + "7]");
    JsonArray replies = new JsonArray(response.body());
    assertThat(replies).hasSize(3);
    assertThat(replies.getJsonObject(0).getString("result")).isEqualTo("later");
    assertThat(replies.getJsonObject(1).getValue("id")).isEqualTo("two");
    assertThat(error(replies.getJsonObject(1)).getInteger("code")).isEqualTo(-32601);
    assertThat(replies.getJsonObject(2).getValue("id")).isNull();
    assertThat(error(replies.getJsonObject(2)).getInteger("code")).isEqualTo(-32600);
    assertThat(NOTIFIED.get()).isEqualTo(notifiedBefore + 1);
  }

  @Test
  void notificationsOnly_areExecutedAndGetNoContent() throws Exception {
    int notifiedBefore = NOTIFIED.get();
    HttpResponse<String> single = server.post("{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"}");
    HttpResponse<String> batch = server.post("[{\"jsonrpc\":\"2.0\",\"method\":\"test_notify\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_foo\"}]");
    assertThat(single.statusCode()).isEqualTo(204);
    assertThat(batch.statusCode()).isEqualTo(204);
    assertThat(single.body()).isEmpty();
    assertThat(NOTIFIED.get()).isEqualTo(notifiedBefore + 2);
  }

  @Test
  void oversizedBatch_isOneLimitErrorNamingTheLimit() throws Exception {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i <= MAX_BATCH; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"test_notify\"}");
    }
    int notifiedBefore = NOTIFIED.get();
    JsonObject error = error(postObject(batch.append("]").toString()));
    assertThat(error.getInteger("code")).isEqualTo(-32005);
    assertThat(error.getString("message")).contains(String.valueOf(MAX_BATCH));
    assertThat(NOTIFIED.get()).as("no request of a refused batch runs").isEqualTo(notifiedBefore);
  }

  @Test
  void oversizedBody_withContentLength_is413NamingTheLimit() throws Exception {
    HttpResponse<String> response = server.post(oversizedBody());
    assertThat(response.statusCode()).isEqualTo(413);
    JsonObject error = error(new JsonObject(response.body()));
    assertThat(error.getInteger("code")).isEqualTo(-32005);
    assertThat(error.getString("message")).contains(String.valueOf(MAX_BODY));
  }

  @Test
  void oversizedBody_chunked_is413() throws Exception {
    byte[] bytes = oversizedBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains(String.valueOf(MAX_BODY));
  }

  /**
   * Java's HttpClient upgrades to HTTP/2 (h2c) by default: the 413 must carry no Connection header
   * (HTTP/2 forbids it; Java's client refuses such a reply), and closing the connection would cut
   * the client's other requests on it. A request still running when the 413's drain period (1 s)
   * ends must complete.
   */
  @Test
  void oversizedBody_overHttp2_is413AndSparesTheOtherRequestsOfTheConnection() throws Exception {
    HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    HttpResponse<String> first = h2.send(h2Post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\","
        + "\"params\":[1,2]}"), HttpResponse.BodyHandlers.ofString());
    assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
    CompletableFuture<HttpResponse<String>> slow = h2.sendAsync(
        h2Post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test_slow\"}"),
        HttpResponse.BodyHandlers.ofString());

    HttpResponse<String> refused = h2.send(h2Post(oversizedBody()), HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(error(new JsonObject(refused.body())).getInteger("code")).isEqualTo(-32005);
    assertThat(slow.get(RpcTestServer.TIMEOUT_SECONDS, TimeUnit.SECONDS).body()).contains("\"result\":\"slow\"");
  }

  private static HttpRequest h2Post(String body) {
    return HttpRequest.newBuilder(server.uri("/")).timeout(Duration.ofSeconds(RpcTestServer.TIMEOUT_SECONDS))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  @Test
  void bodyJustUnderLimit_isServed() throws Exception {
    String prefix = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\"";
    String suffix = "\"]}";
    String body = prefix + "x".repeat(MAX_BODY - prefix.length() - suffix.length()) + suffix;
    assertThat(body).hasSize(MAX_BODY);
    assertThat(postObject(body).getJsonArray("result").getString(0)).hasSize(
        MAX_BODY - prefix.length() - suffix.length());
  }

  private static String oversizedBody() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_echo\",\"params\":[\""
        + "x".repeat(MAX_BODY) + "\"]}";
  }

  @Test
  void health_reportsUpWithDetails_andDownAs503() throws Exception {
    server.health.set(HealthReport.up(new JsonObject().put("blockNumber", "0x2a")));
    HttpResponse<String> up = server.get("/health");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(up.body()))
        .isEqualTo(new JsonObject("{\"status\":\"UP\",\"blockNumber\":\"0x2a\"}"));
    server.health.set(HealthReport.down("no leader"));
    HttpResponse<String> down = server.get("/health");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(down.body()).getString("status")).isEqualTo("DOWN");
    server.health.set(HealthReport.up(new JsonObject()));
  }

  @Test
  void metrics_exposeRequestCountersAndLatency() throws Exception {
    postObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"params\":[1,1]}");
    postObject("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_boom\"}");
    HttpResponse<String> response = server.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    assertThat(response.body())
        .contains("rpc_requests_total{method=\"test_add\",outcome=\"success\"}")
        .contains("rpc_requests_total{method=\"test_boom\",outcome=\"internal_error\"}")
        .contains("rpc_request_duration_seconds_bucket{method=\"test_add\",le=\"0.001\"}")
        .contains("rpc_websocket_connections");
  }

  @Test
  void unknownPath_is404_andWrongVerb_is405() throws Exception {
    assertThat(server.get("/nope").statusCode()).isEqualTo(404);
    assertThat(server.get("/").statusCode()).isEqualTo(405);
  }
}
