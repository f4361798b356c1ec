package org.targetedmoney.policy.tx;

import org.bouncycastle.crypto.digests.KeccakDigest;
import org.targetedmoney.policy.model.Address;

/**
 * Keccak-256 (Ethereum's hash, not NIST SHA3-256) on Bouncy Castle. A digest object costs a few
 * hundred bytes, less than the hash itself, so one is made per call instead of being shared.
 */
final class Keccak {
    static final int HASH_BYTES = 32;

    private Keccak() {
    }

    static byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    static byte[] hash(byte[] data, int offset, int length) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(data, offset, length);
        return finish(digest);
    }

    static KeccakDigest start() {
        return new KeccakDigest(256);
    }

    static byte[] finish(KeccakDigest digest) {
        byte[] out = new byte[HASH_BYTES];
        digest.doFinal(out, 0);
        return out;
    }

    /** Ethereum address: last 20 bytes of keccak256(X || Y) of a 65-byte 0x04 || X || Y key. */
    static Address addressOfUncompressed(byte[] publicKey65) {
        if (publicKey65.length != 65 || publicKey65[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed secp256k1 public key");
        }
        byte[] hash = hash(publicKey65, 1, 64);
        return Address.read(hash, HASH_BYTES - Address.LENGTH);
    }
}
