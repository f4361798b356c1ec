package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.ledger.FakeNode;

/**
 * A bridge that has read no ledger block yet (first start, node still starting) cannot date a contribution: it
 * answers 503 LEDGER_NOT_READ_YET and records nothing, so the caller's retry under the same Idempotency-Key is taken once the
 * ledger is read - a recorded 4xx would have been replayed to that retry for ever.
 */
class BridgeApiNotReadyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BODY = """
            {"contributionId": "c-2026-11-0001", "period": "2026-11", "memberRef": "m.1",
             "declaredIncomeCents": 120000, "paidCents": 2000}""";

    @TempDir
    Path dir;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void contribution_beforeTheFirstLedgerRead_is503NotRecorded_andTheSameKeyIsTakenOnceRead() throws Exception {
        try (FakeNode node = new FakeNode(5)) {
            node.failWith = "node starting";
            BridgeServer bridge = BridgeServer.start(config(node.url()), new PrintWriter(new StringWriter()));
            try {
                HttpResponse<String> early = post(bridge, "key-1");
                node.failWith = null;
                awaitFirstLedgerRead(bridge);
                HttpResponse<String> retried = post(bridge, "key-1");

                assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
                assertThat(early.body()).contains(BridgeApi.NOT_READY);
                assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
                assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
                assertThat(get(bridge, "/v1/rejected")).doesNotContain(BridgeApi.NOT_READY);
                assertThat(JSON.readTree(get(bridge, "/v1/funding")).get("balancesCents").get("ssa-members").asLong())
                        .isEqualTo(2_000);
            } finally {
                bridge.close();
            }
        }
    }

    private BridgeConfig config(String rpcUrl) throws Exception {
        // Any valid secp256k1 key: this bridge attests nothing.
        Files.writeString(dir.resolve("bridge.key"),
                "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        return BridgeConfigReader.parse("""
                {
                  "dataDir": "bridge-data",
                  "ledger": {"rpcUrl": "%s", "keyFile": "bridge.key", "pollMillis": 50},
                  "http": {"port": 0},
                  "settlement": {"window": "daily", "mode": "net"},
                  "debtor": {"name": "Caisse commune", "iban": "FR7630006000011234567890189"},
                  "funding": {
                    "accounts": [
                      {"id": "ssa-members", "kind": "contributions", "earmarks": [2]},
                      {"id": "creation", "kind": "monetary-creation"}
                    ],
                    "creationCeilingCentsPerMonth": 0
                  },
                  "memberContributions": {"accountId": "ssa-members"},
                  "payees": []
                }
                """.formatted(rpcUrl), dir);
    }

    private HttpResponse<String> post(BridgeServer bridge, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(bridge, "/v1/member-contributions")).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(BridgeServer bridge, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(bridge, path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** Polls the status until the bridge has read a block (bounded: 30 s). */
    private void awaitFirstLedgerRead(BridgeServer bridge) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (JSON.readTree(get(bridge, "/v1/status")).get("headTimestamp").asLong() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bridge never read the fake node");
    }

    private static URI uri(BridgeServer bridge, String path) {
        return URI.create("http://127.0.0.1:" + bridge.httpPort() + path);
    }
}
