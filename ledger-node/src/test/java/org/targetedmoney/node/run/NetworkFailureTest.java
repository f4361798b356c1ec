package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network of {@value #NODES} validators (child JVMs on loopback, Raft over mutual TLS) under crash and
 * partition faults, with members paying all along ({@link NetworkLoad}). Each test ends with every node on the
 * same head block hash and state root, and every payment a client was acknowledged on the chain exactly once.
 * Short by default; {@code -Dnetwork.long=true} loads for longer between faults.
 */
class NetworkFailureTest {
    static final int NODES = 3;
    static final int PAYERS = 3;
    static final boolean LONG = Boolean.getBoolean("network.long");
    static final long LOAD_MILLIS = LONG ? 20_000 : 1_500;
    /** A new leader must be agreed by the survivors within this (election timeout 1-2 s, plus detection). */
    static final Duration FAILOVER_BOUND = Duration.ofSeconds(15);
    static final Duration AGREEMENT_TIMEOUT = Duration.ofSeconds(60);
    static final long QUIET_MILLIS = 1_500;

    @TempDir
    Path tmp;

    @Test
    void leaderSigkillUnderLoad_newLeaderWithinBound_noAcknowledgedPaymentLostOrDoubled() throws Exception {
        try (NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), NODES, false, 10_000)) {
            net.startAll();
            NetworkLoad load = new NetworkLoad(net, PAYERS);
            load.setUp(1);
            load.start();
            Thread.sleep(LOAD_MILLIS);
            int leader = net.awaitLeader(Duration.ofSeconds(10));
            int before = load.acknowledgedCount();
            net.kill(leader);
            long killedAt = System.nanoTime();
            int newLeader = net.awaitLeader(FAILOVER_BOUND);
            long failoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            assertThat(newLeader).isNotEqualTo(leader);
            Thread.sleep(LOAD_MILLIS);
            awaitMoreAcknowledged(load, before);
            load.stop();
            assertThat(load.failures).as("payments no node took").isEmpty();
            net.start(leader);
            assertAllAgree(net, load);
            System.out.printf("leader kill: node-%d killed, node-%d leads after %d ms, %d payments acknowledged%n",
                    leader, newLeader, failoverMillis, load.acknowledgedCount());
        }
    }

    @Test
    void followerKilledAndRestarted_catchesUp_andAllAgree() throws Exception {
        try (NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), NODES, false, 10_000)) {
            net.startAll();
            NetworkLoad load = new NetworkLoad(net, PAYERS);
            load.setUp(1);
            load.start();
            Thread.sleep(LOAD_MILLIS);
            int follower = follower(net);
            net.kill(follower);
            int before = load.acknowledgedCount();
            Thread.sleep(LOAD_MILLIS);
            awaitMoreAcknowledged(load, before);
            net.start(follower);
            Thread.sleep(LOAD_MILLIS);
            load.stop();
            assertThat(load.failures).as("payments no node took").isEmpty();
            assertAllAgree(net, load);
        }
    }

    /**
     * A follower's data directory is wiped while it is down. The leader changes (a new term closes the log
     * segment) and snapshots every few entries, purging the log the snapshot covers: the wiped follower can only
     * be rebuilt from a snapshot (a RocksDB checkpoint sent by the leader), then the log after it.
     */
    @Test
    @org.junit.jupiter.api.Disabled("LedgerApplier.restoreFrom is not implemented yet. With the Raft log purged up to "
            + "each snapshot (RatisConfig: Log.setPurgeUptoSnapshotIndex), Ratis sends the snapshot and the wiped node "
            + "logs 'Restoring applier', then halts on UnsupportedOperationException")
    void followerWiped_isRebuiltFromSnapshot_andAllAgree() throws Exception {
        try (NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), NODES, false, 5)) {
            net.startAll();
            NetworkLoad load = new NetworkLoad(net, PAYERS);
            load.setUp(1);
            load.start();
            Thread.sleep(LOAD_MILLIS);
            int follower = follower(net);
            net.stop(follower);
            net.wipe(follower);
            int leader = net.awaitLeader(Duration.ofSeconds(10));
            net.kill(leader); // with one node down and the leader killed, the group waits for the leader to return
            net.start(leader);
            net.awaitLeader(FAILOVER_BOUND);
            int before = load.acknowledgedCount();
            Thread.sleep(LOAD_MILLIS);
            awaitMoreAcknowledged(load, before);
            net.start(follower);
            Thread.sleep(LOAD_MILLIS);
            load.stop();
            assertThat(load.failures).as("payments no node took").isEmpty();
            try {
                assertAllAgree(net, load);
                assertThat(Files.readString(net.log(follower))).contains("Restoring applier");
            } catch (AssertionError e) {
                throw new AssertionError("wiped node-" + follower + ": " + e.getMessage() + "\nits log ends with:\n"
                        + net.logTail(follower) + "\nits first errors:\n" + net.firstErrors(follower), e);
            }
        }
    }

    /**
     * The Raft links of one follower go through proxies the test cuts: that node takes no write (error or
     * timeout, never a hash), the majority goes on, and once healed the minority catches up.
     */
    @Test
    void minorityPartition_refusesWrites_majorityGoesOn_thenAllAgree() throws Exception {
        try (NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), NODES, true, 10_000)) {
            net.startAll();
            NetworkLoad setup = new NetworkLoad(net, PAYERS);
            setup.setUp(1);
            int minority = follower(net);
            net.isolate(List.of(minority));
            List<Integer> majority = new ArrayList<>(net.liveNodes());
            majority.remove(Integer.valueOf(minority));
            long majorityHead = head(net, majority.get(0));
            // The majority still commits: a governance write through one of its nodes gets a receipt.
            JsonObject receipt = net.rpc(majority.get(0)).sendAs(TestNetwork.AUTHORITY, "openEpoch",
                    new org.web3j.abi.datatypes.generated.Uint32(TestNetwork.EPOCH + 1));
            assertThat(receipt).isNotNull();
            assertThat(head(net, majority.get(0))).isGreaterThan(majorityHead);
            // The minority cannot: its answer is an error or nothing within the client's patience.
            String raw = RpcClient.signed(TestNetwork.REGISTRAR, net.rpc(minority).nonce(TestNetwork.REGISTRAR),
                    "enrolMembers", new org.web3j.abi.datatypes.DynamicArray<>(org.web3j.abi.datatypes.Address.class,
                            List.of(new org.web3j.abi.datatypes.Address(TestNetwork.BOB.getAddress()))),
                    new org.web3j.abi.datatypes.Utf8String("FR-OCC-34-172"),
                    new org.web3j.abi.datatypes.generated.Uint8(1));
            JsonObject answer = MinorityWrite.send(net.url(minority), raw, Duration.ofSeconds(8));
            assertThat(answer == null || answer.containsKey("error"))
                    .as("write through the isolated node-%d: %s", minority, answer).isTrue();
            net.heal(List.of(minority));
            assertAllAgree(net, setup);
        }
    }

    private static int follower(NetworkHarness net) throws InterruptedException {
        int leader = net.awaitLeader(Duration.ofSeconds(10));
        return leader == 1 ? 2 : 1;
    }

    private static void awaitMoreAcknowledged(NetworkLoad load, int before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (load.acknowledgedCount() <= before && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(load.acknowledgedCount()).as("payments acknowledged after the fault").isGreaterThan(before);
    }

    private static long head(NetworkHarness net, int node) throws Exception {
        return org.targetedmoney.node.api.Hex.parseQuantity((String) net.rpc(node).result("eth_blockNumber"));
    }

    /**
     * Waits until every node reports the same head for a quiet while, then checks that their latest blocks have
     * the same hash and state root, and that the chain holds every acknowledged payment exactly once.
     */
    static void assertAllAgree(NetworkHarness net, NetworkLoad load) throws Exception {
        long deadline = System.nanoTime() + AGREEMENT_TIMEOUT.toNanos();
        List<JsonObject> heads = List.of();
        while (System.nanoTime() < deadline) {
            heads = latestBlocks(net);
            if (heads.stream().map(b -> b.getString("hash")).distinct().count() == 1) {
                Thread.sleep(QUIET_MILLIS);
                if (latestBlocks(net).equals(heads)) {
                    break;
                }
            } else {
                Thread.sleep(200);
            }
        }
        assertThat(heads.stream().map(b -> b.getString("number") + " " + b.getString("hash") + " "
                + b.getString("stateRoot")).distinct().toList()).as("head number, hash and state root of every node")
                .hasSize(1);
        load.assertChainHoldsEveryAcknowledgedOnce(1);
    }

    private static List<JsonObject> latestBlocks(NetworkHarness net) throws Exception {
        List<JsonObject> heads = new ArrayList<>();
        for (int i = 1; i <= net.size(); i++) {
            JsonObject b = (JsonObject) net.rpc(i).result("eth_getBlockByNumber", "latest", false);
            heads.add(new JsonObject().put("number", b.getString("number")).put("hash", b.getString("hash"))
                    .put("stateRoot", b.getString("stateRoot")));
        }
        return heads;
    }
}
