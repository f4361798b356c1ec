package org.targetedmoney.bridge.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's single writer: one thread that runs write tasks one after the other and commits them to the
 * {@link BridgeStore} by <em>group commit</em> - the tasks queued together share one synced write, so a burst
 * of requests costs one disk sync, not one each.
 *
 * <p>Each task is atomic on its own: it runs inside a savepoint of the group's batch, so a task that throws (or
 * calls {@link Writes#discard()}) leaves nothing, and the tasks after it in the group see the writes of those
 * before it ({@link Writes#get}). A task's future completes only once its group is on disk - answer a client
 * from there, never earlier. If the group's write fails, every task of the group fails.
 *
 * <p>How the service uses it: start one per store after opening the store, {@link #submit} every state change
 * (HTTP handlers, the ledger follower, the settlement loop), close it before the store. Tasks must be
 * short and must not block on anything but the store: parsing, validation and network calls happen before
 * submitting. The future's callbacks run on the submitter's Vert.x context, or on the writer thread if
 * submitted from outside Vert.x.
 */
public final class BridgeWriter implements AutoCloseable {
    /** Tasks waiting at most; beyond, {@link #submit} fails at once with {@link WriterBusyException}. */
    public static final int MAX_QUEUED_TASKS = 10_000;
    /** Tasks in one group commit at most. */
    public static final int MAX_GROUP_TASKS = 512;
    /** A group is committed once its batch passes this size, whatever tasks remain queued. */
    public static final long GROUP_COMMIT_BYTES = 32L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(BridgeWriter.class);

    /** A unit of work: stages its writes and returns what the submitter gets once they are on disk. */
    @FunctionalInterface
    public interface Task<T> {
        T apply(Writes writes) throws Exception;
    }

    /** The queue is full: the caller should refuse its request (HTTP 503) rather than wait. */
    public static final class WriterBusyException extends RuntimeException {
        WriterBusyException() {
            super("the bridge writer has " + MAX_QUEUED_TASKS + " tasks waiting");
        }
    }

    private final BridgeStore store;
    private final BlockingQueue<Pending<?>> queue = new ArrayBlockingQueue<>(MAX_QUEUED_TASKS + 1);
    private final Thread thread;
    private volatile boolean closing;
    /** Set when a commit failed: what the tasks of that group did in memory is not on disk, so stop accepting. */
    private volatile Throwable broken;

    private BridgeWriter(BridgeStore store) {
        this.store = store;
        this.thread = Thread.ofPlatform().name("bridge-writer").daemon(true).unstarted(this::run);
    }

    /** Starts the writer thread of {@code store}. */
    public static BridgeWriter start(BridgeStore store) {
        BridgeWriter writer = new BridgeWriter(Objects.requireNonNull(store, "store"));
        writer.thread.start();
        return writer;
    }

    /**
     * Queues {@code task}; the future completes with its result once its writes are durable, or fails with what
     * it threw (nothing of it written), with {@link StoreException} if the commit failed, with
     * {@link WriterBusyException} if the queue is full, with {@link IllegalStateException} once closing.
     */
    public <T> Future<T> submit(Task<T> task) {
        Objects.requireNonNull(task, "task");
        Context context = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        if (closing) {
            return Future.failedFuture(new IllegalStateException("the bridge writer is closed"));
        }
        if (broken != null) {
            return Future.failedFuture(new StoreException("a task", store.path(), "a commit failed earlier ("
                    + broken.getMessage() + "): the bridge must be restarted"));
        }
        // One slot is kept for close's stop marker.
        if (queue.size() >= MAX_QUEUED_TASKS || !queue.offer(new Pending<>(task, promise, context))) {
            return Future.failedFuture(new WriterBusyException());
        }
        return promise.future();
    }

    /** Whether the current thread is this writer's thread. */
    public boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs the tasks already queued, then stops the thread. Idempotent. */
    @Override
    public void close() {
        if (!closing) {
            closing = true;
            queue.add(Pending.STOP);
        }
        if (!isWriterThread()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Deque<Pending<?>> backlog = new ArrayDeque<>();
        while (true) {
            if (backlog.isEmpty()) {
                try {
                    backlog.add(queue.take());
                } catch (InterruptedException e) {
                    LOG.warn("bridge writer interrupted: stopping");
                    return;
                }
                queue.drainTo(backlog, MAX_GROUP_TASKS - 1);
            }
            if (backlog.peekFirst() == Pending.STOP) {
                return;
            }
            commitGroup(backlog);
        }
    }

    /** Runs tasks from the head of {@code backlog} into one batch and commits it. */
    private void commitGroup(Deque<Pending<?>> backlog) {
        List<Done<?>> staged = new ArrayList<>();
        try {
            store.withWriteLock(() -> {
                try (Writes writes = store.newWrites()) {
                    while (!backlog.isEmpty() && backlog.peekFirst() != Pending.STOP
                            && staged.size() < MAX_GROUP_TASKS && writes.sizeInBytes() < GROUP_COMMIT_BYTES) {
                        Done<?> done = runTask(backlog.removeFirst(), writes);
                        if (done != null) {
                            staged.add(done);
                        }
                    }
                    store.write(writes);
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            LOG.error("bridge group commit of {} tasks failed: the writer stops accepting tasks", staged.size(), e);
            broken = e;
            staged.forEach(done -> done.pending.fail(e));
            backlog.forEach(p -> {
                if (p != Pending.STOP) {
                    p.fail(new StoreException("a task", store.path(), "a commit failed: the bridge must be restarted"));
                }
            });
            backlog.removeIf(p -> p != Pending.STOP);
            return;
        }
        staged.forEach(Done::complete);
    }

    /** Runs one task in its own unit of work; null if it failed (then it is answered and its writes undone). */
    private <T> Done<T> runTask(Pending<T> pending, Writes writes) {
        writes.beginUnit();
        try {
            T result = pending.task.apply(writes);
            writes.endUnit();
            return new Done<>(pending, result);
        } catch (Exception | Error e) {
            writes.rollbackUnit();
            pending.fail(e);
            return null;
        }
    }

    private record Pending<T>(Task<T> task, Promise<T> promise, Context context) {
        static final Pending<Void> STOP = new Pending<>(writes -> null, null, null);

        void complete(T result) {
            onContext(() -> promise.complete(result));
        }

        void fail(Throwable cause) {
            onContext(() -> promise.fail(cause));
        }

        private void onContext(Runnable action) {
            if (context == null) {
                action.run();
            } else {
                context.runOnContext(v -> action.run());
            }
        }
    }

    private record Done<T>(Pending<T> pending, T result) {
        void complete() {
            pending.complete(result);
        }
    }
}
