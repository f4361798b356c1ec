package org.targetedmoney.bench.bridge;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** The measured phase of a load run as JSON: counts, throughput, latency percentiles in milliseconds. */
final class LoadReport {
    private LoadReport() {
    }

    static JsonObject of(ContributionRequests.Kind kind, String loop, int clientsOrRate, LoadClient.Stats s,
                         double seconds) {
        synchronized (s) {
            JsonObject byStatus = new JsonObject();
            s.byStatus.forEach((status, n) -> byStatus.put(Integer.toString(status), n));
            Histogram h = s.latencyMicros;
            return new JsonObject().put("kind", kind.name().toLowerCase(java.util.Locale.ROOT)).put("loop", loop)
                    .put(loop.equals("closed") ? "clients" : "ratePerSecond", clientsOrRate)
                    .put("requestsSent", s.sent).put("answered", s.answered).put("accepted", s.accepted)
                    .put("answersByStatus", byStatus).put("replayedDuringRun", s.replayed)
                    .put("transportErrors", s.transportErrors).put("errors", s.errors()).put("seconds", seconds)
                    .put("requestsPerSecond", Math.round(s.answered / seconds))
                    .put("latencyMillis", new JsonObject()
                            .put("p50", h.getValueAtPercentile(50) / 1000.0)
                            .put("p90", h.getValueAtPercentile(90) / 1000.0)
                            .put("p99", h.getValueAtPercentile(99) / 1000.0)
                            .put("p999", h.getValueAtPercentile(99.9) / 1000.0)
                            .put("max", h.getMaxValue() / 1000.0)
                            .put("mean", Math.round(h.getMean()) / 1000.0));
        }
    }
}
