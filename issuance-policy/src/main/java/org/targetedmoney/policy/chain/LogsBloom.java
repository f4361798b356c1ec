package org.targetedmoney.policy.chain;

import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.abi.Log;

/** The 2048-bit Ethereum logs bloom (yellow paper, section 4.3.1): 3 bits per address and per topic. */
public final class LogsBloom {
    public static final int BYTES = 256;

    private LogsBloom() {}

    public static void add(byte[] bloom, Log log) {
        addValue(bloom, log.address().toBytes());
        for (byte[] topic : log.topics()) {
            addValue(bloom, topic);
        }
    }

    private static void addValue(byte[] bloom, byte[] value) {
        byte[] h = Keccak.hash(value);
        for (int i = 0; i < 6; i += 2) {
            int bit = ((h[i] & 0x07) << 8) | (h[i + 1] & 0xFF);
            bloom[BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
        }
    }
}
