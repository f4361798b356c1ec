package org.targetedmoney.node.api;

import java.math.BigInteger;
import java.util.HexFormat;

/** Ethereum JSON-RPC hex encodings: quantities without leading zeros, data with every byte. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {}

    public static String quantity(long v) {
        return "0x" + Long.toHexString(v);
    }

    public static String quantity(BigInteger v) {
        return "0x" + v.toString(16);
    }

    public static String data(byte[] b) {
        return "0x" + HEX.formatHex(b);
    }

    /** Parses a QUANTITY ({@code 0x1a}); throws IllegalArgumentException naming the problem. */
    public static long parseQuantity(String s) {
        if (s == null || !s.startsWith("0x") || s.length() < 3 || s.length() > 18) {
            throw new IllegalArgumentException("expected a hex quantity like 0x1a, got '" + s + "'");
        }
        try {
            long v = Long.parseUnsignedLong(s.substring(2), 16);
            if (v < 0) {
                throw new IllegalArgumentException("quantity " + s + " is too large");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a hex quantity like 0x1a, got '" + s + "'");
        }
    }

    /** Parses DATA ({@code 0x...}, even number of hex digits), with a size limit. */
    public static byte[] parseData(String s, int maxBytes) {
        if (s == null || !s.startsWith("0x") || s.length() % 2 != 0) {
            throw new IllegalArgumentException("expected hex data like 0xabcd, got '" + abbreviate(s) + "'");
        }
        if ((s.length() - 2) / 2 > maxBytes) {
            throw new IllegalArgumentException("data of " + (s.length() - 2) / 2 + " bytes exceeds " + maxBytes);
        }
        try {
            return HEX.parseHex(s, 2, s.length());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex data: '" + abbreviate(s) + "'");
        }
    }

    /** Parses a 32-byte hash. */
    public static byte[] parseHash(String s) {
        byte[] b = parseData(s, 32);
        if (b.length != 32) {
            throw new IllegalArgumentException("expected a 32-byte hash, got " + b.length + " bytes");
        }
        return b;
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
