package org.targetedmoney.node.api;

import org.targetedmoney.node.rpc.RpcException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Positional JSON-RPC parameters with errors that name the parameter and what was expected. */
final class Params {
    private final String method;
    private final JsonArray params;

    Params(String method, JsonArray params) {
        this.method = method;
        this.params = params == null ? new JsonArray() : params;
    }

    int size() {
        return params.size();
    }

    private RpcException bad(int i, String expected) {
        return new RpcException(RpcException.INVALID_PARAMS, method + ": parameter " + i + " must be " + expected);
    }

    String string(int i, String expected) {
        if (i >= params.size() || !(params.getValue(i) instanceof String s)) {
            throw bad(i, expected);
        }
        return s;
    }

    String optionalString(int i, String fallback) {
        if (i >= params.size() || params.getValue(i) == null) {
            return fallback;
        }
        if (!(params.getValue(i) instanceof String s)) {
            throw bad(i, "a string");
        }
        return s;
    }

    boolean optionalBool(int i, boolean fallback) {
        if (i >= params.size() || params.getValue(i) == null) {
            return fallback;
        }
        if (!(params.getValue(i) instanceof Boolean b)) {
            throw bad(i, "true or false");
        }
        return b;
    }

    JsonObject object(int i, String expected) {
        if (i >= params.size() || !(params.getValue(i) instanceof JsonObject o)) {
            throw bad(i, expected);
        }
        return o;
    }

    byte[] data(int i, int maxBytes) {
        try {
            return Hex.parseData(string(i, "hex data"), maxBytes);
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, method + ": parameter " + i + ": " + e.getMessage());
        }
    }

    byte[] hash(int i) {
        try {
            return Hex.parseHash(string(i, "a 32-byte hash"));
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, method + ": parameter " + i + ": " + e.getMessage());
        }
    }

    org.targetedmoney.policy.model.Address address(int i) {
        try {
            return org.targetedmoney.policy.model.Address.fromHex(string(i, "an address"));
        } catch (IllegalArgumentException e) {
            throw new RpcException(RpcException.INVALID_PARAMS, method + ": parameter " + i + ": " + e.getMessage());
        }
    }
}
