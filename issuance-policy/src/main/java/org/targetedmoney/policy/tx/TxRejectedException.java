package org.targetedmoney.policy.tx;

import java.util.Objects;

/**
 * A raw transaction refused at the door: it never enters the log. The {@link Code} is stable (the
 * JSON-RPC layer and clients match on it); the message names what is wrong for a human.
 *
 * <p>Unchecked so that decoding and recovery compose with parallel streams and futures; and
 * without a stack trace, because refusing hostile input must stay cheap.
 */
public final class TxRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a transaction was refused. The names are part of the node's interface. */
    public enum Code {
        /** Not canonical RLP: truncated, trailing bytes, non-shortest lengths, leading zeros. */
        MALFORMED_RLP,
        /** Canonical RLP but not a transaction: field count, field sizes, integer ranges. */
        MALFORMED_TX,
        /** More than {@link TxDecoder#MAX_RAW_TX_BYTES} bytes. */
        TX_TOO_LARGE,
        /** A typed transaction other than EIP-1559 (type 2). */
        UNSUPPORTED_TX_TYPE,
        /** A legacy transaction signed without a chain id (v = 27 or 28). */
        NOT_REPLAY_PROTECTED,
        /** Signed for another chain. */
        WRONG_CHAIN_ID,
        /** s above n/2: the malleable twin of a valid signature. */
        HIGH_S,
        /** r or s out of range, bad v / yParity, or no public key recoverable. */
        BAD_SIGNATURE,
        /** No recipient: contracts cannot be deployed on this ledger. */
        CONTRACT_CREATION,
        /** A non-zero native value: amounts move through the system contract. */
        NATIVE_VALUE
    }

    private final Code code;

    public TxRejectedException(Code code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }

    @Override
    public String toString() {
        return "TxRejectedException[" + code + "]: " + getMessage();
    }
}
