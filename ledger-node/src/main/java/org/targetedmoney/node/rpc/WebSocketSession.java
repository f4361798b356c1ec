package org.targetedmoney.node.rpc;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection: JSON-RPC over text (or binary) messages, plus its own {@code
 * eth_subscribe}/{@code eth_unsubscribe}. All its state is confined to its event loop; the hub
 * reaches it through {@link Context#runOnContext}. A connection whose write queue is full is
 * closed: a client that does not read must not make the node buffer notifications without bound.
 */
final class WebSocketSession implements SubscriptionHub.Subscriber {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSession.class);
  /** RFC 6455 "policy violation": the client did not keep up with its notifications. */
  private static final short CLOSE_POLICY_VIOLATION = 1008;
  private static final String NEW_HEADS = "newHeads";
  private static final String LOGS = "logs";

  private final ServerWebSocket socket;
  private final Context context;
  private final JsonRpcDispatcher dispatcher;
  private final Function<String, RpcMethod> methods;
  private final SubscriptionHub hub;
  private final RpcMetrics metrics;
  private final int maxSubscriptions;
  private final Runnable onClosed;
  /** Subscription id to its log filter; {@code null} value for newHeads. Event loop only. */
  private final Map<String, LogFilter> subscriptions = new LinkedHashMap<>();
  // Read by publishing threads to skip idle connections; written on the event loop.
  private volatile int newHeadsCount;
  private volatile int logsCount;
  private boolean closed;

  WebSocketSession(ServerWebSocket socket, Context context, JsonRpcDispatcher dispatcher,
      Function<String, RpcMethod> methods, SubscriptionHub hub, RpcMetrics metrics, RpcConfig config,
      Runnable onClosed) {
    this.socket = socket;
    this.context = context;
    this.dispatcher = dispatcher;
    this.methods = methods;
    this.hub = hub;
    this.metrics = metrics;
    this.maxSubscriptions = config.maxSubscriptionsPerConnection();
    this.onClosed = onClosed;
    socket.setWriteQueueMaxSize(config.maxWebSocketWriteQueueBytes());
  }

  void start() {
    socket.textMessageHandler(text -> onMessage(Buffer.buffer(text)));
    socket.binaryMessageHandler(this::onMessage);
    socket.exceptionHandler(e -> LOG.debug("WebSocket error: {}", e.toString()));
    socket.closeHandler(v -> onClose());
    hub.register(this);
  }

  private void onMessage(Buffer message) {
    dispatcher.handle(message, this::lookup).onSuccess(reply -> {
      if (reply != null) {
        JsonRpcServer.onContext(context, () -> send(reply));
      }
    });
  }

  private RpcMethod lookup(String name) {
    return switch (name) {
      case "eth_subscribe" -> RpcMethod.sync(this::subscribe);
      case "eth_unsubscribe" -> RpcMethod.sync(this::unsubscribe);
      default -> methods.apply(name);
    };
  }

  private Object subscribe(JsonArray params) {
    if (!(params.getValue(0) instanceof String kind)) {
      throw RpcException.invalidParams("params[0]", "expected the subscription type");
    }
    LogFilter filter = switch (kind) {
      case NEW_HEADS -> null;
      case LOGS -> LogFilter.parse(logsFilterParam(params), "params[1]");
      default -> throw RpcException.invalidParams(
          "params[0]", "unsupported subscription type \"" + kind + "\"; use newHeads or logs");
    };
    if (subscriptions.size() >= maxSubscriptions) {
      throw RpcException.limitExceeded(
          "subscription limit of " + maxSubscriptions + " per connection reached");
    }
    String id = hub.newSubscriptionId();
    subscriptions.put(id, filter);
    recount();
    return id;
  }

  private static JsonObject logsFilterParam(JsonArray params) {
    Object filter = params.size() > 1 ? params.getValue(1) : null;
    if (filter != null && !(filter instanceof JsonObject)) {
      throw RpcException.invalidParams("params[1]", "expected a filter object");
    }
    return (JsonObject) filter;
  }

  private Object unsubscribe(JsonArray params) {
    if (!(params.getValue(0) instanceof String id)) {
      throw RpcException.invalidParams("params[0]", "expected a subscription id");
    }
    if (!subscriptions.containsKey(id)) {
      // Besu and geth answer an unknown id with -32000 "subscription not found".
      throw RpcException.serverError("subscription not found", null);
    }
    subscriptions.remove(id);
    hub.releaseSubscriptionId(id);
    recount();
    return Boolean.TRUE;
  }

  private void recount() {
    int heads = 0;
    for (LogFilter filter : subscriptions.values()) {
      heads += filter == null ? 1 : 0;
    }
    newHeadsCount = heads;
    logsCount = subscriptions.size() - heads;
  }

  @Override
  public boolean wantsNewHeads() {
    return newHeadsCount > 0;
  }

  @Override
  public boolean wantsLogs() {
    return logsCount > 0;
  }

  @Override
  public void deliverNewHead(String headJson) {
    context.runOnContext(v -> {
      for (Map.Entry<String, LogFilter> subscription : subscriptions.entrySet()) {
        if (subscription.getValue() == null && !send(notification(subscription.getKey(), headJson))) {
          return;
        }
      }
    });
  }

  @Override
  public void deliverLogs(List<SubscriptionHub.PublishedLog> logs) {
    context.runOnContext(v -> {
      for (Map.Entry<String, LogFilter> subscription : subscriptions.entrySet()) {
        LogFilter filter = subscription.getValue();
        if (filter != null && !deliverMatching(subscription.getKey(), filter, logs)) {
          return;
        }
      }
    });
  }

  private boolean deliverMatching(
      String id, LogFilter filter, List<SubscriptionHub.PublishedLog> logs) {
    for (SubscriptionHub.PublishedLog log : logs) {
      if (filter.matches(log.log()) && !send(notification(id, log.json()))) {
        return false;
      }
    }
    return true;
  }

  /** The notification text, spliced so that the payload's JSON is not encoded again. */
  private static String notification(String id, String resultJson) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscription\",\"params\":{\"subscription\":\""
        + id + "\",\"result\":" + resultJson + "}}";
  }

  /** Writes one message; false when the connection is (now) closed. Event loop only. */
  private boolean send(String text) {
    if (closed) {
      return false;
    }
    boolean full;
    try {
      full = socket.writeQueueFull();
    } catch (IllegalStateException alreadyClosed) {
      onClose(); // closed under us; its close handler may not have run yet
      return false;
    }
    if (full) {
      metrics.slowConsumerDropped();
      LOG.info("Closing WebSocket {}: write queue full", socket.remoteAddress());
      socket.close(CLOSE_POLICY_VIOLATION, "write queue full");
      onClose();
      return false;
    }
    socket.writeTextMessage(text);
    return true;
  }

  private void onClose() {
    if (closed) {
      return;
    }
    closed = true;
    onClosed.run();
    hub.unregister(this, List.copyOf(subscriptions.keySet()));
    subscriptions.clear();
    newHeadsCount = 0;
    logsCount = 0;
  }
}
