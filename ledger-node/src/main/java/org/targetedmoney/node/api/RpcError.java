package org.targetedmoney.node.api;

/**
 * An error answer of an Ethereum method, with the JSON-RPC codes Besu and geth use: -32602 invalid params,
 * -32000 refused transaction, -32005 busy / limit exceeded, 3 for an execution that reverted (with the
 * revert data), -32001 not found.
 */
public final class RpcError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int INVALID_PARAMS = -32602;
    public static final int SERVER_ERROR = -32000;
    public static final int LIMIT_EXCEEDED = -32005;
    public static final int EXECUTION_REVERTED = 3;
    public static final int INTERNAL = -32603;

    private final int code;
    private final transient Object data;

    public RpcError(int code, String message, Object data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public static RpcError invalidParams(String message) {
        return new RpcError(INVALID_PARAMS, message, null);
    }

    public int code() {
        return code;
    }

    public Object data() {
        return data;
    }
}
