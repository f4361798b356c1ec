package org.targetedmoney.node.rpc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

/**
 * One JSON-RPC method. It runs on an event loop, so it must not block: a method that waits (for
 * block inclusion, for storage on a worker) returns a Future that completes later.
 *
 * <p>The result is a Vert.x JSON value: {@code JsonObject}, {@code JsonArray}, {@code String},
 * {@code Number}, {@code Boolean} or null. An {@link RpcException}, thrown or as the Future's
 * failure, becomes the error reply; any other failure becomes -32603 "Internal error".
 */
@FunctionalInterface
public interface RpcMethod {

  /**
   * @param params the request's positional parameters, empty when the request had none
   */
  Future<Object> call(JsonArray params);

  /** Adapts a fast synchronous method (no I/O, no waiting), such as {@code eth_chainId}. */
  static RpcMethod sync(Sync method) {
    return params -> Future.succeededFuture(method.call(params));
  }

  /** A method that computes its result at once on the event loop. */
  @FunctionalInterface
  interface Sync {
    Object call(JsonArray params);
  }
}
