package org.targetedmoney.node.rpc;

/**
 * An error that a JSON-RPC method raises on purpose; it becomes the {@code error} member of the
 * response. Codes follow JSON-RPC 2.0 and the server codes that Besu and geth use, so that web3j,
 * ethers and other Ethereum clients recognise them.
 *
 * <p>It carries no stack trace: it is an answer to a client, not a bug, and methods raise it on hot
 * paths (bad nonce, unknown block).
 */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;
  /** Generic server error; Besu and geth use it for refused transactions. */
  public static final int SERVER_ERROR = -32000;
  /** Resource not found (unknown block, transaction, subscription target). */
  public static final int RESOURCE_NOT_FOUND = -32001;
  /** Limit exceeded or server busy (batch too large, too many subscriptions). */
  public static final int LIMIT_EXCEEDED = -32005;
  /** This client may not call this method on this node (EIP-1474: "transaction rejected"). */
  public static final int NOT_ALLOWED = -32003;

  private final int code;
  private final transient Object data;

  /**
   * @param code the JSON-RPC error code
   * @param message a one-line message for the client (never a stack trace)
   * @param data an optional JSON value with details (for instance an ABI-encoded revert reason), or
   *     null
   */
  public RpcException(int code, String message, Object data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public RpcException(int code, String message) {
    this(code, message, null);
  }

  public int code() {
    return code;
  }

  /** The JSON value of the error's {@code data} member, or null when there is none. */
  public Object data() {
    return data;
  }

  public static RpcException parseError() {
    return new RpcException(PARSE_ERROR, "Parse error");
  }

  public static RpcException invalidRequest(String why) {
    return new RpcException(INVALID_REQUEST, "Invalid request: " + why);
  }

  public static RpcException methodNotFound(String method) {
    return new RpcException(
        METHOD_NOT_FOUND, "the method " + method + " does not exist/is not available");
  }

  /**
   * @param parameter the parameter's name or position as the client sees it, e.g. {@code
   *     "params[1].address"}
   * @param why what is wrong with it
   */
  public static RpcException invalidParams(String parameter, String why) {
    return new RpcException(INVALID_PARAMS, "Invalid params: " + parameter + ": " + why);
  }

  /** The answer for an unexpected failure; the cause stays in the node's log, not in the reply. */
  public static RpcException internalError() {
    return new RpcException(INTERNAL_ERROR, "Internal error");
  }

  public static RpcException serverError(String message, Object data) {
    return new RpcException(SERVER_ERROR, message, data);
  }

  public static RpcException resourceNotFound(String message) {
    return new RpcException(RESOURCE_NOT_FOUND, message);
  }

  public static RpcException notAllowed(String message) {
    return new RpcException(NOT_ALLOWED, message);
  }

  public static RpcException limitExceeded(String message) {
    return new RpcException(LIMIT_EXCEEDED, message);
  }
}
