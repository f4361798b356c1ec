package org.targetedmoney.node.admission;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.targetedmoney.policy.model.Address;

/**
 * The next nonce each sender may use, counting transactions admitted but not yet in a block. Guarded
 * by the admission lock. Transactions must arrive in nonce order: a gap is refused rather than parked,
 * so a full node never holds transactions it may never be able to order.
 */
final class PendingNonces {
    private final Map<Address, Long> next = new HashMap<>();

    /** Why a nonce is refused, or null if it is the next one (and then it is reserved). */
    String reserve(Address sender, long nonce, ToLongFunction<Address> stateNonce) {
        long expected = next.containsKey(sender) ? next.get(sender) : stateNonce.applyAsLong(sender);
        if (nonce < expected) {
            return "nonce too low: " + nonce + " was already used by " + sender + ", next is " + expected;
        }
        if (nonce > expected) {
            return "nonce too high: " + nonce + " for " + sender + ", next is " + expected
                    + " (send transactions in nonce order)";
        }
        next.put(sender, nonce + 1);
        return null;
    }

    /** Forgets what a block settled: the state now says which nonce comes next. */
    void settled(Address sender, long stateNext) {
        Long pending = next.get(sender);
        if (pending != null && pending <= stateNext) {
            next.remove(sender);
        }
    }

    /** Drops the reservations of a sender whose admitted transactions will not be ordered. */
    void reset(Address sender) {
        next.remove(sender);
    }

    long peek(Address sender, long stateNonce) {
        Long pending = next.get(sender);
        return pending == null ? stateNonce : Math.max(pending, stateNonce);
    }

    int size() {
        return next.size();
    }
}
