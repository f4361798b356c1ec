package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.COMMITTEE;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.targetedmoney.node.api.Hex;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;

/**
 * Members paying a shop through a network whose nodes come and go: each payer sends 1-cent payments one after
 * the other, to its home node, and on an error or a dead node resends the same signed transaction to the next
 * node until it gets a hash or finds the transaction's receipt (so a retry never makes a second payment: same
 * nonce, same hash). What a client received a hash or a receipt for is "acknowledged".
 */
final class NetworkLoad {
    static final int MAX_PAYMENTS_PER_PAYER = 5_000;
    /** How long one payment may take, retries and failovers included, before the payer gives up. */
    static final long PAYMENT_TIMEOUT_MILLIS = 30_000;
    static final long RETRY_SLEEP_MILLIS = 200;

    private final NetworkHarness net;
    private final List<Credentials> payers = new ArrayList<>();
    final Map<String, Credentials> acknowledged = new ConcurrentHashMap<>();
    final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    NetworkLoad(NetworkHarness net, int payerCount) {
        this.net = net;
        for (int i = 0; i < payerCount; i++) {
            payers.add(TestNetwork.key(200 + i));
        }
    }

    /** Enrols the payers, conventions the shop and opens the current epoch, through node {@code via}. */
    void setUp(int via) throws Exception {
        RpcClient rpc = net.rpc(via);
        int epoch = net.genesis.epochScheme().epochAt(Instant.now().getEpochSecond());
        List<Address> members = payers.stream().map(c -> new Address(c.getAddress())).toList();
        List<JsonObject> receipts = List.of(
                rpc.sendAs(REGISTRAR, "enrolMembers", new DynamicArray<>(Address.class, members),
                        new Utf8String("FR-OCC-34-172"), new Uint8(2)),
                rpc.sendAs(COMMITTEE, "conventionProvider", new Address(SHOP.getAddress()),
                        new DynamicArray<>(Uint32.class, List.of(new Uint32(FOOD))), new Utf8String("FR-OCC-34"),
                        new Uint32(epoch), new Uint32(epoch + 24)),
                rpc.sendAs(AUTHORITY, "openEpoch", new Uint32(epoch)));
        for (JsonObject r : receipts) {
            assertThat(r.getString("status")).as("set-up receipt %s", r.encode()).isEqualTo("0x1");
        }
    }

    void start() {
        running = true;
        for (int i = 0; i < payers.size(); i++) {
            Credentials payer = payers.get(i);
            int home = 1 + i % net.size();
            threads.add(Thread.ofPlatform().name("payer-" + i).start(() -> pay(payer, home)));
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join(PAYMENT_TIMEOUT_MILLIS + 5_000);
        }
        threads.clear();
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    private void pay(Credentials payer, int home) {
        int node = home;
        try {
            long nonce = nonceOnSomeNode(payer, node);
            for (int i = 0; i < MAX_PAYMENTS_PER_PAYER && running; i++, nonce++) {
                String raw = RpcClient.signed(payer, nonce, "pay", new Address(SHOP.getAddress()), new Uint32(FOOD),
                        new Uint256(1), new Bytes32(reference(payer, nonce)));
                String hash = org.web3j.crypto.Hash.sha3(raw);
                node = deliver(raw, hash, node);
                if (node < 0) {
                    failures.add(payer.getAddress() + " nonce " + nonce + ": no node took it within "
                            + PAYMENT_TIMEOUT_MILLIS + " ms");
                    return;
                }
                acknowledged.put(hash, payer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends until acknowledged; returns the node that answered, or -1 after the timeout. */
    private int deliver(String raw, String hash, int firstNode) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PAYMENT_TIMEOUT_MILLIS);
        int node = firstNode;
        while (System.nanoTime() < deadline) {
            try {
                JsonObject answer = net.rpc(node).call("eth_sendRawTransaction", raw);
                if (!answer.containsKey("error") || hasReceipt(node, hash)) {
                    return node;
                }
            } catch (IOException deadNode) {
                // the node died or is unreachable: try the next one
            }
            node = 1 + node % net.size();
            Thread.sleep(RETRY_SLEEP_MILLIS);
        }
        return -1;
    }

    private boolean hasReceipt(int node, String hash) throws IOException, InterruptedException {
        JsonObject receipt = net.rpc(node).call("eth_getTransactionReceipt", hash).getJsonObject("result");
        return receipt != null;
    }

    private long nonceOnSomeNode(Credentials payer, int node) throws InterruptedException {
        for (int attempt = 0; attempt < 2 * net.size(); attempt++) {
            try {
                return net.rpc(node).nonce(payer);
            } catch (IOException e) {
                node = 1 + node % net.size();
            }
        }
        throw new IllegalStateException("no node answered eth_getTransactionCount");
    }

    private static byte[] reference(Credentials payer, long nonce) {
        byte[] who = org.web3j.utils.Numeric.hexStringToByteArray(payer.getAddress());
        return ByteBuffer.allocate(32).put(who).putLong(24, nonce).array();
    }

    /**
     * Reads node {@code node}'s whole chain: every acknowledged payment is in it exactly once, each sender's nonces
     * run 0..n-1 without a gap. Returns the number of transactions in the chain.
     */
    long assertChainHoldsEveryAcknowledgedOnce(int node) throws Exception {
        RpcClient rpc = net.rpc(node);
        long head = Hex.parseQuantity((String) rpc.result("eth_blockNumber"));
        Map<String, Long> nextNonce = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (long n = 1; n <= head; n++) {
            JsonObject block = (JsonObject) rpc.result("eth_getBlockByNumber", Hex.quantity(n), true);
            for (Object o : block.getJsonArray("transactions")) {
                JsonObject tx = (JsonObject) o;
                assertThat(seen.add(tx.getString("hash"))).as("%s included twice", tx.getString("hash")).isTrue();
                long expected = nextNonce.getOrDefault(tx.getString("from"), 0L);
                assertThat(Hex.parseQuantity(tx.getString("nonce"))).as("nonce of %s", tx.getString("hash"))
                        .isEqualTo(expected);
                nextNonce.put(tx.getString("from"), expected + 1);
            }
        }
        assertThat(seen).as("every acknowledged payment is on the chain of node-%d", node)
                .containsAll(acknowledged.keySet());
        return seen.size();
    }
}
