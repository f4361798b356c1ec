package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.http.ApiTokens;
import org.targetedmoney.bridge.http.BearerAuth;
import org.targetedmoney.bridge.http.Role;
import org.targetedmoney.bridge.ledger.FakeNode;

/**
 * The API behind bearer tokens: 401 without a token or with an unknown one (a problem body and
 * {@code WWW-Authenticate: Bearer}), 403 with a token of another role, the route's answer with one of a role it
 * allows; /health, /metrics and /openapi.yaml open; an operator changes a payee, a reader sees it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeAuthTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SHOP = "0x00000000000000000000000000000000000000aa";
    static final String CONTRIBUTION = """
            {"contributionId": "c-2026-11-0001", "period": "%s", "memberRef": "m.1",
             "declaredIncomeCents": 120000, "paidCents": 2000}""";

    @TempDir
    static Path dir;
    FakeNode node;
    BridgeServer bridge;

    @BeforeAll
    void start() throws Exception {
        node = new FakeNode(5);
        StringBuilder tokens = new StringBuilder();
        for (Role r : Role.values()) {
            tokens.append(ApiTokens.line(r, r.code() + "-1", token(r))).append('\n');
        }
        Path file = dir.resolve("tokens");
        Files.writeString(file, tokens);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        bridge = BridgeServer.start(BridgeConfigReader.parse(config("\"tokensFile\": \"tokens\""), dir),
                new PrintWriter(new StringWriter()));
        as(Role.READER).await("/v1/status", s -> s.get("headTimestamp").asLong() > 0, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        node.close();
    }

    /** A token per role, fixed for the test. */
    static String token(Role r) {
        return "test-token-of-the-" + r.code() + "-role-0123456789";
    }

    private String config(String tokensField) throws IOException {
        Files.writeString(dir.resolve("bridge.key"), "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        return """
                {
                  "dataDir": "bridge-data",
                  "ledger": {"rpcUrl": "%s", "keyFile": "bridge.key", "pollMillis": 50},
                  "http": {"port": 0, %s},
                  "debtor": {"name": "Caisse commune", "iban": "FR7630006000011234567890189"},
                  "funding": {
                    "accounts": [{"id": "ssa-members", "kind": "contributions", "earmarks": [2]}],
                    "creationCeilingCentsPerMonth": 0
                  },
                  "memberContributions": {"accountId": "ssa-members"}
                }
                """.formatted(node.url(), tokensField);
    }

    private BridgeClient as(Role role) {
        return new BridgeClient(base(), Optional.of(token(role)));
    }

    private BridgeClient anonymous() {
        return new BridgeClient(base());
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + bridge.httpPort());
    }

    @Test
    void anyV1Route_withoutToken_is401ProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> read = anonymous().getResponse("/v1/status");
        HttpResponse<String> write = anonymous().post("/v1/cutoff", "k-anon", "");

        for (HttpResponse<String> r : java.util.List.of(read, write)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"settlement-bridge\"");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo(BearerAuth.MISSING_TOKEN);
        }
    }

    @Test
    void anyV1Route_unknownToken_is401InvalidToken() throws Exception {
        HttpResponse<String> r = new BridgeClient(base(), Optional.of("not-a-token-of-this-bridge"))
                .getResponse("/v1/funding");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"settlement-bridge\", error=\"invalid_token\"");
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo(BearerAuth.INVALID_TOKEN);
    }

    @Test
    void routes_tokenOfAnotherRole_is403NamingTheRolesAllowed() throws Exception {
        HttpResponse<String> readerCutsOff = as(Role.READER).post("/v1/cutoff", "k-1", "");
        HttpResponse<String> collectorReads = as(Role.COLLECTOR).getResponse("/v1/status");
        HttpResponse<String> bankContributes = as(Role.BANK).post("/v1/member-contributions", "k-2",
                CONTRIBUTION.formatted("2026-11"));
        HttpResponse<String> fundSetsPayee = as(Role.FUND).put("/v1/payees/" + SHOP, "k-3",
                "{\"name\": \"Epicerie\", \"iban\": \"DE89370400440532013000\"}");

        for (HttpResponse<String> r : java.util.List.of(readerCutsOff, collectorReads, bankContributes, fundSetsPayee)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo(BearerAuth.FORBIDDEN_ROLE);
        }
        assertThat(JSON.readTree(readerCutsOff.body()).get("detail").asText())
                .isEqualTo("token 'reader-1' has role reader; POST /v1/cutoff needs one of [operator]");
    }

    @Test
    void routes_tokenOfAnAllowedRole_getsTheRoutesAnswer() throws Exception {
        String month = java.time.YearMonth.from(java.time.Instant.ofEpochSecond(as(Role.READER).get("/v1/status")
                .get("headTimestamp").asLong()).atZone(java.time.ZoneOffset.UTC)).toString();

        assertThat(as(Role.READER).getResponse("/v1/batches").statusCode()).isEqualTo(200);
        assertThat(as(Role.OPERATOR).getResponse("/v1/funding").statusCode()).isEqualTo(200);
        HttpResponse<String> contribution = as(Role.COLLECTOR).post("/v1/member-contributions", "k-4",
                CONTRIBUTION.formatted(month));
        assertThat(contribution.statusCode()).as(contribution.body()).isEqualTo(201);
        HttpResponse<String> bank = as(Role.BANK).post("/v1/bank/messages", "k-5", "<Document><unclosed>");
        assertThat(bank.statusCode()).as("the bank reached the route, which refused the file").isEqualTo(422);
        HttpResponse<String> declaration = as(Role.FUND).post("/v1/declarations", "k-6", "{}");
        assertThat(declaration.statusCode()).as("no fund here, but the fund's token got through").isEqualTo(404);
        assertThat(as(Role.OPERATOR).post("/v1/cutoff", "k-7", "").statusCode()).isEqualTo(200);
    }

    @Test
    void healthMetricsAndOpenApi_withoutToken_stayOpen() throws Exception {
        assertThat(anonymous().getResponse("/health").statusCode()).isEqualTo(200);
        assertThat(anonymous().getResponse("/metrics").statusCode()).isEqualTo(200);
        assertThat(anonymous().getResponse("/openapi.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void payee_setByTheOperator_listedForReadersAndReplayedByItsKey() throws Exception {
        String body = "{\"name\": \"Epicerie du coin\", \"iban\": \"DE89 3704 0044 0532 0130 00\", \"bic\": \"cobadeffxxx\"}";

        HttpResponse<String> set = as(Role.OPERATOR).put("/v1/payees/" + SHOP, "payee-1", body);
        HttpResponse<String> replay = as(Role.OPERATOR).put("/v1/payees/" + SHOP, "payee-1", body);

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(set.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        JsonNode payees = as(Role.READER).get("/v1/payees");
        assertThat(payees).singleElement().satisfies(p -> {
            assertThat(p.get("provider").asText()).isEqualTo(SHOP);
            assertThat(p.get("iban").asText()).isEqualTo("DE89370400440532013000");
            assertThat(p.get("bic").asText()).isEqualTo("COBADEFFXXX");
        });
    }

    @Test
    void payee_badIbanOrAddress_refusedAndChangesNothing() throws Exception {
        HttpResponse<String> badIban = as(Role.OPERATOR).put("/v1/payees/0x00000000000000000000000000000000000000bb",
                "payee-2", "{\"name\": \"Cabinet\", \"iban\": \"DE00370400440532013000\"}");
        HttpResponse<String> badAddress = as(Role.OPERATOR).put("/v1/payees/0x12", "payee-3",
                "{\"name\": \"Cabinet\", \"iban\": \"DE89370400440532013000\"}");

        assertThat(badIban.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(badIban.body()).get("code").asText()).isEqualTo("INVALID_IBAN");
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(as(Role.READER).get("/v1/payees").toString()).doesNotContain("000000bb");
    }

    @Test
    void escalations_operatorActionsOnATransferNeverEscalated_refusedWithACode() throws Exception {
        HttpResponse<String> reissue = as(Role.OPERATOR).post("/v1/escalations/B2026-11-02-unknown/0/reissue", "r-1",
                "");
        HttpResponse<String> abandonWithoutReason = as(Role.OPERATOR).post(
                "/v1/escalations/B2026-11-02-unknown/0/abandon", "a-1", "{}");

        assertThat(reissue.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(reissue.body()).get("code").asText()).isEqualTo("UNKNOWN_BATCH");
        assertThat(abandonWithoutReason.statusCode()).isEqualTo(400);
        assertThat(as(Role.READER).get("/v1/escalations")).isEmpty();
    }

    @Test
    void start_nonLoopbackHostWithoutTokens_refusedWithTheFix() {
        assertThatThrownBy(() -> BridgeServer.tokens(new BridgeConfig.Http("0.0.0.0", 0, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config.http.host 0.0.0.0 is not a loopback address")
                .hasMessageContaining("bridge token --role operator");
    }

    @Test
    void start_loopbackWithoutTokens_openAsBefore() throws Exception {
        assertThat(BridgeServer.tokens(new BridgeConfig.Http("127.0.0.1", 0, Optional.empty()))).isEmpty();
        assertThat(BridgeServer.tokens(new BridgeConfig.Http("localhost", 0, Optional.empty()))).isEmpty();
    }

    @Test
    void start_tokensFileOthersMayRead_refusedBeforeAnythingStarts(@TempDir Path other) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = other.resolve("tokens");
        Files.writeString(file, ApiTokens.line(Role.OPERATOR, "ops", "t") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> BridgeServer.tokens(new BridgeConfig.Http("127.0.0.1", 0, Optional.of(file))))
                .isInstanceOf(IOException.class).hasMessageContaining("chmod 600");
    }
}
