package org.targetedmoney.bridge.http;

import org.targetedmoney.bridge.store.Writes;

/**
 * The business part of an idempotent POST route, wrapped by {@link IdempotentHandler}, in two steps:
 *
 * <ol>
 *   <li>{@link #prepare} on a Vert.x worker thread, in parallel with other requests: parse and check the body
 *       (XML, JSON), without touching the store's state - return the parsed input, or a value saying why it
 *       is refused;</li>
 *   <li>{@link #apply} on the {@link org.targetedmoney.bridge.store.BridgeWriter} thread, one request at a
 *       time: read the state (through {@code writes}), stage the changes in {@code writes}, return the
 *       answer. The handler then stages the idempotency record in the same writes, and the whole is committed
 *       atomically before the client is answered.</li>
 * </ol>
 *
 * <p>Answers: a success (2xx) commits the staged changes; a refusal (4xx, best with a {@link Problem}) commits
 * nothing of them - the handler discards them - but is recorded, replayed, and its input kept in
 * {@link org.targetedmoney.bridge.store.RejectedInputs}; a 5xx answer or an exception commits nothing and
 * records nothing (the client may retry). Neither step may block on anything but the store.
 *
 * @param <P> what {@code prepare} hands to {@code apply}
 */
public interface IdempotentOperation<P> {

    /** Parses and checks the request, off the event loop; an exception answers 500 and records nothing. */
    P prepare(IdempotentRequest request) throws Exception;

    /** Stages the request's changes in {@code writes} and answers it, on the writer thread. */
    Answer apply(IdempotentRequest request, P prepared, Writes writes) throws Exception;

    /** The one-step form: no preparation, everything on the writer thread. */
    static IdempotentOperation<Void> of(Step operation) {
        return new IdempotentOperation<>() {
            @Override
            public Void prepare(IdempotentRequest request) {
                return null;
            }

            @Override
            public Answer apply(IdempotentRequest request, Void prepared, Writes writes) throws Exception {
                return operation.apply(request, writes);
            }
        };
    }

    /** A one-step operation. */
    @FunctionalInterface
    interface Step {
        Answer apply(IdempotentRequest request, Writes writes) throws Exception;
    }
}
