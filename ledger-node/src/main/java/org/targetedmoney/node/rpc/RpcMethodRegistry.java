package org.targetedmoney.node.rpc;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The methods the server answers, by name. The node registers them at start-up; lookups happen on
 * event loops, hence the concurrent map.
 */
public final class RpcMethodRegistry {
  /** Names the WebSocket session answers itself, because they belong to a connection. */
  static final Set<String> CONNECTION_METHODS = Set.of("eth_subscribe", "eth_unsubscribe");

  private final Map<String, RpcMethod> methods = new ConcurrentHashMap<>();

  /**
   * @throws IllegalArgumentException if the name is taken or reserved for subscriptions
   */
  public RpcMethodRegistry register(String name, RpcMethod method) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    if (CONNECTION_METHODS.contains(name)) {
      throw new IllegalArgumentException(name + " is served by the WebSocket transport itself");
    }
    if (methods.putIfAbsent(name, method) != null) {
      throw new IllegalArgumentException("method already registered: " + name);
    }
    return this;
  }

  /** Shorthand for {@code register(name, RpcMethod.sync(method))}. */
  public RpcMethodRegistry registerSync(String name, RpcMethod.Sync method) {
    return register(name, RpcMethod.sync(method));
  }

  /** The method of that name, or null. */
  public RpcMethod find(String name) {
    return methods.get(name);
  }

  public Set<String> names() {
    return Set.copyOf(methods.keySet());
  }
}
