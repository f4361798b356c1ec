package org.targetedmoney.node.ordering;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RaftOrderingTest {

  private static final long WAIT_SECONDS = 30;
  private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(30);

  @TempDir
  Path tmp;

  private Path raftDir() {
    return tmp.resolve("raft");
  }

  private Path stateDir() {
    return tmp.resolve("state");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private RaftSettings onePeer() throws IOException {
    return RaftSettings.singlePeer(raftDir(), freePort()).withSnapshotAutoTriggerEntries(0);
  }

  private static byte[] entry(String s) {
    return s.getBytes(UTF_8);
  }

  /** Submits all entries concurrently and returns their indexes in submission order. */
  private static List<Long> submitAll(RaftOrdering ordering, List<String> entries) throws Exception {
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    for (String e : entries) {
      futures.add(ordering.submit(entry(e)));
    }
    List<Long> indexes = new ArrayList<>();
    for (CompletableFuture<Long> f : futures) {
      indexes.add(f.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }
    return indexes;
  }

  private static List<String> names(String prefix, int n) {
    return Stream.iterate(0, i -> i + 1).limit(n).map(i -> prefix + i).toList();
  }

  @Test
  void submit_completesWithIncreasingIndexes_andAppliesEachOnceInOrder() throws Exception {
    List<String> entries = names("entry-", 40);
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(onePeer(), applier)) {
      ordering.awaitLeader(Duration.ofSeconds(WAIT_SECONDS));
      List<Long> indexes = submitAll(ordering, entries);

      assertThat(indexes).isSorted().doesNotHaveDuplicates();
      assertThat(applier.appliedThisRun).containsExactlyElementsOf(indexes);
      assertThat(applier.counter()).isEqualTo(entries.size());
      for (int i = 0; i < entries.size(); i++) {
        assertThat(new String(applier.entryAt(indexes.get(i)), UTF_8)).isEqualTo(entries.get(i));
      }
      assertThat(applier.lastApplied().index()).isEqualTo(indexes.getLast());
      assertThat(ordering.isLeader()).isTrue();
      assertThat(ordering.leaderId()).contains(RaftSettings.DEFAULT_PEER_ID);
      assertThat(ordering.inFlight()).isZero();
    }
  }

  @Test
  void submit_afterRestart_doesNotReapplyCommittedEntries() throws Exception {
    RaftSettings settings = onePeer();
    List<Long> first;
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      first = submitAll(ordering, names("before-", 20));
    }
    // Same directories, new process state: Ratis replays its whole log (no snapshot was taken).
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      List<Long> second = submitAll(ordering, names("after-", 5));

      assertThat(second.getFirst()).isGreaterThan(first.getLast());
      assertThat(applier.appliedThisRun).as("only the new entries are applied").containsExactlyElementsOf(second);
      assertThat(applier.counter()).isEqualTo(25);
      assertThat(new String(applier.entryAt(first.getFirst()), UTF_8)).isEqualTo("before-0");
    }
  }

  @Test
  void snapshot_thenRestartWithLostState_restoresFromSnapshotAndReplaysTheRest() throws Exception {
    RaftSettings settings = onePeer();
    List<Long> before;
    List<Long> afterSnapshot;
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      before = submitAll(ordering, names("before-", 10));
      long snapshotIndex = ordering.takeSnapshot(SNAPSHOT_TIMEOUT);
      assertThat(snapshotIndex).isGreaterThanOrEqualTo(before.getLast());
      afterSnapshot = submitAll(ordering, names("after-", 5));
    }
    assertThat(snapshotDirs()).hasSize(1);
    // The applier's storage is lost; the Raft log and its snapshot remain.
    deleteTree(stateDir());

    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      List<Long> later = submitAll(ordering, names("later-", 1));

      assertThat(applier.appliedThisRun).as("restored up to the snapshot, then replayed the log after it")
          .containsExactlyElementsOf(concat(afterSnapshot, later));
      assertThat(applier.counter()).isEqualTo(16);
      assertThat(applier.restores).isEqualTo(1);
      assertThat(new String(applier.entryAt(before.getLast()), UTF_8)).isEqualTo("before-9");
    }
  }

  @Test
  void autoSnapshot_isTakenWhenThresholdIsReached_andRestartSkipsWhatTheApplierHas() throws Exception {
    RaftSettings settings = onePeer().withSnapshotAutoTriggerEntries(8);
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      submitAll(ordering, names("e-", 20));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (snapshotDirs().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(snapshotDirs()).isNotEmpty();
    }
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      List<Long> next = submitAll(ordering, names("next-", 3));
      assertThat(applier.appliedThisRun).containsExactlyElementsOf(next);
      assertThat(applier.counter()).isEqualTo(23);
      // Its storage already holds the snapshot's state (or more): no copy of the whole state.
      assertThat(applier.restores).isZero();
    }
  }

  @Test
  void submit_beyondInFlightLimit_failsFastWithBusy_andRecovers() throws Exception {
    int limit = 4;
    RaftSettings settings = onePeer().withMaxInFlight(limit);
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      submitAll(ordering, List.of("warm-up"));
      CountDownLatch gate = new CountDownLatch(1);
      applier.gate = gate;
      byte[] payload = new byte[20 * 1024];
      List<CompletableFuture<Long>> accepted = new ArrayList<>();
      int busy = 0;
      for (int i = 0; i < 50; i++) {
        CompletableFuture<Long> f = ordering.submit(payload);
        if (f.isCompletedExceptionally()) {
          assertThatThrownBy(f::join).hasCauseInstanceOf(OrderingBusyException.class);
          busy++;
        } else {
          accepted.add(f);
        }
      }
      assertThat(accepted).hasSize(limit);
      assertThat(busy).isEqualTo(50 - limit);
      assertThat(ordering.inFlight()).isEqualTo(limit);

      gate.countDown();
      for (CompletableFuture<Long> f : accepted) {
        f.get(WAIT_SECONDS, TimeUnit.SECONDS);
      }
      assertThat(ordering.inFlight()).isZero();
      assertThat(ordering.submit(payload).get(WAIT_SECONDS, TimeUnit.SECONDS)).isPositive();
      assertThat(applier.counter()).isEqualTo(1 + limit + 1);
    }
  }

  @Test
  void submit_rejectsOversizedEntry_andClosedOrdering() throws Exception {
    RaftSettings settings = onePeer();
    CountingApplier applier = new CountingApplier(stateDir());
    RaftOrdering ordering = RaftOrdering.start(settings, applier);
    try {
      assertThatThrownBy(() -> ordering.submit(new byte[settings.maxEntryBytes() + 1]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntryBytes");
    } finally {
      ordering.close();
      applier.close();
    }
    CompletableFuture<Long> late = ordering.submit(entry("late"));
    assertThatThrownBy(() -> late.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OrderingException.class);
  }

  @Test
  void applyFailure_haltsPeer_andRestartAppliesTheEntryAgain() throws Exception {
    RaftSettings settings = onePeer();
    long failedIndex;
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      submitAll(ordering, List.of("fine"));
      applier.poison = entry("bad");
      CompletableFuture<Long> bad = ordering.submit(entry("bad"));
      assertThatThrownBy(() -> bad.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (ordering.haltCause().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(ordering.haltCause()).get().extracting(Throwable::getMessage).asString().contains("peer halted");
      failedIndex = applier.lastApplied().index() + 1;
      assertThat(ordering.submit(entry("after")).isCompletedExceptionally()).isTrue();
      assertThat(applier.counter()).isEqualTo(1);
    }
    // Cause fixed (no poison in the new applier): the committed entry is applied on restart.
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      List<Long> next = submitAll(ordering, List.of("next"));
      assertThat(applier.appliedThisRun).hasSize(2).endsWith(next.getFirst());
      assertThat(applier.appliedThisRun.getFirst()).isGreaterThanOrEqualTo(failedIndex);
      assertThat(new String(applier.entryAt(applier.appliedThisRun.getFirst()), UTF_8)).isEqualTo("bad");
      assertThat(applier.counter()).isEqualTo(3);
    }
  }

  @Test
  void start_refusesWhenApplierHasStateButRaftLogIsMissing() throws Exception {
    RaftSettings settings = onePeer();
    try (CountingApplier applier = new CountingApplier(stateDir());
         RaftOrdering ordering = RaftOrdering.start(settings, applier)) {
      submitAll(ordering, List.of("one"));
    }
    deleteTree(raftDir());
    try (CountingApplier applier = new CountingApplier(stateDir())) {
      assertThatThrownBy(() -> RaftOrdering.start(settings, applier))
          .isInstanceOf(OrderingException.class).hasMessageContaining("no Raft log");
    }
  }

  @Test
  void settings_rejectInconsistentLimits() {
    RaftSettings ok = RaftSettings.singlePeer(tmp, 9000);
    assertThat(ok.logWriteBufferBytes()).isEqualTo(ok.appenderBufferBytes() + 8);
    assertThatThrownBy(() -> new RaftSettings(ok.groupId(), "other", ok.peers(), tmp, ok.electionTimeoutMin(),
        ok.electionTimeoutMax(), ok.logSegmentBytes(), ok.appenderBufferBytes(), ok.maxEntryBytes(), 0, 64))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not include");
    assertThatThrownBy(() -> new RaftSettings(ok.groupId(), ok.selfId(), ok.peers(), tmp, ok.electionTimeoutMin(),
        ok.electionTimeoutMax(), ok.logSegmentBytes(), ok.appenderBufferBytes(),
        (int) ok.appenderBufferBytes(), 0, 64))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntryBytes");
    assertThatThrownBy(() -> new RaftSettings(ok.groupId(), ok.selfId(), ok.peers(), tmp, Duration.ofSeconds(2),
        Duration.ofSeconds(1), ok.logSegmentBytes(), ok.appenderBufferBytes(), ok.maxEntryBytes(), 0, 64))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("electionTimeout");
    assertThatThrownBy(() -> RaftSettings.peerOf(ok.groupId(), "a", java.util.Map.of("a", "nohost"), tmp))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
  }

  private List<Path> snapshotDirs() throws IOException {
    try (Stream<Path> files = Files.walk(raftDir())) {
      return files.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+")).toList();
    }
  }

  private static List<Long> concat(List<Long> a, List<Long> b) {
    List<Long> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
