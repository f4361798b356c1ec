package org.targetedmoney.node.api;

import io.vertx.core.json.JsonObject;

/** Renders the signed fields of a raw transaction (type, nonce, gas, input, signature...) as JSON-RPC does. */
@FunctionalInterface
public interface TxRenderer {
    JsonObject render(byte[] raw);
}
