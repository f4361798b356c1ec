package org.targetedmoney.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.store.BridgeStore;
import org.targetedmoney.bridge.store.BridgeWriter;
import org.targetedmoney.bridge.store.Family;
import org.targetedmoney.bridge.store.IdempotencyKeys;
import org.targetedmoney.bridge.store.Json;
import org.targetedmoney.bridge.store.RejectedInput;
import org.targetedmoney.bridge.store.RejectedInputs;

class IdempotentHandlerTest {
    private static final Instant NOW = Instant.parse("2026-04-02T08:30:00Z");
    private static final String PATH = "/contributions/declarations";
    private static final String KEY = "8e03978e-40d5-43e8-bc93-6894a57f9324";
    private static final String F1 = "{\"firm\":\"F1\",\"amountCents\":100000}";
    private static final String F2 = "{\"firm\":\"F2\",\"amountCents\":100000}";

    @TempDir
    Path dir;

    private Vertx vertx;
    private BridgeStore store;
    private BridgeWriter writer;
    private RejectedInputs rejected;
    private DeclarationOperation operation;
    private HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        startService();
    }

    private void startService() throws Exception {
        store = BridgeStore.open(dir.resolve("store"));
        writer = BridgeWriter.start(store);
        rejected = new RejectedInputs(store);
        operation = new DeclarationOperation();
        IdempotentRoutes routes = new IdempotentRoutes(writer, new IdempotencyKeys(store), rejected,
                Clock.fixed(NOW, ZoneOffset.UTC));
        Router router = Router.router(vertx);
        routes.post(router, PATH, operation);
        routes.post(router, "/public-credits", operation);
        server = await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(router).listen());
    }

    private void stopService() throws Exception {
        await(server.close());
        writer.close();
        store.close();
    }

    @AfterEach
    void stop() throws Exception {
        stopService();
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpRequest request(String path, String key, BodyPublisher body, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                + path)).timeout(Duration.ofSeconds(10)).header("Content-Type", contentType).POST(body);
        if (key != null) {
            builder.header(IdempotentHandler.KEY_HEADER, key);
        }
        return builder.build();
    }

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        return client.send(request(path, key, BodyPublishers.ofString(json), "application/json"),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String key, String json) throws Exception {
        return post(PATH, key, json);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(Problem.CONTENT_TYPE);
        JsonNode body = json(response);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).isEqualTo(Problem.TYPE_PREFIX + code);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).isNotBlank();
    }

    private long declarations() {
        return store.scan(Family.FILES, new byte[0], 100).size();
    }

    @Test
    void post_withoutKey_is400MissingAndChangesNothing() throws Exception {
        HttpResponse<String> response = post(null, F1);

        assertProblem(response, 400, "IDEMPOTENCY_KEY_MISSING");
        assertThat(declarations()).isZero();
    }

    @Test
    void post_keyNotPrintableAscii_is400Invalid() throws Exception {
        assertProblem(post("x".repeat(256), F1), 400, "IDEMPOTENCY_KEY_INVALID");
        assertProblem(post("\"unterminated", F1), 400, "IDEMPOTENCY_KEY_INVALID");
        assertThat(declarations()).isZero();
    }

    @Test
    void post_newKey_runsTheOperationAndAnswersIt() throws Exception {
        HttpResponse<String> response = post(KEY, F1);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue(IdempotentHandler.REPLAYED_HEADER)).isEmpty();
        assertThat(json(response).path("number").asLong()).isEqualTo(1);
        assertThat(declarations()).isEqualTo(1);
    }

    @Test
    void post_sameKeySameBody_replaysTheFirstAnswerAndChangesNothing() throws Exception {
        HttpResponse<String> first = post(KEY, F1);

        HttpResponse<String> again = post(KEY, F1);
        HttpResponse<String> quoted = post("\"" + KEY + "\"", F1);

        for (HttpResponse<String> replay : java.util.List.of(again, quoted)) {
            assertThat(replay.statusCode()).isEqualTo(first.statusCode());
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(replay.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue(
                    "Content-Type"));
            assertThat(replay.headers().firstValue(IdempotentHandler.REPLAYED_HEADER)).contains("true");
        }
        assertThat(declarations()).isEqualTo(1);
    }

    @Test
    void post_sameKeyOtherBody_is422ReusedAndChangesNothing() throws Exception {
        post(KEY, F1);

        HttpResponse<String> reused = post(KEY, F2);

        assertProblem(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(declarations()).isEqualTo(1);
        assertThat(post(KEY, F1).headers().firstValue(IdempotentHandler.REPLAYED_HEADER))
                .as("the first answer is still the one replayed").contains("true");
    }

    @Test
    void post_sameKeyOnAnotherPath_isAnotherKey() throws Exception {
        post(KEY, F1);

        HttpResponse<String> other = post("/public-credits", KEY, F1);

        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.headers().firstValue(IdempotentHandler.REPLAYED_HEADER)).isEmpty();
        assertThat(declarations()).isEqualTo(2);
    }

    @Test
    void post_sameKeyWhileTheFirstIsInFlight_is409AndTheFirstCompletes() throws Exception {
        String slow = "{\"firm\":\"slow\",\"amountCents\":1}";
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(
                request(PATH, KEY, BodyPublishers.ofString(slow), "application/json"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(operation.entered.await(10, TimeUnit.SECONDS)).as("the first request reached the writer")
                .isTrue();

        HttpResponse<String> concurrent = post(KEY, slow);
        operation.release.countDown();

        assertProblem(concurrent, 409, "IDEMPOTENCY_KEY_IN_FLIGHT");
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(post(KEY, slow).headers().firstValue(IdempotentHandler.REPLAYED_HEADER)).contains("true");
        assertThat(declarations()).isEqualTo(1);
    }

    @Test
    void post_refusedByTheOperation_isRecordedReplayedKeptAndChangesNothingElse() throws Exception {
        String negative = "{\"firm\":\"F1\",\"amountCents\":-5}";

        HttpResponse<String> refused = post(KEY, negative);
        HttpResponse<String> replay = post(KEY, negative);

        assertProblem(refused, 422, "AMOUNT_NEGATIVE");
        assertThat(replay.body()).isEqualTo(refused.body());
        assertThat(replay.headers().firstValue(IdempotentHandler.REPLAYED_HEADER)).contains("true");
        assertThat(declarations()).as("the operation's staged writes were discarded").isZero();
        assertThat(DeclarationOperation.NUMBERS.current(store)).isZero();
        assertThat(rejected.newest(10)).singleElement().satisfies(kept -> {
            assertThat(kept.reasonCode()).isEqualTo("AMOUNT_NEGATIVE");
            assertThat(kept.scope()).isEqualTo("POST " + PATH);
            assertThat(kept.idempotencyKey()).isEqualTo(KEY);
            assertThat(kept.receivedAt()).isEqualTo(NOW);
            assertThat(kept.keptBytes()).asString().isEqualTo(negative);
        });
    }

    @Test
    void post_unreadableBody_isRefusedInPreparationAndKept() throws Exception {
        HttpResponse<String> refused = post(KEY, "{\"firm\":");

        assertProblem(refused, 400, "BODY_MALFORMED");
        assertThat(rejected.newest(10)).extracting(RejectedInput::reasonCode).containsExactly("BODY_MALFORMED");
        assertThat(post(KEY, "{\"firm\":").headers().firstValue(IdempotentHandler.REPLAYED_HEADER)).contains("true");
    }

    @Test
    void post_serverError_isNotRecordedSoTheRetryIsProcessed() throws Exception {
        operation.failNext.set(true);

        HttpResponse<String> failed = post(KEY, F1);
        HttpResponse<String> retry = post(KEY, F1);

        assertProblem(failed, 500, "INTERNAL_ERROR");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(IdempotentHandler.REPLAYED_HEADER)).isEmpty();
        assertThat(declarations()).isEqualTo(1);
        assertThat(rejected.count()).isZero();
    }

    @Test
    void post_answeredWithA5xx_isNotRecordedAndChangesNothing() throws Exception {
        HttpResponse<String> unavailable = post(KEY, "{\"firm\":\"unavailable\",\"amountCents\":1}");
        HttpResponse<String> sameKeyOtherBody = post(KEY, F1);

        assertProblem(unavailable, 503, "REGISTRY_UNAVAILABLE");
        assertThat(sameKeyOtherBody.statusCode()).as("the key was not taken by the 503").isEqualTo(201);
        assertThat(declarations()).isEqualTo(1);
        assertThat(rejected.count()).isZero();
    }

    @Test
    void post_afterTheServiceRestarts_replaysTheFirstAnswer() throws Exception {
        HttpResponse<String> first = post(KEY, F1);
        stopService();
        startService();

        HttpResponse<String> replay = post(KEY, F1);

        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue(IdempotentHandler.REPLAYED_HEADER)).contains("true");
        assertThat(declarations()).isEqualTo(1);
    }

    @Test
    void post_bodyOverTheLimitWithLength_is413Problem() throws Exception {
        byte[] big = new byte[IdempotentRoutes.MAX_BODY_BYTES + 1];

        HttpResponse<String> response = client.send(request(PATH, KEY, BodyPublishers.ofByteArray(big),
                "application/xml"), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 413, "BODY_TOO_LARGE");
        assertThat(declarations()).isZero();
    }

    @Test
    void post_chunkedBodyOverTheLimit_is413Problem() throws Exception {
        byte[] big = new byte[IdempotentRoutes.MAX_BODY_BYTES + 1];

        HttpResponse<String> response = client.send(request(PATH, KEY,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), "application/xml"),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 413, "BODY_TOO_LARGE");
    }

    @Test
    void post_multipartForm_is415() throws Exception {
        HttpResponse<String> response = client.send(request(PATH, KEY, BodyPublishers.ofString(
                "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--b--\r\n"),
                "multipart/form-data; boundary=b"), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 415, "MULTIPART_NOT_SUPPORTED");
    }
}
