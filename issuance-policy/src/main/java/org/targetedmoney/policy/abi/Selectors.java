package org.targetedmoney.policy.abi;

/** Function selectors: the first 4 bytes of keccak256 of the canonical signature. */
final class Selectors {
    private Selectors() {}

    static int of(String signature) {
        byte[] h = Keccak.hash(signature);
        return ((h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
    }

    static int read(byte[] data) {
        return ((data[0] & 0xFF) << 24) | ((data[1] & 0xFF) << 16) | ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
    }
}
