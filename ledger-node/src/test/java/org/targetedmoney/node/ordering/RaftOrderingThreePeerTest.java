package org.targetedmoney.node.ordering;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three peers in one JVM: the same code path as one peer, with a real election and replication. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RaftOrderingThreePeerTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path tmp;

  @Test
  void threePeers_electOneLeader_andApplyTheSameEntriesInTheSameOrder() throws Exception {
    Map<String, String> peers = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        peers.put("v" + i, "127.0.0.1:" + socket.getLocalPort());
      }
    }
    UUID group = UUID.randomUUID();
    List<CountingApplier> appliers = new ArrayList<>();
    List<RaftOrdering> orderings = new ArrayList<>();
    try {
      for (String id : peers.keySet()) {
        CountingApplier applier = new CountingApplier(tmp.resolve(id + "/state"));
        appliers.add(applier);
        orderings.add(RaftOrdering.start(
            RaftSettings.peerOf(group, id, peers, tmp.resolve(id + "/raft")).withSnapshotAutoTriggerEntries(0),
            applier));
      }
      orderings.forEach(o -> o.awaitLeader(WAIT));
      assertThat(orderings.stream().filter(RaftOrdering::isLeader)).hasSize(1);
      String leader = orderings.getFirst().leaderId().orElseThrow();
      assertThat(orderings).allSatisfy(o -> assertThat(o.leaderId()).contains(leader));

      // Submit through every peer: followers' clients reach the leader; each future completes
      // only when the entry is applied on the submitting peer.
      List<CompletableFuture<Long>> futures = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        futures.add(orderings.get(i % 3).submit(("e-" + i).getBytes(UTF_8)));
      }
      List<Long> indexes = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        long index = futures.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        indexes.add(index);
        assertThat(new String(appliers.get(i % 3).entryAt(index), UTF_8)).isEqualTo("e-" + i);
      }
      long last = indexes.stream().mapToLong(Long::longValue).max().orElseThrow();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (appliers.stream().anyMatch(a -> a.lastApplied().index() < last) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<Long> reference = appliers.getFirst().appliedThisRun;
      assertThat(reference).hasSize(30).isSorted();
      assertThat(appliers).allSatisfy(a -> {
        assertThat(a.appliedThisRun).isEqualTo(reference);
        assertThat(a.counter()).isEqualTo(30);
      });
    } finally {
      orderings.forEach(RaftOrdering::close);
      appliers.forEach(CountingApplier::close);
    }
  }
}
