package org.targetedmoney.node.rpc;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans new heads and logs out to the WebSocket subscriptions ({@code eth_subscribe}). The node
 * calls {@link #publishNewHead} and {@link #publishLogs} after each block, from any thread; each
 * connection receives its notifications on its own event loop, in publication order.
 *
 * <p>Payloads are encoded once here, on the publishing thread, rather than once per subscriber.
 * Published objects must not be modified afterwards: event loops read them concurrently.
 */
public final class SubscriptionHub {
  /** geth's subscription ids are 16 random bytes in hex; clients treat them as opaque. */
  private static final int SUBSCRIPTION_ID_BYTES = 16;

  private final RpcMetrics metrics;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Set<String> liveIds = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();

  public SubscriptionHub(RpcMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Sends {@code head} (an eth_getBlockByNumber-style header) to every newHeads subscription. */
  public void publishNewHead(JsonObject head) {
    Objects.requireNonNull(head, "head");
    String encoded = null;
    for (Subscriber subscriber : subscribers) {
      if (subscriber.wantsNewHeads()) {
        encoded = encoded != null ? encoded : head.encode();
        subscriber.deliverNewHead(encoded);
      }
    }
  }

  /**
   * Sends each log (with hex {@code address} and {@code topics}, as eth_getLogs returns them) to
   * every logs subscription whose filter it matches, one notification per log, as geth does.
   */
  public void publishLogs(List<JsonObject> logs) {
    Objects.requireNonNull(logs, "logs");
    if (logs.isEmpty()) {
      return;
    }
    List<PublishedLog> encoded = null;
    for (Subscriber subscriber : subscribers) {
      if (subscriber.wantsLogs()) {
        encoded = encoded != null ? encoded : encode(logs);
        subscriber.deliverLogs(encoded);
      }
    }
  }

  /** Open WebSocket connections. */
  public int connectionCount() {
    return subscribers.size();
  }

  /** Live subscriptions over all connections. */
  public int subscriptionCount() {
    return liveIds.size();
  }

  void register(Subscriber subscriber) {
    subscribers.add(subscriber);
    metrics.webSocketOpened();
  }

  /** Forgets a closed connection and the ids of its subscriptions. */
  void unregister(Subscriber subscriber, Iterable<String> ids) {
    if (subscribers.remove(subscriber)) {
      metrics.webSocketClosed();
    }
    int removed = 0;
    for (String id : ids) {
      removed += liveIds.remove(id) ? 1 : 0;
    }
    metrics.subscriptionsRemoved(removed);
  }

  /** A fresh subscription id, unique among the live ones. */
  String newSubscriptionId() {
    byte[] bytes = new byte[SUBSCRIPTION_ID_BYTES];
    String id;
    do {
      random.nextBytes(bytes);
      id = "0x" + HexFormat.of().formatHex(bytes);
    } while (!liveIds.add(id));
    metrics.subscriptionAdded();
    return id;
  }

  void releaseSubscriptionId(String id) {
    if (liveIds.remove(id)) {
      metrics.subscriptionsRemoved(1);
    }
  }

  private static List<PublishedLog> encode(List<JsonObject> logs) {
    List<PublishedLog> result = new ArrayList<>(logs.size());
    for (JsonObject log : logs) {
      result.add(new PublishedLog(log, log.encode()));
    }
    return List.copyOf(result);
  }

  /** A log with its JSON text, so that it is matched as an object and sent as text. */
  record PublishedLog(JsonObject log, String json) {}

  /** One WebSocket connection as the hub sees it; methods are called from any thread. */
  interface Subscriber {
    boolean wantsNewHeads();

    boolean wantsLogs();

    void deliverNewHead(String headJson);

    void deliverLogs(List<PublishedLog> logs);
  }
}
