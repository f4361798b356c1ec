package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.node.api.Hex;
import org.targetedmoney.node.rpc.JsonRpcServer;
import org.targetedmoney.node.rpc.RpcException;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.http.HttpService;

/**
 * A generated 3-validator network in child JVMs: what a client sees of it (writes through any node, local reads
 * naming their block, the write allowlist) and what a machine without the network CA's certificate cannot do.
 */
class NetworkNodeTest {
    static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void writeThroughFollower_withWeb3j_isCommittedByTheLeader_andReadsNameTheirBlock() throws Exception {
        try (NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), 3, false, 10_000, false)) {
            net.startAll();
            int leader = net.awaitLeader(Duration.ofSeconds(10));
            int follower = leader == 1 ? 2 : 1;
            Web3j web3 = Web3j.build(new HttpService(net.url(follower)));
            try {
                String raw = RpcClient.signed(TestNetwork.REGISTRAR, net.rpc(follower).nonce(TestNetwork.REGISTRAR),
                        "enrolMembers", new DynamicArray<>(Address.class,
                                List.of(new Address(TestNetwork.ALICE.getAddress()))),
                        new Utf8String("FR-OCC-34-172"), new Uint8(2));
                EthSendTransaction sent = web3.ethSendRawTransaction(raw).send();
                assertThat(sent.hasError()).as("error %s", sent.getError() == null ? "" : sent.getError().getMessage())
                        .isFalse();
                JsonObject onLeader = awaitReceipt(net.rpc(leader), sent.getTransactionHash());
                assertThat(onLeader.getString("status")).isEqualTo("0x1");
                long block = Hex.parseQuantity(onLeader.getString("blockNumber"));

                HttpResponse<String> answer = post(net.url(follower), "eth_blockNumber");
                long header = Long.parseLong(answer.headers().firstValue(JsonRpcServer.BLOCK_HEADER).orElseThrow());
                assertThat(header).as("the follower's answer names its head block").isGreaterThanOrEqualTo(block)
                        .isEqualTo(Hex.parseQuantity(new JsonObject(answer.body()).getString("result")));
            } finally {
                web3.shutdown();
            }
        }
    }

    @Test
    void writeFromAccountOutsideAllowlist_isRefusedWithClearError_readsStayOpen() throws Exception {
        try (NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), 3, false, 10_000, false)) {
            net.startAll();
            String raw = RpcClient.signed(TestNetwork.ALICE, 0, "enrolMembers", new DynamicArray<>(Address.class,
                    List.of(new Address(TestNetwork.BOB.getAddress()))), new Utf8String("FR-OCC-34-172"), new Uint8(1));
            JsonObject answer = net.rpc(2).call("eth_sendRawTransaction", raw);
            assertThat(answer.getJsonObject("error").getInteger("code")).isEqualTo(RpcException.NOT_ALLOWED);
            assertThat(answer.getJsonObject("error").getString("message"))
                    .contains("account " + TestNetwork.ALICE.getAddress(), "not in the write allowlist of node-2");
            assertThat(net.rpc(2).call("eth_getTransactionCount", TestNetwork.ALICE.getAddress(), "latest")
                    .getString("result")).isEqualTo("0x0");
        }
    }

    /**
     * node-3 presents a certificate (and trusts a CA) of another network: its handshakes with node-1 and node-2
     * fail both ways, so it never joins; the two others form a majority of three and go on.
     */
    @Test
    void peerWithCertificateFromAnotherCa_isRefused_andTheGroupGoesOn() throws Exception {
        try (NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), 3, false, 10_000);
             NetworkHarness other = NetworkHarness.generate(tmp.resolve("other"), 3, false, 10_000)) {
            for (String file : List.of("node.crt", "node.key", "ca.crt")) {
                Files.copy(other.nodeDir(3).resolve(file), net.nodeDir(3).resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            net.start(1);
            net.start(2);
            net.start(3);
            int leader = net.awaitLeaderAmong(List.of(1, 2), Duration.ofSeconds(60));
            JsonObject receipt = net.rpc(leader).sendAs(TestNetwork.REGISTRAR, "enrolMembers",
                    new DynamicArray<>(Address.class, List.of(new Address(TestNetwork.ALICE.getAddress()))),
                    new Utf8String("FR-OCC-34-172"), new Uint8(2));
            assertThat(receipt.getString("status")).isEqualTo("0x1");
            Thread.sleep(3_000); // time enough for a peer that could join to replicate the block
            assertThat(net.rpc(3).result("eth_blockNumber")).as("the intruder's head").isEqualTo("0x0");
            assertThat(net.health(3).orElseThrow().containsKey("leader")).as("the intruder knows no leader").isFalse();
            String logs = Files.readString(net.log(1)) + Files.readString(net.log(2)) + Files.readString(net.log(3));
            assertThat(logs).containsAnyOf("SSLHandshakeException", "PKIX path", "certificate_unknown", "bad_certificate");
        }
    }

    private static JsonObject awaitReceipt(RpcClient rpc, String hash) throws Exception {
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject receipt = rpc.call("eth_getTransactionReceipt", hash).getJsonObject("result");
            if (receipt != null) {
                return receipt;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no receipt for " + hash + " on " + rpc.url + " within " + RECEIPT_TIMEOUT);
    }

    private static HttpResponse<String> post(String url, String method) throws Exception {
        String body = new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", method)
                .put("params", new io.vertx.core.json.JsonArray()).encode();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
