package org.targetedmoney.policy.tx;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A strict, allocation-light cursor over canonical RLP.
 *
 * <p>It refuses every non-canonical form, because a transaction with two accepted encodings has
 * two hashes: a single byte below 0x80 wrapped in a string header, a long-form length that would
 * fit the short form, a length with leading zero bytes, and (for {@link #nextScalar() scalars})
 * integers with leading zero bytes. Every item must end within its enclosing list, so a nested
 * length cannot reach past its parent. Errors are {@link RlpException}s naming the byte offset.
 *
 * <p>The low-level methods ({@link #nextString()}, {@link #nextScalar()}) return the payload's
 * offset in {@link #data()} and leave its length in {@link #lastLength()}, so callers can check a
 * field without copying it. A reader is not thread-safe; make one per decode.
 */
public final class RlpReader {
    private static final int SHORT_LIMIT = 55;
    private static final int ANY = 0;
    private static final int LIST = 1;
    private static final int STRING = 2;

    private final byte[] data;
    private final int end;
    private int pos;
    private int lastLength;

    /** Reads the items in {@code data[offset, offset + length)}. */
    public RlpReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("range [" + offset + ", +" + length + ") outside "
                    + data.length + " bytes");
        }
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    public RlpReader(byte[] data) {
        this(data, 0, data.length);
    }

    public byte[] data() {
        return data;
    }

    /** Offset of the next item (or of the end). */
    public int position() {
        return pos;
    }

    public boolean hasNext() {
        return pos < end;
    }

    /** Payload length of the item the last {@code next*} call read. */
    public int lastLength() {
        return lastLength;
    }

    /** Reads a list header and returns a reader over the list's items; skips past the list. */
    public RlpReader nextList() {
        int payload = readHeader(LIST);
        RlpReader inner = new RlpReader(data, payload, lastLength);
        pos = payload + lastLength;
        return inner;
    }

    /** Reads a byte string; returns its payload offset, its length in {@link #lastLength()}. */
    public int nextString() {
        int payload = readHeader(STRING);
        pos = payload + lastLength;
        return payload;
    }

    /** Like {@link #nextString()}, and refuses a leading zero byte (0 is the empty string). */
    public int nextScalar() {
        int itemStart = pos;
        int payload = nextString();
        if (lastLength > 0 && data[payload] == 0) {
            throw new RlpException("integer at byte " + itemStart + " has a leading zero byte");
        }
        return payload;
    }

    /** A copy of the next byte string. */
    public byte[] readBytes() {
        int payload = nextString();
        return Arrays.copyOfRange(data, payload, payload + lastLength);
    }

    /** The next scalar as a long; it must be below 2^63. */
    public long readLong() {
        int itemStart = pos;
        int payload = nextScalar();
        if (!fitsInLong(data, payload, lastLength)) {
            throw new RlpException("integer at byte " + itemStart + " does not fit in 63 bits");
        }
        return toLong(data, payload, lastLength);
    }

    /** The next scalar as a non-negative BigInteger of at most {@code maxBytes} bytes. */
    public BigInteger readBigInteger(int maxBytes) {
        int itemStart = pos;
        int payload = nextScalar();
        if (lastLength > maxBytes) {
            throw new RlpException("integer at byte " + itemStart + " is longer than " + maxBytes
                    + " bytes");
        }
        return toBigInteger(data, payload, lastLength);
    }

    /** Skips the next item, list or string, checking its header. */
    public void skip() {
        int payload = readHeader(ANY);
        pos = payload + lastLength;
    }

    /** Counts the remaining items without consuming them (each header is checked). */
    public int countRemaining() {
        int saved = pos;
        int savedLength = lastLength;
        int count = 0;
        while (hasNext()) {
            skip();
            count++;
        }
        pos = saved;
        lastLength = savedLength;
        return count;
    }

    /** Refuses anything left after the items read so far. */
    public void requireEnd() {
        if (pos != end) {
            throw new RlpException((end - pos) + " unexpected trailing byte(s) at byte " + pos);
        }
    }

    /** True when the big-endian unsigned {@code data[offset, +length)} is below 2^63. */
    public static boolean fitsInLong(byte[] data, int offset, int length) {
        return length < Long.BYTES || (length == Long.BYTES && data[offset] >= 0);
    }

    /** The big-endian unsigned value of {@code data[offset, +length)}, at most 8 bytes. */
    public static long toLong(byte[] data, int offset, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (data[offset + i] & 0xff);
        }
        return value;
    }

    public static BigInteger toBigInteger(byte[] data, int offset, int length) {
        return length == 0 ? BigInteger.ZERO : new BigInteger(1, data, offset, length);
    }

    /**
     * Decodes the header at {@link #pos}; returns the payload offset, sets {@link #lastLength}.
     * {@code want} is {@link #LIST}, {@link #STRING} or {@link #ANY}.
     */
    private int readHeader(int want) {
        if (pos >= end) {
            throw new RlpException("expected an RLP item at byte " + pos + ", found the end");
        }
        int start = pos;
        int prefix = data[pos] & 0xff;
        boolean isList = prefix >= 0xc0;
        if (want != ANY && (want == LIST) != isList) {
            throw new RlpException("expected " + (want == LIST ? "a list" : "a byte string")
                    + " at byte " + start + ", found " + (isList ? "a list" : "a byte string"));
        }
        if (prefix < 0x80) {
            lastLength = 1;
            return start;
        }
        int base = isList ? 0xc0 : 0x80;
        int shortLength = prefix - base;
        if (shortLength <= SHORT_LIMIT) {
            return shortPayload(start, shortLength, isList);
        }
        return longPayload(start, shortLength - SHORT_LIMIT);
    }

    private int shortPayload(int start, int length, boolean isList) {
        int payload = start + 1;
        checkFits(start, payload, length);
        if (!isList && length == 1 && (data[payload] & 0xff) < 0x80) {
            throw new RlpException("single byte below 0x80 at byte " + start
                    + " must be encoded as itself");
        }
        lastLength = length;
        return payload;
    }

    private int longPayload(int start, int lengthOfLength) {
        int lengthStart = start + 1;
        if (lengthOfLength > end - lengthStart) {
            throw new RlpException("length of the item at byte " + start + " is truncated");
        }
        if (data[lengthStart] == 0) {
            throw new RlpException("length of the item at byte " + start + " has a leading zero");
        }
        int payload = lengthStart + lengthOfLength;
        // Up to 8 length bytes: stop as soon as it exceeds what is left, so it cannot overflow.
        long length = 0;
        for (int i = 0; i < lengthOfLength; i++) {
            length = (length << 8) | (data[lengthStart + i] & 0xff);
            if (length > end - payload) {
                throw new RlpException("item at byte " + start + " declares more bytes than the "
                        + (end - payload) + " that remain");
            }
        }
        if (length <= SHORT_LIMIT) {
            throw new RlpException("item at byte " + start + " uses a long length for " + length
                    + " bytes");
        }
        lastLength = (int) length;
        return payload;
    }

    private void checkFits(int start, int payload, long length) {
        if (length > end - payload) {
            throw new RlpException("item at byte " + start + " declares " + length
                    + " bytes but only " + (end - payload) + " remain");
        }
    }
}
