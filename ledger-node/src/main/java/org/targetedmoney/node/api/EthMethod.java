package org.targetedmoney.node.api;

import io.vertx.core.json.JsonArray;
import java.util.concurrent.CompletableFuture;

/** One JSON-RPC method: its result (a JSON value) or a failure with an {@link org.targetedmoney.node.rpc.RpcException}. */
@FunctionalInterface
public interface EthMethod {
    CompletableFuture<Object> call(JsonArray params);
}
