package org.targetedmoney.node.rpc;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * What {@code GET /health} reports: UP (HTTP 200) or DOWN (HTTP 503), with details such as the
 * block number, merged into the body next to {@code "status"}.
 */
public record HealthReport(boolean up, JsonObject details) {

  public HealthReport {
    Objects.requireNonNull(details, "details");
  }

  public static HealthReport up(JsonObject details) {
    return new HealthReport(true, details);
  }

  public static HealthReport down(String reason) {
    return new HealthReport(false, new JsonObject().put("reason", reason));
  }

  /** The body of the health response. */
  JsonObject toJson() {
    return details.copy().put("status", up ? "UP" : "DOWN");
  }
}
