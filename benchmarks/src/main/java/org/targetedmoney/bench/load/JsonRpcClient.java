package org.targetedmoney.bench.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A minimal JSON-RPC client over HTTP keep-alive, with batch requests. */
final class JsonRpcClient {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    JsonRpcClient(String url) {
        this.uri = URI.create(url);
    }

    private String post(String body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IOException("HTTP " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    /** One call; throws if the node answered an error. */
    Object call(String method, Object... params) throws IOException, InterruptedException {
        JsonObject req = new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", method)
                .put("params", new JsonArray(List.of(params)));
        JsonObject res = new JsonObject(post(req.encode()));
        if (res.containsKey("error")) {
            throw new IOException(method + " failed: " + res.getJsonObject("error").encode());
        }
        return res.getValue("result");
    }

    /** A batch of eth_sendRawTransaction; answers in request order (results or errors). */
    JsonArray sendRawBatch(List<String> signedTxs) throws IOException, InterruptedException {
        JsonArray batch = new JsonArray();
        for (int i = 0; i < signedTxs.size(); i++) {
            batch.add(new JsonObject().put("jsonrpc", "2.0").put("id", i).put("method", "eth_sendRawTransaction")
                    .put("params", new JsonArray().add(signedTxs.get(i))));
        }
        JsonArray answers = new JsonArray(post(batch.encode()));
        JsonArray ordered = new JsonArray();
        for (int i = 0; i < answers.size(); i++) {
            ordered.add(null);
        }
        for (Object a : answers) {
            JsonObject o = (JsonObject) a;
            ordered.set(o.getInteger("id"), o);
        }
        return ordered;
    }
}
