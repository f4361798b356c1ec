package org.targetedmoney.node.rpc;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** A JSON-RPC server on an ephemeral loopback port, with blocking helpers for tests. */
final class RpcTestServer implements AutoCloseable {
  static final long TIMEOUT_SECONDS = 10;

  final Vertx vertx = Vertx.vertx(JsonRpcServer.vertxOptions());
  final RpcMethodRegistry methods = new RpcMethodRegistry();
  final RpcMetrics metrics = new RpcMetrics(new PrometheusRegistry());
  final SubscriptionHub hub = new SubscriptionHub(metrics);
  final AtomicReference<HealthReport> health =
      new AtomicReference<>(HealthReport.up(new JsonObject()));
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build();
  private final WebSocketClient webSockets = vertx.createWebSocketClient();
  private JsonRpcServer server;
  int port;

  RpcTestServer start(RpcConfig config) {
    server = new JsonRpcServer(config.withHost("127.0.0.1").withPort(0), methods, hub, metrics,
        health::get);
    await(vertx.deployVerticle(server));
    port = server.actualPort();
    return this;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri("/")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A WebSocket whose text messages land in {@link Client#messages}. */
  Client webSocket(String path) {
    BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    WebSocket socket = await(webSockets.connect(port, "127.0.0.1", path));
    socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
    return new Client(socket, messages);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out", e);
    }
  }

  @Override
  public void close() {
    http.close();
    await(vertx.close());
  }

  record Client(WebSocket socket, BlockingQueue<JsonObject> messages) {
    void send(String text) {
      await(socket.writeTextMessage(text));
    }

    /** The next message; fails the test if none arrives in time. */
    JsonObject next() throws InterruptedException {
      JsonObject message = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no WebSocket message within " + TIMEOUT_SECONDS + " s");
      }
      return message;
    }

    /** Sends a request and returns its reply (the next message must be that reply). */
    JsonObject call(int id, String method, String params) throws InterruptedException {
      send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":"
          + params + "}");
      return next();
    }
  }
}
