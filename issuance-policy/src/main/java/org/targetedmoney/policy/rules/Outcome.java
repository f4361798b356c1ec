package org.targetedmoney.policy.rules;

import java.util.List;
import org.targetedmoney.policy.state.Entity;

/** The result of the transition function for one call: its effects, or a rejection that changes nothing. */
public sealed interface Outcome {

    /** The new versions of the changed entities (in a deterministic order) and the events, in order. */
    record Applied(List<Entity> writes, List<LedgerEvent> events) implements Outcome {
        public Applied {
            writes = List.copyOf(writes);
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Outcome {}

    static Rejected reject(RejectionCode code, String format, Object... args) {
        return new Rejected(new Rejection(code, args.length == 0 ? format : String.format(format, args)));
    }
}
