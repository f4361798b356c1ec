package org.targetedmoney.node.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Futures that complete once this peer has applied a given log index. A reply from a remote leader
 * says an entry is committed and applied there; a caller of this peer also wants to read its effect
 * here, so {@link RaftOrdering#submit} waits for the local apply too.
 */
final class AppliedWaiters {

  private record Waiter(long index, CompletableFuture<Void> future) {
  }

  private final PriorityQueue<Waiter> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.index, b.index));
  private volatile long applied = -1;
  private Throwable failure;

  /** A future completed when {@code index} has been applied here (at once if it already has). */
  CompletableFuture<Void> await(long index) {
    if (applied >= index) {
      return CompletableFuture.completedFuture(null);
    }
    synchronized (waiting) {
      if (failure != null) {
        return CompletableFuture.failedFuture(failure);
      }
      if (applied >= index) {
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> future = new CompletableFuture<>();
      waiting.add(new Waiter(index, future));
      return future;
    }
  }

  /** Records that every index up to {@code index} is applied and releases their waiters. */
  void applied(long index) {
    applied = index;
    List<Waiter> done = new ArrayList<>();
    synchronized (waiting) {
      while (!waiting.isEmpty() && waiting.peek().index <= index) {
        done.add(waiting.poll());
      }
    }
    done.forEach(w -> w.future.complete(null));
  }

  /** Fails current and future waiters: this peer will apply nothing more. */
  void failAll(Throwable cause) {
    List<Waiter> failed;
    synchronized (waiting) {
      if (failure == null) {
        failure = cause;
      }
      failed = new ArrayList<>(waiting);
      waiting.clear();
    }
    failed.forEach(w -> w.future.completeExceptionally(cause));
  }
}
