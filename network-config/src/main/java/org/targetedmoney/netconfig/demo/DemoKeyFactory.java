package org.targetedmoney.netconfig.demo;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/** Makes the secp256k1 key pairs of demo accounts: random, or reproducible from a seed. */
final class DemoKeyFactory {
    /** The order of secp256k1: a private key is an integer in {@code [1, ORDER - 1]}. */
    static final BigInteger ORDER = Sign.CURVE_PARAMS.getN();

    private DemoKeyFactory() {}

    /** A fresh key pair from the system's secure random source. */
    static ECKeyPair random() {
        try {
            return Keys.createEcKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secp256k1 key generation is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * The key pair whose private key is SHA-256(UTF-8 bytes of {@code seed + label}). In the astronomically
     * unlikely case the digest is not a valid private key, it is hashed again until it is.
     */
    static ECKeyPair fromSeed(String seed, String label) {
        byte[] digest = sha256((seed + label).getBytes(StandardCharsets.UTF_8));
        BigInteger key = new BigInteger(1, digest);
        while (key.signum() == 0 || key.compareTo(ORDER) >= 0) {
            digest = sha256(digest);
            key = new BigInteger(1, digest);
        }
        return ECKeyPair.create(key);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
