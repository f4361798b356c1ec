package org.targetedmoney.node.rpc;

import java.util.Objects;

/**
 * Settings of the JSON-RPC server. Every limit exists so that one client cannot make the node
 * buffer without bound.
 *
 * @param host the address to bind (loopback by default: exposing RPC is a deliberate choice)
 * @param port the TCP port, 0 for an ephemeral one
 * @param maxBodyBytes largest HTTP body or WebSocket message accepted
 * @param maxBatchSize most requests in one batch
 * @param maxConnections most open HTTP and WebSocket connections at once
 * @param maxSubscriptionsPerConnection most live subscriptions on one WebSocket
 * @param maxWebSocketWriteQueueBytes bytes queued for one WebSocket before it counts as a slow
 *     consumer and is dropped
 */
public record RpcConfig(
    String host,
    int port,
    int maxBodyBytes,
    int maxBatchSize,
    int maxConnections,
    int maxSubscriptionsPerConnection,
    int maxWebSocketWriteQueueBytes) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8545;
  public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
  public static final int DEFAULT_MAX_BATCH_SIZE = 1024;
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;
  public static final int DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION = 128;
  public static final int DEFAULT_MAX_WEBSOCKET_WRITE_QUEUE_BYTES = 4 * 1024 * 1024;
  private static final int MAX_PORT = 65_535;

  public RpcConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > MAX_PORT) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    requirePositive("maxBodyBytes", maxBodyBytes);
    requirePositive("maxBatchSize", maxBatchSize);
    requirePositive("maxConnections", maxConnections);
    requirePositive("maxSubscriptionsPerConnection", maxSubscriptionsPerConnection);
    requirePositive("maxWebSocketWriteQueueBytes", maxWebSocketWriteQueueBytes);
  }

  public static RpcConfig defaults() {
    return new RpcConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_BATCH_SIZE,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
        DEFAULT_MAX_WEBSOCKET_WRITE_QUEUE_BYTES);
  }

  public RpcConfig withHost(String value) {
    return new RpcConfig(value, port, maxBodyBytes, maxBatchSize, maxConnections,
        maxSubscriptionsPerConnection, maxWebSocketWriteQueueBytes);
  }

  public RpcConfig withPort(int value) {
    return new RpcConfig(host, value, maxBodyBytes, maxBatchSize, maxConnections,
        maxSubscriptionsPerConnection, maxWebSocketWriteQueueBytes);
  }

  public RpcConfig withMaxBodyBytes(int value) {
    return new RpcConfig(host, port, value, maxBatchSize, maxConnections,
        maxSubscriptionsPerConnection, maxWebSocketWriteQueueBytes);
  }

  public RpcConfig withMaxBatchSize(int value) {
    return new RpcConfig(host, port, maxBodyBytes, value, maxConnections,
        maxSubscriptionsPerConnection, maxWebSocketWriteQueueBytes);
  }

  public RpcConfig withMaxConnections(int value) {
    return new RpcConfig(host, port, maxBodyBytes, maxBatchSize, value,
        maxSubscriptionsPerConnection, maxWebSocketWriteQueueBytes);
  }

  public RpcConfig withMaxSubscriptionsPerConnection(int value) {
    return new RpcConfig(host, port, maxBodyBytes, maxBatchSize, maxConnections, value,
        maxWebSocketWriteQueueBytes);
  }

  public RpcConfig withMaxWebSocketWriteQueueBytes(int value) {
    return new RpcConfig(host, port, maxBodyBytes, maxBatchSize, maxConnections,
        maxSubscriptionsPerConnection, value);
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
