package org.targetedmoney.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

class BridgeStoreTest {
    @TempDir
    Path dir;

    private BridgeStore store;

    @BeforeEach
    void open() {
        store = BridgeStore.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        store = BridgeStore.open(dir);
    }

    @Test
    void commit_thenReopen_everyWriteSurvives() {
        store.commit(w -> w.put(Family.JOURNAL, Keys.utf8("a"), Keys.utf8("1"))
                .put(Family.FILES, Keys.utf8("b"), Keys.utf8("2")));

        reopen();

        assertThat(store.get(Family.JOURNAL, Keys.utf8("a"))).hasValueSatisfying(v -> assertThat(v).asString()
                .isEqualTo("1"));
        assertThat(store.get(Family.FILES, Keys.utf8("b"))).hasValueSatisfying(v -> assertThat(v).asString()
                .isEqualTo("2"));
        assertThat(store.get(Family.JOURNAL, Keys.utf8("b"))).as("families are separate").isEmpty();
    }

    @Test
    void commit_stagingThrows_leavesNothing() {
        Sequence sequence = new Sequence("lines");

        assertThatThrownBy(() -> store.commit(w -> {
            sequence.next(w);
            w.put(Family.JOURNAL, Keys.utf8("a"), Keys.utf8("1"));
            throw new IllegalStateException("a check failed after staging");
        })).isInstanceOf(IllegalStateException.class).hasMessage("a check failed after staging");

        reopen();
        assertThat(store.get(Family.JOURNAL, Keys.utf8("a"))).isEmpty();
        assertThat(sequence.current(store)).isZero();
    }

    @Test
    void commit_discard_dropsWhatWasStagedAndKeepsWhatFollows() {
        store.commit(w -> {
            w.put(Family.JOURNAL, Keys.utf8("dropped"), Keys.utf8("x"));
            w.discard();
            w.put(Family.REJECTED, Keys.utf8("kept"), Keys.utf8("y"));
        });

        assertThat(store.get(Family.JOURNAL, Keys.utf8("dropped"))).isEmpty();
        assertThat(store.get(Family.REJECTED, Keys.utf8("kept"))).isPresent();
    }

    @Test
    void writesGet_seesStagedWritesAndDeletesBeforeCommit() {
        store.commit(w -> w.put(Family.META, Keys.utf8("k"), Keys.utf8("old")));

        store.commit(w -> {
            assertThat(w.get(Family.META, Keys.utf8("k"))).hasValueSatisfying(v -> assertThat(v).asString()
                    .isEqualTo("old"));
            w.put(Family.META, Keys.utf8("k"), Keys.utf8("new"));
            assertThat(w.get(Family.META, Keys.utf8("k"))).hasValueSatisfying(v -> assertThat(v).asString()
                    .isEqualTo("new"));
            assertThat(store.get(Family.META, Keys.utf8("k"))).as("readers see committed data only")
                    .hasValueSatisfying(v -> assertThat(v).asString().isEqualTo("old"));
            w.delete(Family.META, Keys.utf8("k"));
            assertThat(w.get(Family.META, Keys.utf8("k"))).isEmpty();
        });

        assertThat(store.get(Family.META, Keys.utf8("k"))).isEmpty();
    }

    @Test
    void scan_prefix_returnsOnlyThatPrefixInKeyOrderUpToTheLimit() {
        store.commit(w -> {
            for (int i = 0; i < 20; i++) {
                w.put(Family.JOURNAL, Keys.of("p", String.format("%02d", i)), Keys.ofLong(i));
            }
            w.put(Family.JOURNAL, Keys.of("o", "before"), Keys.ofLong(-1));
            w.put(Family.JOURNAL, Keys.of("q", "after"), Keys.ofLong(-2));
        });
        byte[] prefix = Keys.prefix("p");

        List<Entry> first = store.scan(Family.JOURNAL, prefix, 5);
        List<Entry> next = store.scanAfter(Family.JOURNAL, prefix, first.get(4).key(), 100);
        List<Entry> last = store.scanReverse(Family.JOURNAL, prefix, null, 3);
        List<Entry> beforeLast = store.scanReverse(Family.JOURNAL, prefix, last.get(2).key(), 2);

        assertThat(first).extracting(e -> Keys.toLong(e.value())).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(next).extracting(e -> Keys.toLong(e.value())).hasSize(15).startsWith(5L).endsWith(19L);
        assertThat(last).extracting(e -> Keys.toLong(e.value())).containsExactly(19L, 18L, 17L);
        assertThat(beforeLast).extracting(e -> Keys.toLong(e.value())).containsExactly(16L, 15L);
    }

    @Test
    void scanReverse_emptyPrefix_startsAtTheLastKeyOfTheFamily() {
        store.commit(w -> {
            for (long n = 1; n <= 3; n++) {
                w.put(Family.REJECTED, Keys.ofNumber(n), Keys.ofLong(n));
            }
            w.put(Family.JOURNAL, Keys.ofNumber(99), Keys.ofLong(99));
        });

        assertThat(store.scanReverse(Family.REJECTED, new byte[0], null, 10))
                .extracting(e -> Keys.toLong(e.value())).containsExactly(3L, 2L, 1L);
    }

    @Test
    void scan_limitOutOfRange_isRefused() {
        assertThatThrownBy(() -> store.scan(Family.JOURNAL, new byte[0], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.scan(Family.JOURNAL, new byte[0], BridgeStore.MAX_SCAN + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
    }

    @Test
    void scanAfter_startOutsideThePrefix_isRefused() {
        assertThatThrownBy(() -> store.scanAfter(Family.JOURNAL, Keys.prefix("p"), Keys.of("q"), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void put_valueOverTheLimit_isRefusedAndNothingIsWritten() {
        byte[] tooBig = new byte[BridgeStore.MAX_VALUE_BYTES + 1];

        assertThatThrownBy(() -> store.commit(w -> w.put(Family.META, Keys.utf8("small"), new byte[1])
                .put(Family.FILES, Keys.utf8("big"), tooBig)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the limit");
        assertThat(store.get(Family.META, Keys.utf8("small"))).isEmpty();
    }

    @Test
    void put_emptyOrTooLongKey_isRefused() {
        assertThatThrownBy(() -> store.commit(w -> w.put(Family.META, new byte[0], new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.commit(w -> w.put(Family.META, new byte[BridgeStore.MAX_KEY_BYTES + 1],
                new byte[1]))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sequence_numbersFollowEachOtherAndSurviveReopen() {
        Sequence batches = new Sequence("batch");
        Sequence other = new Sequence("other");

        List<Long> taken = store.commitAndGet(w -> List.of(batches.next(w), batches.next(w), other.next(w)));
        reopen();
        long afterReopen = store.commitAndGet(batches::next);

        assertThat(taken).containsExactly(1L, 2L, 1L);
        assertThat(afterReopen).isEqualTo(3L);
        assertThat(batches.current(store)).isEqualTo(3L);
    }

    @Test
    void sequence_badName_isRefused() {
        assertThatThrownBy(() -> new Sequence("Has Space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sequence("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void json_recordWithMonthAndInstant_roundTripsReadably() {
        record Stamped(FundingCredit credit, Instant at) {
        }
        Stamped value = new Stamped(new FundingCredit("ssa-members", SourceKind.CONTRIBUTIONS, YearMonth.of(2026, 3),
                12_345, "decl-7"), Instant.parse("2026-03-31T22:00:00Z"));

        store.commit(w -> w.putJson(Family.REJECTED, Keys.utf8("c"), value));
        reopen();

        assertThat(store.getJson(Family.REJECTED, Keys.utf8("c"), Stamped.class)).contains(value);
        assertThat(store.get(Family.REJECTED, Keys.utf8("c")).orElseThrow()).asString()
                .contains("\"period\":\"2026-03\"", "\"at\":\"2026-03-31T22:00:00Z\"", "\"kind\":\"CONTRIBUTIONS\"");
    }

    @Test
    void commit_onAnEventLoop_isRefused() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                try {
                    store.commit(w -> w.put(Family.META, Keys.utf8("k"), new byte[1]));
                    outcome.complete(null);
                } catch (RuntimeException e) {
                    outcome.complete(e);
                }
            });
            Throwable refused = outcome.get(10, TimeUnit.SECONDS);

            assertThat(refused).hasMessageContaining("event loop");
            assertThat(store.get(Family.META, Keys.utf8("k"))).isEmpty();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void operations_afterClose_throwInsteadOfCrashing() {
        store.close();

        assertThatThrownBy(() -> store.get(Family.META, Keys.utf8("k"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.commit(w -> { })).isInstanceOf(StoreException.class);
    }

    @Test
    void open_directoryAlreadyOpen_isRefusedByTheLock() {
        assertThatThrownBy(() -> BridgeStore.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("open");
    }
}
