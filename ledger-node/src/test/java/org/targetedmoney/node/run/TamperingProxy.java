package org.targetedmoney.node.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A JSON-RPC proxy in front of a node that lies: it may rewrite each request before forwarding it (to serve
 * another block than the one asked) and each answer before returning it (to change a field). Batches are
 * forwarded as batches; answers are matched to requests by id. Every request it saw is recorded.
 */
final class TamperingProxy implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private final UnaryOperator<JsonObject> requests;
    private final BiFunction<JsonObject, JsonObject, JsonObject> answers;
    final List<JsonObject> seen = new CopyOnWriteArrayList<>();

    TamperingProxy(String target, UnaryOperator<JsonObject> requests,
                   BiFunction<JsonObject, JsonObject, JsonObject> answers) throws IOException {
        this.target = target;
        this.requests = requests;
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Changes answers only. */
    static TamperingProxy answers(String target, BiFunction<JsonObject, JsonObject, JsonObject> answers)
            throws IOException {
        return new TamperingProxy(target, UnaryOperator.identity(), answers);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean batch = body.startsWith("[");
            List<JsonObject> in = new ArrayList<>();
            if (batch) {
                new JsonArray(body).forEach(o -> in.add((JsonObject) o));
            } else {
                in.add(new JsonObject(body));
            }
            seen.addAll(in);
            Map<Object, JsonObject> byId = new HashMap<>();
            JsonArray forwarded = new JsonArray();
            for (JsonObject r : in) {
                JsonObject rewritten = requests.apply(r.copy());
                byId.put(r.getValue("id"), r);
                forwarded.add(rewritten);
            }
            String reply = forward(batch ? forwarded.encode() : forwarded.getJsonObject(0).encode());
            String out;
            if (batch) {
                JsonArray rewritten = new JsonArray();
                new JsonArray(reply).forEach(o -> rewritten.add(
                        answers.apply(byId.get(((JsonObject) o).getValue("id")), (JsonObject) o)));
                out = rewritten.encode();
            } else {
                out = answers.apply(in.get(0), new JsonObject(reply)).encode();
            }
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private String forward(String body) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(target)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
