package org.targetedmoney.node.rpc;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Objects;

/**
 * The transport's own Prometheus metrics. Label values come from bounded sets only (registered
 * method names, fixed outcomes and reasons), so a client sending random method names cannot blow
 * up the number of time series.
 */
public final class RpcMetrics {
  public static final String REQUESTS = "rpc_requests";
  public static final String DURATION = "rpc_request_duration_seconds";
  public static final String REJECTED = "rpc_rejected_requests";
  public static final String WEBSOCKET_CONNECTIONS = "rpc_websocket_connections";
  public static final String SUBSCRIPTIONS = "rpc_subscriptions";
  public static final String SLOW_CONSUMERS_DROPPED = "rpc_websocket_slow_consumers_dropped";

  /** Method label for calls to names that are not registered. */
  static final String UNKNOWN_METHOD = "unknown";
  static final String OUTCOME_SUCCESS = "success";
  static final String OUTCOME_ERROR = "error";
  static final String OUTCOME_INTERNAL_ERROR = "internal_error";
  static final String REASON_PARSE_ERROR = "parse_error";
  static final String REASON_INVALID_REQUEST = "invalid_request";
  static final String REASON_BATCH_TOO_LARGE = "batch_too_large";
  static final String REASON_BODY_TOO_LARGE = "body_too_large";
  static final String REASON_TOO_MANY_CONNECTIONS = "too_many_connections";

  /** From 100 µs (a cached read) to 30 s (waiting for block inclusion under load). */
  private static final double[] LATENCY_BUCKETS_SECONDS = {
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
    10, 30
  };
  private static final double NANOS_PER_SECOND = 1e9;

  private final PrometheusRegistry registry;
  private final Counter requests;
  private final Histogram duration;
  private final Counter rejected;
  private final Gauge webSocketConnections;
  private final Gauge subscriptions;
  private final Counter slowConsumersDropped;

  /** Registers the metrics in {@code registry}; create one instance per registry. */
  public RpcMetrics(PrometheusRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    requests = Counter.builder().name(REQUESTS)
        .help("JSON-RPC calls by method and outcome").labelNames("method", "outcome")
        .register(registry);
    duration = Histogram.builder().name(DURATION)
        .help("JSON-RPC call latency, from dispatch to result").labelNames("method")
        .classicOnly().classicUpperBounds(LATENCY_BUCKETS_SECONDS)
        .register(registry);
    rejected = Counter.builder().name(REJECTED)
        .help("Requests refused before reaching a method").labelNames("reason")
        .register(registry);
    webSocketConnections = Gauge.builder().name(WEBSOCKET_CONNECTIONS)
        .help("Open WebSocket connections").register(registry);
    subscriptions = Gauge.builder().name(SUBSCRIPTIONS)
        .help("Live eth_subscribe subscriptions").register(registry);
    slowConsumersDropped = Counter.builder().name(SLOW_CONSUMERS_DROPPED)
        .help("WebSockets closed because their write queue was full").register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  void recordCall(String method, String outcome, long elapsedNanos) {
    requests.labelValues(method, outcome).inc();
    duration.labelValues(method).observe(elapsedNanos / NANOS_PER_SECOND);
  }

  /** A call to an unregistered name: counted, but kept out of the latency histogram. */
  void recordUnknownMethod() {
    requests.labelValues(UNKNOWN_METHOD, OUTCOME_ERROR).inc();
  }

  void recordRejected(String reason) {
    rejected.labelValues(reason).inc();
  }

  void webSocketOpened() {
    webSocketConnections.inc();
  }

  void webSocketClosed() {
    webSocketConnections.dec();
  }

  void subscriptionAdded() {
    subscriptions.inc();
  }

  void subscriptionsRemoved(int count) {
    subscriptions.dec(count);
  }

  void slowConsumerDropped() {
    slowConsumersDropped.inc();
  }

  /** How many slow WebSocket consumers were dropped so far (for tests and health details). */
  public long slowConsumersDroppedCount() {
    return (long) slowConsumersDropped.get();
  }
}
