package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.COMMITTEE;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
import org.targetedmoney.node.api.Hex;
import org.targetedmoney.policy.abi.SystemContracts;
import org.targetedmoney.policy.genesis.Genesis;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;

/**
 * A node in its own JVM, paid by several members at once, is killed with SIGKILL at a random moment and
 * started again on the same data directory, {@value #DEFAULT_ROUNDS} times (long mode:
 * {@code -Dcrash.rounds=50}; {@code -Dcrash.seed=S} replays a run). After each restart every transaction
 * whose hash the node had answered is in a block with a successful receipt; at the end no transaction is
 * in the chain twice, each member's nonces run 0..n-1 without a gap, money moved exactly once per
 * included payment, and a clean replay of the published chain gives the same block hashes.
 */
class NodeCrashTest {
    static final int DEFAULT_ROUNDS = 3;
    static final int PAYERS = 4;
    /** Household size 2: the FOOD allowance of TestNetwork's genesis. */
    static final long ALLOWANCE_CENTS = 25_000;
    static final long MIN_LOAD_MILLIS = 200;
    static final long MAX_LOAD_MILLIS = 1_500;
    /** Bounds each payer per round, whatever the machine's speed. */
    static final int MAX_PAYMENTS_PER_ROUND = 2_000;
    /** No new block for this long means the restarted node has applied its log. */
    static final long QUIET_MILLIS = 1_500;
    static final long QUIESCENCE_TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    private final List<Credentials> payers = new ArrayList<>();
    /** Hash of every transaction the node acknowledged, and who sent it. */
    private final Map<String, Credentials> acknowledged = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    @Test
    void sigkillUnderLoad_thenRestart_losesNoAcknowledgedPaymentAndAppliesNoneTwice() throws Exception {
        int rounds = Integer.getInteger("crash.rounds", DEFAULT_ROUNDS);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Genesis genesis = TestNetwork.genesis();
        Path genesisFile = dir.resolve("genesis.json");
        GenesisWriter.write(genesis, genesisFile);
        int rpcPort = TestNetwork.freePort();
        int raftPort = TestNetwork.freePort();
        Path log = dir.resolve("node.log");
        for (int i = 0; i < PAYERS; i++) {
            payers.add(TestNetwork.key(100 + i));
        }
        NodeProcess node = NodeProcess.start(genesisFile, dir.resolve("data"), rpcPort, raftPort, log);
        RpcClient rpc = new RpcClient(node.url);
        try {
            setUp(rpc, genesis);
            for (int round = 1; round <= rounds; round++) {
                long loadMillis = MIN_LOAD_MILLIS + (long) random.nextInt((int) (MAX_LOAD_MILLIS - MIN_LOAD_MILLIS));
                List<Thread> load = startLoad(rpc);
                Thread.sleep(loadMillis);
                node.kill();
                for (Thread t : load) {
                    t.join();
                }
                assertThat(failures).as("errors from a live node (seed %d, round %d)", seed, round).isEmpty();
                node = NodeProcess.start(genesisFile, dir.resolve("data"), rpcPort, raftPort, log);
                assertEveryAcknowledgedTransactionSucceeded(rpc, seed, round);
            }
            awaitQuiescent(rpc);
            long included = assertNothingAppliedTwice(rpc);
            long replayed = ChainReplay.verify(rpc, genesis);
            assertThat(replayed).isGreaterThanOrEqualTo(acknowledged.size());
            System.out.printf("crash test: seed %d, %d kills, %d payments acknowledged, %d included, %d transactions "
                    + "replayed to the same block hashes%n", seed, rounds, acknowledged.size(), included, replayed);
        } finally {
            node.close();
        }
    }

    private void setUp(RpcClient rpc, Genesis genesis) throws Exception {
        int epoch = genesis.epochScheme().epochAt(Instant.now().getEpochSecond());
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

    /** One thread per payer: 1-cent payments to SHOP, one after the other, until the node dies. */
    private List<Thread> startLoad(RpcClient rpc) {
        List<Thread> threads = new ArrayList<>();
        for (Credentials payer : payers) {
            threads.add(Thread.ofPlatform().name("payer-" + payer.getAddress()).start(() -> pay(rpc, payer)));
        }
        return threads;
    }

    private void pay(RpcClient rpc, Credentials payer) {
        try {
            long nonce = rpc.nonce(payer);
            for (int i = 0; i < MAX_PAYMENTS_PER_ROUND; i++, nonce++) {
                String raw = RpcClient.signed(payer, nonce, "pay", new Address(SHOP.getAddress()), new Uint32(FOOD),
                        new Uint256(1), new Bytes32(reference(payer, nonce)));
                JsonObject answer = rpc.call("eth_sendRawTransaction", raw);
                if (answer.containsKey("error")) {
                    failures.add(payer.getAddress() + " nonce " + nonce + ": " + answer.encode());
                    return;
                }
                acknowledged.put(answer.getString("result"), payer);
            }
        } catch (IOException nodeKilled) {
            // the connection died with the node: this payer's in-flight payment is unacknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] reference(Credentials payer, long nonce) {
        byte[] who = org.web3j.utils.Numeric.hexStringToByteArray(payer.getAddress());
        return ByteBuffer.allocate(32).put(who).putLong(24, nonce).array();
    }

    private void assertEveryAcknowledgedTransactionSucceeded(RpcClient rpc, long seed, int round) throws Exception {
        for (String hash : acknowledged.keySet()) {
            JsonObject receipt = rpc.call("eth_getTransactionReceipt", hash).getJsonObject("result");
            assertThat(receipt).as("receipt of acknowledged %s after restart %d (seed %d)", hash, round, seed)
                    .isNotNull();
            assertThat(receipt.getString("status")).as("status of %s", hash).isEqualTo("0x1");
        }
    }

    /**
     * After a restart the node may still apply entries that were in its Raft log when it was killed (payments
     * sent but not yet acknowledged): wait until no block has been added for a while, so that the chain and
     * the balances below are read from the same state.
     */
    private static void awaitQuiescent(RpcClient rpc) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(QUIESCENCE_TIMEOUT_SECONDS);
        Object head = rpc.result("eth_blockNumber");
        while (System.nanoTime() < deadline) {
            Thread.sleep(QUIET_MILLIS);
            Object now = rpc.result("eth_blockNumber");
            if (now.equals(head)) {
                return;
            }
            head = now;
        }
        throw new AssertionError("the node kept adding blocks for " + QUIESCENCE_TIMEOUT_SECONDS + " s after the load");
    }

    /** Each included payment moved one cent once: the nonces count the payments, the balances agree. */
    private long assertNothingAppliedTwice(RpcClient rpc) throws Exception {
        long head = Hex.parseQuantity((String) rpc.result("eth_blockNumber"));
        Map<String, Long> nextNonce = new ConcurrentHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
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
        long paid = 0;
        for (Credentials payer : payers) {
            long payments = nextNonce.getOrDefault(payer.getAddress(), 0L);
            assertThat(balance(rpc, payer)).as("balance of %s", payer.getAddress())
                    .isEqualTo(ALLOWANCE_CENTS - payments);
            paid += payments;
        }
        assertThat(balance(rpc, SHOP)).isEqualTo(paid);
        assertThat(paid).isGreaterThanOrEqualTo(acknowledged.size());
        JsonObject invariants = (JsonObject) rpc.result("ledger_invariants");
        assertThat(invariants.getBoolean("holds")).as("ledger_invariants %s", invariants.encode()).isTrue();
        return paid;
    }

    private static long balance(RpcClient rpc, Credentials who) throws Exception {
        String data = FunctionEncoder.encode(new Function("balanceOf",
                List.of(new Address(who.getAddress()), new Uint32(FOOD)), List.of()));
        JsonObject call = new JsonObject().put("to", SystemContracts.LEDGER.toHex()).put("data", data);
        return new BigInteger(((String) rpc.result("eth_call", call, "latest")).substring(2), 16).longValueExact();
    }
}
