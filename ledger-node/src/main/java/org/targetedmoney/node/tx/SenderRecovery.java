package org.targetedmoney.node.tx;

import java.util.Optional;
import org.targetedmoney.policy.model.Address;

/**
 * Recovers the address that signed a {@link DecodedTx}: the public key from (signingHash, r, s,
 * recId), then the last 20 bytes of keccak256 of its 64 coordinate bytes.
 *
 * <p>This is the bound of the whole ledger (about 50 µs per transaction per core natively, 180 µs
 * in Bouncy Castle), so callers run it on a worker pool. Implementations are thread-safe.
 */
public interface SenderRecovery {

    /**
     * The signer's address.
     *
     * @throws TxRejectedException with code {@code BAD_SIGNATURE} when no key is recoverable
     */
    Address recover(DecodedTx tx);

    /** A short name for logs and metrics: {@code native-libsecp256k1} or {@code bouncy-castle}. */
    String name();

    /** The pure-Java implementation, always available. */
    static SenderRecovery bouncyCastle() {
        return BouncyCastleSenderRecovery.INSTANCE;
    }

    /**
     * libsecp256k1 through fr.acinq's JNI binding, if its native library loads on this platform
     * and recovers a known vector correctly; empty otherwise.
     */
    static Optional<SenderRecovery> nativeIfAvailable() {
        return NativeSenderRecovery.load();
    }

    /** Native when it works here, else Bouncy Castle; {@link #name()} tells which was chosen. */
    static SenderRecovery best() {
        return nativeIfAvailable().orElseGet(SenderRecovery::bouncyCastle);
    }
}
