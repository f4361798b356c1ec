package org.targetedmoney.policy.call;

/**
 * Decodes the action a governance proposal carries (ABI call data of a ledger function) into a
 * {@link Call}. The rules receive it from their caller, because the ABI codec sits above them; the node
 * and the auditor pass the same one, so execution stays deterministic.
 */
@FunctionalInterface
public interface ActionDecoder {

    /** The call, or an exception whose message says why the data is not a ledger call. */
    Call decode(byte[] callData) throws InvalidActionException;

    /** Why a proposal's action is not a ledger call. */
    final class InvalidActionException extends Exception {
        public InvalidActionException(String message) {
            super(message);
        }
    }
}
