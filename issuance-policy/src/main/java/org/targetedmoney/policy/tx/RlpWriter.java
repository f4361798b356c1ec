package org.targetedmoney.policy.tx;

/**
 * The few canonical RLP encodings the node needs to rebuild signing payloads: list headers and
 * small unsigned integers. Everything else a payload holds is copied verbatim from the (already
 * canonical) raw transaction, so there is no general-purpose encoder here on purpose.
 */
public final class RlpWriter {
    private static final int SHORT_LIMIT = 55;
    private static final byte[] EMPTY_STRING = {(byte) 0x80};

    private RlpWriter() {
    }

    /** The header of a list whose items' encodings total {@code payloadLength} bytes. */
    public static byte[] listHeader(int payloadLength) {
        return header(0xc0, payloadLength);
    }

    /** The header of a byte string of {@code length} bytes (not for a single byte below 0x80). */
    public static byte[] stringHeader(int length) {
        return header(0x80, length);
    }

    /** The canonical encoding of a non-negative integer: big-endian, no leading zero, 0 is empty. */
    public static byte[] encodeLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
        }
        if (value == 0) {
            return EMPTY_STRING.clone();
        }
        if (value < 0x80) {
            return new byte[] {(byte) value};
        }
        int length = byteLength(value);
        byte[] out = new byte[1 + length];
        out[0] = (byte) (0x80 + length);
        writeBigEndian(value, out, 1, length);
        return out;
    }

    /** The canonical encoding of {@code bytes} as an RLP string. */
    public static byte[] encodeBytes(byte[] bytes) {
        if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
            return bytes.clone();
        }
        byte[] head = stringHeader(bytes.length);
        byte[] out = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bytes, 0, out, head.length, bytes.length);
        return out;
    }

    private static byte[] header(int base, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative RLP length " + length);
        }
        if (length <= SHORT_LIMIT) {
            return new byte[] {(byte) (base + length)};
        }
        int lengthOfLength = byteLength(length);
        byte[] out = new byte[1 + lengthOfLength];
        out[0] = (byte) (base + SHORT_LIMIT + lengthOfLength);
        writeBigEndian(length, out, 1, lengthOfLength);
        return out;
    }

    /** Bytes needed for a positive value without leading zeros. */
    static int byteLength(long value) {
        return (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    }

    private static void writeBigEndian(long value, byte[] out, int offset, int length) {
        for (int i = length - 1; i >= 0; i--) {
            out[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
