package org.targetedmoney.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeWriterTest {
    private static final Sequence NUMBERS = new Sequence("numbers");

    @TempDir
    Path dir;

    private BridgeStore store;
    private BridgeWriter writer;

    @BeforeEach
    void open() {
        store = BridgeStore.open(dir);
        writer = BridgeWriter.start(store);
    }

    @AfterEach
    void close() {
        writer.close();
        store.close();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Stages one line under the next number and returns the number. */
    private static long addLine(Writes writes) {
        long n = NUMBERS.next(writes);
        writes.put(Family.JOURNAL, Keys.ofNumber(n), Keys.utf8("line " + n));
        return n;
    }

    @Test
    void submit_completesOnceTheWritesAreCommitted() throws Exception {
        long n = await(writer.submit(BridgeWriterTest::addLine));

        assertThat(n).isEqualTo(1);
        assertThat(store.get(Family.JOURNAL, Keys.ofNumber(1))).isPresent();
    }

    @Test
    void tasksQueuedTogether_eachSeesTheWritesOfThoseBefore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> gate = writer.submit(w -> {
            release.await();
            return null;
        });
        List<Future<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            queued.add(writer.submit(BridgeWriterTest::addLine));
        }
        release.countDown();

        await(gate);
        List<Long> numbers = new ArrayList<>();
        for (Future<Long> f : queued) {
            numbers.add(await(f));
        }
        assertThat(numbers).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(store.scan(Family.JOURNAL, new byte[0], 100)).hasSize(50);
    }

    @Test
    void aFailingTask_leavesNothingAndTheOthersOfItsGroupCommit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        writer.submit(w -> {
            release.await();
            return null;
        });
        Future<Long> before = writer.submit(BridgeWriterTest::addLine);
        Future<Long> failing = writer.submit(w -> {
            addLine(w);
            w.put(Family.FILES, Keys.utf8("half"), Keys.utf8("written"));
            throw new IllegalArgumentException("refused by a check");
        });
        Future<Long> after = writer.submit(BridgeWriterTest::addLine);
        release.countDown();

        assertThat(await(before)).isEqualTo(1);
        assertThatThrownBy(() -> await(failing)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("refused by a check");
        assertThat(await(after)).as("the failed task's number was given back").isEqualTo(2);
        assertThat(store.get(Family.FILES, Keys.utf8("half"))).isEmpty();
        assertThat(NUMBERS.current(store)).isEqualTo(2);
    }

    @Test
    void close_runsTheQueuedTasksThenRefusesNewOnes() throws Exception {
        List<Future<Long>> queued = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queued.add(writer.submit(BridgeWriterTest::addLine));
        }

        writer.close();

        for (Future<Long> f : queued) {
            assertThat(f.succeeded()).isTrue();
        }
        assertThat(NUMBERS.current(store)).isEqualTo(20);
        assertThatThrownBy(() -> await(writer.submit(BridgeWriterTest::addLine)))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void submit_queueFull_failsAtOnceWithBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        writer.submit(w -> {
            started.countDown();
            release.await();
            return null;
        });
        started.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < BridgeWriter.MAX_QUEUED_TASKS; i++) {
            writer.submit(w -> null);
        }

        Future<Object> refused = writer.submit(w -> null);
        release.countDown();

        assertThat(refused.failed()).isTrue();
        assertThat(refused.cause()).isInstanceOf(BridgeWriter.WriterBusyException.class);
    }

    @Test
    void storeCommitFromAnotherThread_waitsForTheWritersGroup() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Future<Long> slow = writer.submit(w -> {
            long n = addLine(w);
            started.countDown();
            release.await();
            return n;
        });
        started.await(10, TimeUnit.SECONDS);
        Thread other = Thread.ofPlatform().start(() -> store.commit(BridgeWriterTest::addLine));
        awaitBlocked(other);
        release.countDown();
        other.join(10_000);

        assertThat(await(slow)).isEqualTo(1);
        assertThat(NUMBERS.current(store)).as("no number taken twice").isEqualTo(2);
        assertThat(store.scan(Family.JOURNAL, new byte[0], 10)).hasSize(2);
    }

    /** Waits until {@code thread} parks (on the store's write lock). */
    private static void awaitBlocked(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("the other commit never waited for the lock").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
