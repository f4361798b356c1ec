package org.targetedmoney.node.rpc;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 semantics, independent of the transport: parses a body, validates each request,
 * calls the method, and encodes the reply. Each request of a batch is answered on its own, in
 * request order; notifications (no {@code id}) are executed but get no reply.
 */
final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  private static final String VERSION = "2.0";

  private final RpcMetrics metrics;
  private final int maxBatchSize;

  JsonRpcDispatcher(RpcMetrics metrics, int maxBatchSize) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.maxBatchSize = maxBatchSize;
  }

  /**
   * Handles one HTTP body or WebSocket message.
   *
   * @param methods resolves a method name to its implementation, or null when unknown
   * @return the encoded reply, or null when nothing must be sent (only notifications); never
   *     fails
   */
  Future<String> handle(Buffer body, Function<String, RpcMethod> methods) {
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException | ClassCastException e) {
      metrics.recordRejected(RpcMetrics.REASON_PARSE_ERROR);
      return Future.succeededFuture(errorReply(null, RpcException.parseError()));
    }
    if (parsed instanceof JsonArray batch) {
      return handleBatch(batch, methods);
    }
    return handleOne(parsed, methods);
  }

  private Future<String> handleBatch(JsonArray batch, Function<String, RpcMethod> methods) {
    if (batch.isEmpty()) {
      metrics.recordRejected(RpcMetrics.REASON_INVALID_REQUEST);
      return Future.succeededFuture(
          errorReply(null, RpcException.invalidRequest("empty batch")));
    }
    if (batch.size() > maxBatchSize) {
      metrics.recordRejected(RpcMetrics.REASON_BATCH_TOO_LARGE);
      return Future.succeededFuture(errorReply(null, RpcException.limitExceeded(
          "batch of " + batch.size() + " requests exceeds the limit of " + maxBatchSize)));
    }
    List<Future<String>> replies = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      replies.add(handleOne(batch.getValue(i), methods));
    }
    // The per-request futures never fail, so all() completes when the last one does.
    return Future.all(replies).map(done -> joinReplies(replies));
  }

  private static String joinReplies(List<Future<String>> replies) {
    StringJoiner joined = new StringJoiner(",", "[", "]");
    int count = 0;
    for (Future<String> reply : replies) {
      if (reply.result() != null) {
        joined.add(reply.result());
        count++;
      }
    }
    return count == 0 ? null : joined.toString();
  }

  private Future<String> handleOne(Object element, Function<String, RpcMethod> methods) {
    if (!(element instanceof JsonObject object)) {
      return rejectInvalid(null, RpcException.invalidRequest("a request must be a JSON object"));
    }
    Object id;
    try {
      id = Request.validId(object);
    } catch (RpcException invalidId) {
      return rejectInvalid(null, invalidId);
    }
    Request request;
    try {
      request = Request.parse(object);
    } catch (RpcException invalid) {
      return rejectInvalid(id, invalid); // JSON-RPC 2.0: invalid requests are answered, id or not
    }
    RpcMethod method = methods.apply(request.method());
    if (method == null) {
      metrics.recordUnknownMethod();
      return Future.succeededFuture(
          request.notification() ? null
              : errorReply(request.id(), RpcException.methodNotFound(request.method())));
    }
    long start = System.nanoTime();
    return invoke(method, request).transform(outcome -> {
      Throwable failure = outcome.failed() ? unwrap(outcome.cause()) : null;
      String reply = failure == null
          ? resultReply(request, outcome.result())
          : errorReply(request.id(), toRpcException(request.method(), failure));
      metrics.recordCall(request.method(), outcomeLabel(failure), System.nanoTime() - start);
      return Future.succeededFuture(request.notification() ? null : reply);
    });
  }

  private Future<String> rejectInvalid(Object id, RpcException error) {
    metrics.recordRejected(RpcMetrics.REASON_INVALID_REQUEST);
    return Future.succeededFuture(errorReply(id, error));
  }

  private static Future<Object> invoke(RpcMethod method, Request request) {
    try {
      Future<Object> result = method.call(request.params());
      return result != null
          ? result
          : Future.failedFuture(new IllegalStateException("method returned no Future"));
    } catch (RuntimeException thrown) {
      return Future.failedFuture(thrown);
    }
  }

  /** Encodes here, per request, so that one unencodable result spoils only its own reply. */
  private String resultReply(Request request, Object result) {
    try {
      return new JsonObject().put("jsonrpc", VERSION).put("id", request.id())
          .put("result", result).encode();
    } catch (RuntimeException notJson) {
      LOG.warn("{} returned a result that is not JSON: {}", request.method(), notJson.toString());
      return errorReply(request.id(), RpcException.internalError());
    }
  }

  /** Methods built on CompletableFuture fail with their cause wrapped in a CompletionException. */
  private static Throwable unwrap(Throwable failure) {
    return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
  }

  private static RpcException toRpcException(String method, Throwable failure) {
    if (failure instanceof RpcException rpc) {
      return rpc;
    }
    LOG.warn("JSON-RPC method {} failed", method, failure);
    return RpcException.internalError();
  }

  private static String outcomeLabel(Throwable failure) {
    if (failure == null) {
      return RpcMetrics.OUTCOME_SUCCESS;
    }
    return failure instanceof RpcException
        ? RpcMetrics.OUTCOME_ERROR
        : RpcMetrics.OUTCOME_INTERNAL_ERROR;
  }

  /** An error reply; the error's data is dropped if it cannot be encoded. */
  static String errorReply(Object id, RpcException error) {
    JsonObject body = new JsonObject().put("code", error.code()).put("message", error.getMessage());
    if (error.data() != null) {
      body.put("data", error.data());
    }
    JsonObject reply = new JsonObject().put("jsonrpc", VERSION).put("id", id).put("error", body);
    try {
      return reply.encode();
    } catch (RuntimeException badData) {
      body.remove("data");
      return reply.encode();
    }
  }

  /** A request that passed validation. */
  private record Request(Object id, boolean notification, String method, JsonArray params) {

    static Request parse(JsonObject object) {
      Object params = object.getValue("params");
      if (!VERSION.equals(object.getValue("jsonrpc"))) {
        throw RpcException.invalidRequest("jsonrpc must be \"2.0\"");
      }
      if (!(object.getValue("method") instanceof String method) || method.isEmpty()) {
        throw RpcException.invalidRequest("method must be a non-empty string");
      }
      if (params != null && !(params instanceof JsonArray)) {
        throw RpcException.invalidRequest("params must be an array");
      }
      return new Request(object.getValue("id"), !object.containsKey("id"), method,
          params == null ? new JsonArray() : (JsonArray) params);
    }

    /** The id if it is valid (string, number or null); otherwise the error says so. */
    static Object validId(JsonObject object) {
      Object id = object.getValue("id");
      if (id != null && !(id instanceof String) && !(id instanceof Number)) {
        throw RpcException.invalidRequest("id must be a string, a number or null");
      }
      return id;
    }
  }
}
