package org.targetedmoney.node.admission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.targetedmoney.node.chain.BatchEntry;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.policy.model.Address;

/**
 * The way in for transactions: verification in parallel on a pool, then nonce reservation and a bounded
 * queue under one short lock, then a batcher thread that cuts Raft entries by size or time. A caller's
 * future completes with the transaction hash once the block holding it is applied and stored, so a
 * hash handed out is never lost by a crash. A full queue answers "busy" at once.
 */
public final class Admission implements AutoCloseable {
    /** Transactions admitted but not yet ordered; beyond this the node answers busy. */
    public static final int MAX_QUEUED_TXS = 50_000;
    public static final int MAX_TXS_PER_ENTRY = 2_000;
    /** Entries are cut below this size (the Raft layer's entry limit is larger). */
    public static final int MAX_ENTRY_BYTES = 1 << 20;
    public static final long MAX_ENTRY_DELAY_MILLIS = 2;
    /** Entries submitted to ordering and not yet applied; below the ordering layer's own limit. */
    public static final int MAX_ENTRIES_IN_FLIGHT = 32;

    private final TxVerifier verifier;
    private final ExecutorService verifyPool;
    private final ToLongFunction<Address> stateNonce;
    private final Function<byte[], CompletableFuture<Long>> ordering;
    private final LongSupplier clockSeconds;
    private final Address proposer;
    private final Object lock = new Object();
    private final PendingNonces nonces = new PendingNonces();
    private final ArrayDeque<OrderedTx> queue = new ArrayDeque<>();
    private final Map<String, CompletableFuture<byte[]>> waiting = new ConcurrentHashMap<>();
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(MAX_ENTRIES_IN_FLIGHT);
    private final Thread batcher;
    private volatile boolean closed;

    public Admission(TxVerifier verifier, ExecutorService verifyPool, ToLongFunction<Address> stateNonce,
                     Function<byte[], CompletableFuture<Long>> ordering, LongSupplier clockSeconds, Address proposer) {
        this.verifier = verifier;
        this.verifyPool = verifyPool;
        this.stateNonce = stateNonce;
        this.ordering = ordering;
        this.clockSeconds = clockSeconds;
        this.proposer = proposer;
        this.batcher = Thread.ofPlatform().name("batcher").daemon().start(this::batchLoop);
    }

    /** Admits a raw transaction; the future completes with its hash once included, or fails with why not. */
    public CompletableFuture<byte[]> submit(byte[] raw) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        verifyPool.execute(() -> {
            try {
                enqueue(verifier.verify(raw), done);
            } catch (AdmissionException e) {
                done.completeExceptionally(e);
            } catch (RuntimeException e) {
                done.completeExceptionally(AdmissionException.refused("transaction rejected: " + e.getMessage()));
            }
        });
        return done;
    }

    private void enqueue(OrderedTx tx, CompletableFuture<byte[]> done) throws AdmissionException {
        String key = HexFormat.of().formatHex(tx.hash());
        synchronized (lock) {
            if (closed) {
                throw new AdmissionException(AdmissionException.BUSY, "the node is shutting down");
            }
            if (queue.size() >= MAX_QUEUED_TXS) {
                throw new AdmissionException(AdmissionException.BUSY,
                        "busy: " + MAX_QUEUED_TXS + " transactions are waiting to be ordered; retry shortly");
            }
            if (waiting.containsKey(key)) {
                throw AdmissionException.refused("already known: transaction 0x" + key + " is being ordered");
            }
            long expected = nonces.expected(tx.sender(), stateNonce);
            if (tx.nonce() < expected) {
                throw AdmissionException.refused("nonce too low: " + tx.nonce() + " was already used by "
                        + tx.sender() + ", next is " + expected);
            }
            waiting.put(key, done);
            if (tx.nonce() > expected) {
                String refused = nonces.park(tx, done, expected, System.nanoTime());
                if (refused != null) {
                    waiting.remove(key);
                    throw AdmissionException.refused(refused);
                }
                return;
            }
            admit(tx);
            for (PendingNonces.Parked p = nonces.unpark(tx.sender()); p != null; p = nonces.unpark(tx.sender())) {
                admit(p.tx());
            }
            lock.notifyAll();
        }
    }

    private void admit(OrderedTx tx) {
        nonces.admitted(tx.sender(), tx.nonce());
        queue.add(tx);
    }

    /** Refuses the transactions that waited too long for a missing nonce. */
    private void expireParked() {
        List<PendingNonces.Parked> expired = new ArrayList<>();
        synchronized (lock) {
            nonces.expire(System.nanoTime(), expired::add);
        }
        for (PendingNonces.Parked p : expired) {
            waiting.remove(HexFormat.of().formatHex(p.tx().hash()));
            @SuppressWarnings("unchecked")
            CompletableFuture<byte[]> f = (CompletableFuture<byte[]>) p.caller();
            f.completeExceptionally(AdmissionException.refused("nonce too high: " + p.tx().nonce() + " of "
                    + p.tx().sender() + " waited " + PendingNonces.PARK_TIMEOUT_NANOS / 1_000_000_000L
                    + " s for the missing nonces before it"));
        }
    }

    private void batchLoop() {
        long lastSweep = System.nanoTime();
        while (!closed) {
            if (System.nanoTime() - lastSweep > 1_000_000_000L) {
                expireParked();
                lastSweep = System.nanoTime();
            }
            List<OrderedTx> batch = nextBatch();
            if (batch.isEmpty()) {
                continue;
            }
            List<Address> senders = new ArrayList<>(batch.size());
            List<byte[]> raws = new ArrayList<>(batch.size());
            for (OrderedTx tx : batch) {
                senders.add(tx.sender());
                raws.add(tx.raw());
            }
            byte[] entry = new BatchEntry(clockSeconds.getAsLong(), proposer, senders, raws).encode();
            if (!acquireSlot()) {
                failBatch(batch, new IllegalStateException("the node is shutting down"));
                continue;
            }
            CompletableFuture<Long> ordered;
            try {
                ordered = ordering.apply(entry);
            } catch (RuntimeException e) {
                ordered = CompletableFuture.failedFuture(e);
            }
            ordered.whenComplete((index, failure) -> {
                inFlight.release();
                if (failure != null) {
                    failBatch(batch, failure);
                }
            });
        }
    }

    /** Waits for room among the entries in flight, so ordering is never asked for more than it takes. */
    private boolean acquireSlot() {
        try {
            while (!closed) {
                if (inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private List<OrderedTx> nextBatch() {
        synchronized (lock) {
            try {
                if (queue.isEmpty()) {
                    lock.wait(100); // then return, even empty, so the caller can expire parked transactions
                }
                if (queue.isEmpty()) {
                    return List.of();
                }
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_ENTRY_DELAY_MILLIS);
                long left;
                while (queue.size() < MAX_TXS_PER_ENTRY && !closed
                        && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
            List<OrderedTx> batch = new ArrayList<>(Math.min(queue.size(), MAX_TXS_PER_ENTRY));
            int bytes = 0;
            while (!queue.isEmpty() && batch.size() < MAX_TXS_PER_ENTRY
                    && (batch.isEmpty() || bytes + queue.peek().raw().length + 24 <= MAX_ENTRY_BYTES)) {
                OrderedTx tx = queue.poll();
                bytes += tx.raw().length + 24;
                batch.add(tx);
            }
            return batch;
        }
    }

    private void failBatch(List<OrderedTx> batch, Throwable failure) {
        synchronized (lock) {
            for (OrderedTx tx : batch) {
                nonces.reset(tx.sender());
            }
        }
        for (OrderedTx tx : batch) {
            CompletableFuture<byte[]> f = waiting.remove(HexFormat.of().formatHex(tx.hash()));
            if (f != null) {
                f.completeExceptionally(new AdmissionException(AdmissionException.BUSY,
                        "not ordered (" + failure.getMessage() + "); resend it"));
            }
        }
    }

    /** Called by the applier once a block is stored: answers the waiting callers. */
    public void onBlockStored(BlockResult block) {
        synchronized (lock) {
            for (OrderedTx tx : block.transactions()) {
                nonces.settled(tx.sender(), tx.nonce() + 1);
            }
            for (OrderedTx tx : block.dropped()) {
                nonces.reset(tx.sender());
            }
        }
        for (OrderedTx tx : block.transactions()) {
            CompletableFuture<byte[]> f = waiting.remove(HexFormat.of().formatHex(tx.hash()));
            if (f != null) {
                f.complete(tx.hash());
            }
        }
        for (OrderedTx tx : block.dropped()) {
            CompletableFuture<byte[]> f = waiting.remove(HexFormat.of().formatHex(tx.hash()));
            if (f != null) {
                f.completeExceptionally(AdmissionException.refused(
                        "dropped: nonce " + tx.nonce() + " was no longer the next nonce of " + tx.sender()));
            }
        }
    }

    /** The next nonce {@code sender} may use, counting admitted transactions not yet in a block. */
    public long pendingNonce(Address sender, long stateNonce) {
        synchronized (lock) {
            return nonces.expected(sender, ignored -> stateNonce);
        }
    }

    public int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            batcher.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
