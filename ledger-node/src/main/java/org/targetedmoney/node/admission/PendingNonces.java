package org.targetedmoney.node.admission;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.policy.model.Address;

/**
 * The next nonce each sender may use, counting transactions admitted but not yet in a block, and the
 * transactions that arrived ahead of their turn (a batch verified in parallel, pipelined sends). Those
 * wait, bounded in number, gap and time, until the missing nonces arrive. Guarded by the admission lock.
 */
final class PendingNonces {
    /** How far ahead of the next nonce a transaction may arrive and wait. */
    static final int MAX_NONCE_GAP = 64;
    /** Transactions waiting for a missing nonce, all senders together. */
    static final int MAX_PARKED = 10_000;
    /** A transaction whose missing nonces do not arrive within this delay is refused. */
    static final long PARK_TIMEOUT_NANOS = 30_000_000_000L;

    /** A transaction waiting for its turn, with its caller. */
    record Parked(OrderedTx tx, Object caller, long sinceNanos) {}

    private final Map<Address, Long> next = new HashMap<>();
    private final Map<Address, TreeMap<Long, Parked>> parked = new HashMap<>();
    private int parkedCount;

    /** The next nonce expected from {@code sender}. */
    long expected(Address sender, ToLongFunction<Address> stateNonce) {
        Long pending = next.get(sender);
        long state = stateNonce.applyAsLong(sender);
        return pending == null ? state : Math.max(pending, state);
    }

    /** Why {@code nonce} cannot wait for its turn, or null if it was parked. */
    String park(OrderedTx tx, Object caller, long expected, long nowNanos) {
        if (tx.nonce() - expected > MAX_NONCE_GAP) {
            return "nonce too high: " + tx.nonce() + " for " + tx.sender() + ", next is " + expected
                    + " (at most " + MAX_NONCE_GAP + " ahead may wait)";
        }
        if (parkedCount >= MAX_PARKED) {
            return "nonce too high: " + tx.nonce() + " for " + tx.sender() + ", next is " + expected
                    + ", and " + MAX_PARKED + " transactions already wait for missing nonces";
        }
        TreeMap<Long, Parked> mine = parked.computeIfAbsent(tx.sender(), a -> new TreeMap<>());
        if (mine.containsKey(tx.nonce())) {
            return "already known: a transaction with nonce " + tx.nonce() + " of " + tx.sender() + " is waiting";
        }
        mine.put(tx.nonce(), new Parked(tx, caller, nowNanos));
        parkedCount++;
        return null;
    }

    /** Records that {@code nonce} of {@code sender} is admitted. */
    void admitted(Address sender, long nonce) {
        next.put(sender, nonce + 1);
    }

    /** The parked transaction whose turn has come for {@code sender}, removed, or null. */
    Parked unpark(Address sender) {
        TreeMap<Long, Parked> mine = parked.get(sender);
        Long want = next.get(sender);
        if (mine == null || want == null) {
            return null;
        }
        Parked p = mine.remove(want);
        if (p != null) {
            parkedCount--;
            if (mine.isEmpty()) {
                parked.remove(sender);
            }
        }
        return p;
    }

    /** Removes and hands over every parked transaction older than the timeout. */
    void expire(long nowNanos, java.util.function.Consumer<Parked> expired) {
        Iterator<Map.Entry<Address, TreeMap<Long, Parked>>> senders = parked.entrySet().iterator();
        while (senders.hasNext()) {
            TreeMap<Long, Parked> mine = senders.next().getValue();
            Iterator<Parked> it = mine.values().iterator();
            while (it.hasNext()) {
                Parked p = it.next();
                if (nowNanos - p.sinceNanos() > PARK_TIMEOUT_NANOS) {
                    it.remove();
                    parkedCount--;
                    expired.accept(p);
                }
            }
            if (mine.isEmpty()) {
                senders.remove();
            }
        }
    }

    /** Forgets what a block settled: the state now says which nonce comes next. */
    void settled(Address sender, long stateNext) {
        Long pending = next.get(sender);
        if (pending != null && pending <= stateNext && !parked.containsKey(sender)) {
            next.remove(sender);
        }
    }

    /** Drops the reservations of a sender whose admitted transactions will not be ordered. */
    void reset(Address sender) {
        next.remove(sender);
    }
}
