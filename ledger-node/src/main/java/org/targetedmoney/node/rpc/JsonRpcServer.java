package org.targetedmoney.node.rpc;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC server: one port for {@code POST /} (JSON-RPC over HTTP, keep-alive), WebSocket on
 * {@code /} and {@code /ws}, {@code GET /health} and {@code GET /metrics}. Deploy one instance
 * with {@code vertx.deployVerticle(server)} on a Vertx made from {@link #vertxOptions()}.
 */
public final class JsonRpcServer extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcServer.class);
  private static final String RPC_PATH = "/";
  private static final String WEBSOCKET_PATH = "/ws";
  private static final String HEALTH_PATH = "/health";
  private static final String METRICS_PATH = "/metrics";
  private static final String JSON = "application/json";
  /**
   * On every answer to {@code POST /}: the node's head block when the request arrived. The answer
   * reflects that block or a later one, never an earlier one (reads are served by this node alone).
   */
  public static final String BLOCK_HEADER = "X-Ledger-Block";
  private static final int HTTP_OK = 200;
  private static final int HTTP_NO_CONTENT = 204;
  private static final int HTTP_NOT_FOUND = 404;
  private static final int HTTP_METHOD_NOT_ALLOWED = 405;
  private static final int HTTP_PAYLOAD_TOO_LARGE = 413;
  private static final int HTTP_INTERNAL_ERROR = 500;
  private static final int HTTP_UNAVAILABLE = 503;
  /** How long a WebSocket being closed may wait for the peer's close frame. */
  private static final int WEBSOCKET_CLOSING_TIMEOUT_SECONDS = 2;
  /**
   * After a 413, the rest of the oversized body is read and discarded for this long, so the
   * client can read the reply (closing with unread input would reset the connection), then the
   * connection is closed.
   */
  private static final long OVERSIZED_BODY_DRAIN_MILLIS = 1_000;

  private final RpcConfig config;
  private final RpcMethodRegistry methods;
  private final SubscriptionHub hub;
  private final RpcMetrics metrics;
  private final Supplier<HealthReport> health;
  private final LongSupplier headBlock;
  private final WriteGate writeGate;
  private final JsonRpcDispatcher dispatcher;
  private final PrometheusTextFormatWriter metricsWriter =
      ExpositionFormats.init().getPrometheusTextFormatWriter();
  /**
   * Open connections, shared by the event loops. A set rather than a counter: an upgraded
   * WebSocket no longer reports through its HTTP connection's close handler, so both paths
   * remove the connection and the set makes the second removal harmless.
   */
  private final Set<HttpConnection> openConnections = ConcurrentHashMap.newKeySet();
  private HttpServer server;

  /**
   * @param health called on the event loop for each {@code GET /health}: must be fast
   */
  public JsonRpcServer(RpcConfig config, RpcMethodRegistry methods, SubscriptionHub hub,
      RpcMetrics metrics, Supplier<HealthReport> health) {
    this(config, methods, hub, metrics, health, null, WriteGate.OPEN);
  }

  /**
   * @param health called on the event loop for each {@code GET /health}: must be fast
   * @param headBlock the head block number, for the {@value #BLOCK_HEADER} header (fast, any
   *     thread); null for no header
   * @param writeGate who may call the write methods
   */
  public JsonRpcServer(RpcConfig config, RpcMethodRegistry methods, SubscriptionHub hub,
      RpcMetrics metrics, Supplier<HealthReport> health, LongSupplier headBlock, WriteGate writeGate) {
    this.headBlock = headBlock;
    this.writeGate = Objects.requireNonNull(writeGate, "writeGate");
    this.config = Objects.requireNonNull(config, "config");
    this.methods = Objects.requireNonNull(methods, "methods");
    this.hub = Objects.requireNonNull(hub, "hub");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.health = Objects.requireNonNull(health, "health");
    this.dispatcher = new JsonRpcDispatcher(metrics, config.maxBatchSize());
  }

  /** Vert.x options for the node: epoll when available, as the NIO fallback is slower. */
  public static VertxOptions vertxOptions() {
    return new VertxOptions().setPreferNativeTransport(true);
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setMaxWebSocketFrameSize(config.maxBodyBytes())
        .setMaxWebSocketMessageSize(config.maxBodyBytes())
        .setWebSocketClosingTimeout(WEBSOCKET_CLOSING_TIMEOUT_SECONDS);
    server = vertx.createHttpServer(options)
        .connectionHandler(this::onConnection)
        .requestHandler(this::onRequest);
    return server.listen().onSuccess(s -> LOG.info("JSON-RPC listening on {}:{}",
        config.host(), s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The bound port (useful with port 0); valid once deployed. */
  public int actualPort() {
    return server.actualPort();
  }

  /** Runs {@code action} on {@code context}: at once if already there, else by a task. */
  static void onContext(Context context, Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private void onConnection(HttpConnection connection) {
    connection.closeHandler(v -> openConnections.remove(connection));
    openConnections.add(connection);
    if (openConnections.size() > config.maxConnections()) {
      metrics.recordRejected(RpcMetrics.REASON_TOO_MANY_CONNECTIONS);
      connection.close();
    }
  }

  private void onRequest(HttpServerRequest request) {
    String path = Objects.requireNonNullElse(request.path(), "");
    boolean rpcPath = RPC_PATH.equals(path) || WEBSOCKET_PATH.equals(path);
    if (request.canUpgradeToWebSocket() && rpcPath) {
      upgrade(request);
    } else if (RPC_PATH.equals(path)) {
      requireMethod(request, HttpMethod.POST, this::onRpc);
    } else if (HEALTH_PATH.equals(path)) {
      requireMethod(request, HttpMethod.GET, this::onHealth);
    } else if (METRICS_PATH.equals(path)) {
      requireMethod(request, HttpMethod.GET, this::onMetrics);
    } else {
      request.response().setStatusCode(HTTP_NOT_FOUND).end();
    }
  }

  private static void requireMethod(HttpServerRequest request, HttpMethod method,
      Consumer<HttpServerRequest> handler) {
    if (request.method() == method) {
      handler.accept(request);
    } else {
      request.response().setStatusCode(HTTP_METHOD_NOT_ALLOWED)
          .putHeader(HttpHeaders.ALLOW, method.name()).end();
    }
  }

  private void upgrade(HttpServerRequest request) {
    Context context = Vertx.currentContext();
    HttpConnection connection = request.connection();
    request.toWebSocket()
        .onSuccess(socket -> new WebSocketSession(socket, context, dispatcher,
            gated(remoteHost(request)), hub,
            metrics, config, () -> openConnections.remove(connection)).start())
        .onFailure(e -> LOG.debug("WebSocket upgrade failed: {}", e.toString()));
  }

  private void onRpc(HttpServerRequest request) {
    if (headBlock != null) {
      request.response().putHeader(BLOCK_HEADER, Long.toString(headBlock.getAsLong()));
    }
    long declared = declaredLength(request);
    if (declared > config.maxBodyBytes()) {
      request.handler(ignored -> { });
      rejectOversized(request);
      return;
    }
    BoundedBody body = new BoundedBody(config.maxBodyBytes(), declared);
    request.handler(chunk -> {
      if (!body.append(chunk) && !body.rejectedOnce()) {
        rejectOversized(request);
      }
    });
    request.endHandler(v -> {
      if (!body.rejected()) {
        Context context = Vertx.currentContext();
        dispatcher.handle(body.content(), gated(remoteHost(request)))
            .onComplete(reply -> onContext(context, () -> respond(request.response(), reply)));
      }
    });
  }

  private static String remoteHost(HttpServerRequest request) {
    return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
  }

  /** The method lookup for one client: write methods answer the gate's refusal if it has one. */
  private Function<String, RpcMethod> gated(String remoteHost) {
    return name -> {
      RpcMethod method = methods.find(name);
      if (method == null || !WriteGate.WRITE_METHODS.contains(name)) {
        return method;
      }
      String refusal = writeGate.refusal(remoteHost);
      return refusal == null ? method : params -> Future.failedFuture(RpcException.notAllowed(refusal));
    };
  }

  private static long declaredLength(HttpServerRequest request) {
    String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1; // Netty's decoder refuses such requests before they get here
    }
  }

  private void rejectOversized(HttpServerRequest request) {
    metrics.recordRejected(RpcMetrics.REASON_BODY_TOO_LARGE);
    String reply = JsonRpcDispatcher.errorReply(null, RpcException.limitExceeded(
        "request body exceeds the limit of " + config.maxBodyBytes() + " bytes"));
    HttpServerResponse response = request.response().setStatusCode(HTTP_PAYLOAD_TOO_LARGE)
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    if (request.version() == HttpVersion.HTTP_2) {
      response.end(reply);
      stopOversizedStream(request);
      return;
    }
    response.putHeader(HttpHeaders.CONNECTION, "close").end(reply);
    HttpConnection connection = request.connection();
    vertx.setTimer(OVERSIZED_BODY_DRAIN_MILLIS, t -> connection.close());
  }

  /**
   * HTTP/2 (h2c, which Java's HttpClient negotiates by default) forbids the Connection header, and
   * its connection carries the client's other requests: closing it would cut them. Only this
   * stream is stopped, with RST_STREAM NO_ERROR (RFC 9113 section 8.1) if the client is still
   * sending once it had time to read the reply.
   */
  private void stopOversizedStream(HttpServerRequest request) {
    vertx.setTimer(OVERSIZED_BODY_DRAIN_MILLIS, t -> {
      if (!request.isEnded()) {
        request.response().reset(0);
      }
    });
  }

  private static void respond(HttpServerResponse response, AsyncResult<String> reply) {
    if (reply.failed()) {
      LOG.warn("JSON-RPC dispatch failed", reply.cause());
      response.setStatusCode(HTTP_INTERNAL_ERROR).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
          .end(JsonRpcDispatcher.errorReply(null, RpcException.internalError()));
    } else if (reply.result() == null) {
      response.setStatusCode(HTTP_NO_CONTENT).end(); // only notifications: nothing to answer
    } else {
      response.setStatusCode(HTTP_OK).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
          .end(reply.result());
    }
  }

  private void onHealth(HttpServerRequest request) {
    HealthReport report;
    try {
      report = Objects.requireNonNull(health.get(), "health report");
    } catch (RuntimeException e) {
      LOG.warn("Health check failed", e);
      report = HealthReport.down("health check failed");
    }
    request.response().setStatusCode(report.up() ? HTTP_OK : HTTP_UNAVAILABLE)
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .end(report.toJson().encode());
  }

  /** Scrapes on a worker: collectors registered by the node may be slower than ours. */
  private void onMetrics(HttpServerRequest request) {
    Context context = Vertx.currentContext();
    vertx.executeBlocking(this::scrape, false).onComplete(scraped -> onContext(context, () -> {
      HttpServerResponse response = request.response();
      if (scraped.succeeded()) {
        response.setStatusCode(HTTP_OK)
            .putHeader(HttpHeaders.CONTENT_TYPE, metricsWriter.getContentType())
            .end(Buffer.buffer(scraped.result()));
      } else {
        LOG.warn("Metrics scrape failed", scraped.cause());
        response.setStatusCode(HTTP_INTERNAL_ERROR).end();
      }
    }));
  }

  private byte[] scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metricsWriter.write(out, metrics.registry().scrape());
    return out.toByteArray();
  }

  /** Accumulates a request body up to a limit, so oversized input is never buffered. */
  private static final class BoundedBody {
    private final int limit;
    private final Buffer content;
    private boolean rejected;
    private boolean reported;

    BoundedBody(int limit, long declaredLength) {
      this.limit = limit;
      // Pre-size from Content-Length (already checked against the limit) to avoid regrowth.
      this.content = Buffer.buffer(declaredLength > 0 ? (int) declaredLength : 0);
    }

    /** Appends {@code chunk}; false once the limit is passed (the chunk is then dropped). */
    boolean append(Buffer chunk) {
      if (rejected || content.length() + chunk.length() > limit) {
        rejected = true;
        return false;
      }
      content.appendBuffer(chunk);
      return true;
    }

    /** True after the first call once rejected, so the 413 is sent only once. */
    boolean rejectedOnce() {
      boolean before = reported;
      reported = true;
      return before;
    }

    boolean rejected() {
      return rejected;
    }

    Buffer content() {
      return content;
    }
  }
}
