package org.targetedmoney.node.run;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** One eth_sendRawTransaction with a bounded wait: the answer, or null if none came in time. */
final class MinorityWrite {
    private MinorityWrite() {}

    static JsonObject send(String url, String raw, Duration patience) throws IOException, InterruptedException {
        String body = new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", "eth_sendRawTransaction")
                .put("params", new io.vertx.core.json.JsonArray().add(raw)).encode();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(patience)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return new JsonObject(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (HttpTimeoutException e) {
            return null;
        }
    }
}
