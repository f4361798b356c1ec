package org.targetedmoney.node.tx;

import java.util.Optional;
import org.targetedmoney.policy.tx.SenderRecovery;

/**
 * The node's choice of {@link SenderRecovery}: libsecp256k1 when its native library works here, else the
 * pure-Java one that issuance-policy shares with the auditor.
 */
public final class SenderRecoveries {
    private SenderRecoveries() {}

    /** The pure-Java implementation, always available. */
    public static SenderRecovery bouncyCastle() {
        return SenderRecovery.bouncyCastle();
    }

    /**
     * libsecp256k1 through fr.acinq's JNI binding, if its native library loads on this platform
     * and recovers a known vector correctly; empty otherwise.
     */
    public static Optional<SenderRecovery> nativeIfAvailable() {
        return NativeSenderRecovery.load();
    }

    /** Native when it works here, else Bouncy Castle; {@link SenderRecovery#name()} tells which was chosen. */
    public static SenderRecovery best() {
        return nativeIfAvailable().orElseGet(SenderRecovery::bouncyCastle);
    }
}
