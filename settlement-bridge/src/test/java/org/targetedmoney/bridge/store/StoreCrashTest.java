package org.targetedmoney.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing through the store's writer is killed with SIGKILL after a random number of acknowledged
 * commits, {@value #ROUNDS} times on the same directory. After each kill the store holds exactly the records
 * 1..S of its sequence, each complete in every family (nothing half-written, no gap), and S covers every
 * acknowledged record (nothing acknowledged lost). {@code -Dcrash.seed=S} replays a run's kill points.
 *
 * <p>A process kill leaves the operating system's buffers to be written, so this tests atomicity and the
 * acknowledged-means-committed order, not the {@code sync} of each commit (which only a power cut would).
 */
class StoreCrashTest {
    static final int ROUNDS = 3;
    static final int MIN_ACKS_BEFORE_KILL = 20;
    static final int MAX_ACKS_BEFORE_KILL = 400;
    static final long CHILD_TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void sigkillWhileCommitting_thenReopen_findsEveryAcknowledgedRecordWholeAndNothingPartial() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path data = dir.resolve("store");
        long total = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int killAfter = MIN_ACKS_BEFORE_KILL + random.nextInt(MAX_ACKS_BEFORE_KILL - MIN_ACKS_BEFORE_KILL);
            long lastAck = runAndKill(data, killAfter);
            try (BridgeStore store = BridgeStore.open(data)) {
                long stored = CrashChild.NUMBERS.current(store);
                assertThat(stored).as("round %d (seed %d): acknowledged %d, stored %d", round, seed, lastAck, stored)
                        .isGreaterThanOrEqualTo(lastAck).isGreaterThan(total);
                assertWholePrefix(store, stored);
                total = stored;
            }
        }
        System.out.printf("store crash test: seed %d, %d kills, %d records%n", seed, ROUNDS, total);
    }

    /** Starts the child, kills it once it acknowledged {@code killAfter} records; returns the last acknowledged. */
    private static long runAndKill(Path data, int killAfter) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                // The child's start-up is most of the test's time: C1 only and the serial collector start fastest.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), data.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        AtomicLong lastAck = new AtomicLong();
        long acks = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
            String line;
            while (acks < killAfter && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    lastAck.accumulateAndGet(Long.parseLong(line.substring(4)), Math::max);
                    acks++;
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, RocksDB is not closed
            assertThat(child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the child died").isTrue();
        }
        assertThat(acks).as("acknowledgements before the kill").isEqualTo(killAfter);
        return lastAck.get();
    }

    /** Records 1..stored are whole in every family, and there is nothing beyond. */
    private static void assertWholePrefix(BridgeStore store, long stored) {
        for (Family family : CrashChild.FAMILIES) {
            long expected = 1;
            byte[] after = null;
            while (true) {
                List<Entry> page = after == null ? store.scan(family, new byte[0], BridgeStore.MAX_SCAN)
                        : store.scanAfter(family, new byte[0], after, BridgeStore.MAX_SCAN);
                if (page.isEmpty()) {
                    break;
                }
                for (Entry e : page) {
                    assertThat(Keys.toLong(e.key())).as("%s: record numbers without a gap", family).isEqualTo(expected);
                    assertThat(e.value()).as("%s record %d", family, expected)
                            .isEqualTo(CrashChild.value(expected, family));
                    expected++;
                }
                after = page.get(page.size() - 1).key();
            }
            assertThat(expected - 1).as("%s holds exactly the sequence's records", family).isEqualTo(stored);
        }
    }
}
