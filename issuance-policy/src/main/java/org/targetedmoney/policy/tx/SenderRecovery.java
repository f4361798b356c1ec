package org.targetedmoney.policy.tx;

import org.targetedmoney.policy.model.Address;

/**
 * Recovers the address that signed a {@link DecodedTx}: the public key from (signingHash, r, s,
 * recId), then the last 20 bytes of keccak256 of its 64 coordinate bytes.
 *
 * <p>This is the bound of the whole ledger (about 50 µs per transaction per core natively, 180 µs
 * in Bouncy Castle), so callers run it on a worker pool. Implementations are thread-safe. The native
 * implementation lives in ledger-node ({@code org.targetedmoney.node.tx.SenderRecoveries}); this module
 * stays free of native code.
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

    /** The address of a 65-byte uncompressed public key (0x04 || X || Y), for implementations elsewhere. */
    static Address addressOf(byte[] publicKey65) {
        return Keccak.addressOfUncompressed(publicKey65);
    }
}
