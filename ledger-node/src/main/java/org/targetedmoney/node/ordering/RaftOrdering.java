package org.targetedmoney.node.ordering;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * One peer of a Raft group that totally orders opaque entries, plus the client this peer uses to
 * submit entries to the group's leader. Committed entries go to the {@link EntryApplier} given to
 * {@link #start}; see {@link EntryApplier} for the exactly-once contract.
 *
 * <p>At most {@link RaftSettings#maxInFlight()} submissions are pending at once; beyond that
 * {@link #submit} fails at once with {@link OrderingBusyException} rather than queueing without
 * bound. Callbacks on returned futures run on Ratis client threads or on this peer's completion
 * thread: keep them short and non-blocking.
 */
public final class RaftOrdering implements AutoCloseable {

  private static final long LEADER_POLL_MILLIS = 20;

  private final RaftSettings settings;
  private final RaftGroup group;
  private final RaftServer server;
  private final RaftClient client;
  private final ApplierStateMachine stateMachine;
  private final Semaphore inFlight;
  private final ExecutorService completions;
  private volatile boolean closed;

  private RaftOrdering(RaftSettings settings, RaftGroup group, RaftServer server, RaftClient client,
      ApplierStateMachine stateMachine) {
    this.settings = settings;
    this.group = group;
    this.server = server;
    this.client = client;
    this.stateMachine = stateMachine;
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.completions = Executors.newSingleThreadExecutor(Thread.ofPlatform()
        .name("ordering-completions-" + settings.selfId()).daemon(true).factory());
  }

  /**
   * Starts this peer: recovers Ratis' log and snapshots from {@code settings.storageDir()}, brings
   * the applier up to date and joins the group (a one-peer group elects itself after one election
   * timeout). Submissions made before a leader is known are retried by the client.
   */
  public static RaftOrdering start(RaftSettings settings, EntryApplier applier) {
    return start(settings, applier, null);
  }

  /**
   * As {@link #start(RaftSettings, EntryApplier)}, with every Raft connection over mutual TLS when
   * {@code tls} is not null: a peer whose certificate is not from {@code tls.trustedCa()} is refused
   * at the handshake, both as a server and as a client.
   */
  public static RaftOrdering start(RaftSettings settings, EntryApplier applier, PeerTls tls) {
    Objects.requireNonNull(applier, "applier");
    RaftGroup group = groupOf(settings);
    refuseStateWithoutLog(settings, group, applier);
    ApplierStateMachine stateMachine = new ApplierStateMachine(applier);
    RaftServer server = null;
    try {
      server = RaftServer.newBuilder()
          .setServerId(RaftPeerId.valueOf(settings.selfId()))
          .setGroup(group)
          .setStateMachine(stateMachine)
          .setProperties(RatisConfig.serverProperties(settings))
          .setParameters(RatisConfig.parameters(tls))
          .setOption(RaftStorage.StartupOption.RECOVER)
          .build();
      server.start();
      RaftClient client = RaftClient.newBuilder()
          .setProperties(RatisConfig.clientProperties(settings))
          .setParameters(RatisConfig.parameters(tls))
          .setRaftGroup(group)
          .setClientId(ClientId.randomId())
          .setRetryPolicy(RatisConfig.submitRetryPolicy())
          .build();
      return new RaftOrdering(settings, group, server, client, stateMachine);
    } catch (IOException | RuntimeException e) {
      closeQuietly(server, e);
      throw new OrderingException("could not start Raft peer " + settings.selfId() + " on port "
          + settings.selfPort() + " with storage " + settings.storageDir() + ": " + e.getMessage(), e);
    }
  }

  private static RaftGroup groupOf(RaftSettings settings) {
    List<RaftPeer> peers = new ArrayList<>();
    settings.peers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p ->
        peers.add(RaftPeer.newBuilder().setId(p.getKey()).setAddress(p.getValue()).build()));
    return RaftGroup.valueOf(RaftGroupId.valueOf(settings.groupId()), peers);
  }

  /**
   * A Raft log that vanished while the applier kept its state would let new entries reuse applied
   * indexes, which the applier would then skip: refuse to start rather than lose them.
   */
  private static void refuseStateWithoutLog(RaftSettings settings, RaftGroup group, EntryApplier applier) {
    boolean logExists = Files.isDirectory(settings.storageDir().resolve(group.getGroupId().getUuid().toString()));
    LogPosition applied = applier.lastApplied();
    if (!logExists && applied.index() >= 0) {
      throw new OrderingException("the applier's state is at " + applied + " but there is no Raft log for group "
          + settings.groupId() + " in " + settings.storageDir() + "; restore both or neither");
    }
  }

  /**
   * Submits an entry for ordering. The future completes with the entry's log index once it is
   * committed and applied on this peer; exceptionally with {@link OrderingBusyException} at once if
   * {@code maxInFlight} submissions are pending, or with {@link OrderingException} if the group
   * could not commit it (e.g. no leader within the client's retries).
   *
   * @throws IllegalArgumentException if the entry is larger than {@link RaftSettings#maxEntryBytes()}
   */
  public CompletableFuture<Long> submit(byte[] entry) {
    Objects.requireNonNull(entry, "entry");
    if (entry.length > settings.maxEntryBytes()) {
      throw new IllegalArgumentException("entry of " + entry.length + " bytes exceeds maxEntryBytes "
          + settings.maxEntryBytes());
    }
    if (closed) {
      return CompletableFuture.failedFuture(new OrderingException("ordering is closed"));
    }
    OrderingException halt = stateMachine.halted();
    if (halt != null) {
      return CompletableFuture.failedFuture(halt);
    }
    if (!inFlight.tryAcquire()) {
      return CompletableFuture.failedFuture(new OrderingBusyException(settings.maxInFlight()));
    }
    CompletableFuture<Long> applied;
    try {
      applied = client.async().send(Message.valueOf(ByteString.copyFrom(entry)))
          .thenCompose(this::awaitLocalApply);
    } catch (RuntimeException e) {
      inFlight.release();
      return CompletableFuture.failedFuture(new OrderingException("submission failed: " + e.getMessage(), e));
    }
    return applied.handle((index, error) -> {
      inFlight.release();
      if (error != null) {
        throw asOrderingFailure(error);
      }
      return index;
    });
  }

  /** Takes the reply's log index and waits until this peer has applied it too. */
  private CompletableFuture<Long> awaitLocalApply(RaftClientReply reply) {
    if (!reply.isSuccess()) {
      Exception cause = reply.getException();
      return CompletableFuture.failedFuture(new OrderingException("entry was not committed: "
          + (cause == null ? "unknown reason" : cause.getMessage()), cause));
    }
    long index = ApplierStateMachine.indexOf(reply.getMessage());
    CompletableFuture<Void> local = stateMachine.awaitApplied(index);
    // The usual case (this peer leads) is already applied; otherwise leave the apply thread at once.
    return local.isDone()
        ? local.thenApply(v -> index)
        : local.thenApplyAsync(v -> index, completions);
  }

  private static CompletionException asOrderingFailure(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof OrderingException || cause instanceof OrderingBusyException) {
      return new CompletionException(cause);
    }
    return new CompletionException(new OrderingException("submission failed: " + cause, cause));
  }

  /** Whether this peer currently leads the group. */
  public boolean isLeader() {
    return divisionInfo().isLeader();
  }

  /** The id of the current leader, if this peer knows one. */
  public Optional<String> leaderId() {
    return Optional.ofNullable(divisionInfo().getLeaderId()).map(RaftPeerId::toString);
  }

  /**
   * Waits until the group has a leader this peer knows of and, if this peer is it, until it is
   * ready to accept entries. Submitting earlier works too (the client retries), only slower.
   *
   * @throws OrderingException if there is none within {@code timeout}
   */
  public void awaitLeader(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      DivisionInfo info = divisionInfo();
      boolean ready = info.isLeader() ? info.isLeaderReady() : info.getLeaderId() != null;
      if (ready) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new OrderingException("no Raft leader within " + timeout + " for group " + settings.groupId());
      }
      try {
        Thread.sleep(LEADER_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OrderingException("interrupted while waiting for a Raft leader", e);
      }
    }
  }

  private DivisionInfo divisionInfo() {
    try {
      return server.getDivision(group.getGroupId()).getInfo();
    } catch (IOException e) {
      throw new OrderingException("Raft group " + settings.groupId() + " is not on this server", e);
    }
  }

  /**
   * Why this peer stopped, if its applier failed: the peer halts rather than skip an entry, and
   * must be restarted once the cause is fixed (the entry is applied again then).
   */
  public Optional<OrderingException> haltCause() {
    return Optional.ofNullable(stateMachine.halted());
  }

  /** The last log index applied on this peer (Raft's own entries included). */
  public long lastAppliedIndex() {
    return stateMachine.getLastAppliedTermIndex().getIndex();
  }

  /** Submissions pending now, at most {@link RaftSettings#maxInFlight()}. */
  public int inFlight() {
    return settings.maxInFlight() - inFlight.availablePermits();
  }

  /**
   * Asks this peer to snapshot now (an applier checkpoint) and waits for it; returns the snapshot's
   * log index (an older snapshot's if nothing was applied since, -1 if there is none).
   */
  public long takeSnapshot(Duration timeout) {
    try {
      RaftClientReply reply = client.getSnapshotManagementApi(RaftPeerId.valueOf(settings.selfId()))
          .create(1, timeout.toMillis());
      if (!reply.isSuccess()) {
        throw new OrderingException("snapshot failed on " + settings.selfId(), reply.getException());
      }
      return reply.getLogIndex();
    } catch (IOException e) {
      throw new OrderingException("snapshot failed on " + settings.selfId() + ": " + e.getMessage(), e);
    }
  }

  public RaftSettings settings() {
    return settings;
  }

  /** Stops the client and the peer; pending submissions fail. The applier is the caller's to close. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    OrderingException failure = null;
    try {
      client.close();
    } catch (IOException e) {
      failure = new OrderingException("closing the Raft client failed", e);
    }
    try {
      server.close();
    } catch (IOException e) {
      failure = new OrderingException("closing the Raft peer " + settings.selfId() + " failed", e);
    }
    completions.shutdown();
    if (failure != null) {
      throw failure;
    }
  }

  private static void closeQuietly(RaftServer server, Exception primary) {
    if (server != null) {
      try {
        server.close();
      } catch (IOException | RuntimeException e) {
        primary.addSuppressed(e);
      }
    }
  }
}
