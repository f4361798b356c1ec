package org.targetedmoney.bridge.snapshot;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Writes a component's state as bytes: big-endian primitives, strings as a 4-byte
 * UTF-8 length then the bytes, counts as 4-byte integers before the elements. The caller writes collections in a
 * deterministic order (sorted maps, lists), so the same state gives the same bytes. In memory; not thread-safe.
 */
public final class StateWriter {
    private static final HexFormat HEX = HexFormat.of();
    private byte[] buf;
    private int size;

    public StateWriter() {
        this(1 << 16);
    }

    public StateWriter(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    /** A section tag, checked on read: a component that reads the wrong place fails with its name, not later. */
    public StateWriter section(String name) {
        return string(name);
    }

    public StateWriter longValue(long v) {
        room(Long.BYTES);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public StateWriter intValue(int v) {
        room(Integer.BYTES);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public StateWriter bool(boolean v) {
        return byteValue(v ? 1 : 0);
    }

    public StateWriter byteValue(int v) {
        room(1);
        buf[size++] = (byte) v;
        return this;
    }

    /** The number of elements that follow. */
    public StateWriter count(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a count is >= 0: " + n);
        }
        return intValue(n);
    }

    /** {@link #count} of a collection. */
    public StateWriter count(Collection<?> c) {
        return count(c.size());
    }

    public StateWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A length, then the bytes. */
    public StateWriter bytes(byte[] b) {
        intValue(b.length);
        room(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /**
     * A text that is usually "0x" and lower-case hex of an even length (addresses, transaction hashes): then its
     * raw bytes, half the size; otherwise the text itself. {@link StateReader#hexOrString} gives back the very text.
     */
    public StateWriter hexOrString(String s) {
        if (isLowerHex(s)) {
            byteValue(1);
            return bytes(HEX.parseHex(s, 2, s.length()));
        }
        byteValue(0);
        return string(s);
    }

    static boolean isLowerHex(String s) {
        if (s.length() < 2 || !s.startsWith("0x") || s.length() % 2 != 0) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Enum constant by name: reordering the constants cannot change what a snapshot means. */
    public StateWriter enumValue(Enum<?> e) {
        return string(e.name());
    }

    public StateWriter yearMonth(YearMonth m) {
        return intValue(m.getYear()).byteValue(m.getMonthValue());
    }

    public StateWriter date(LocalDate d) {
        return longValue(d.toEpochDay());
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void room(int n) {
        if (buf.length - size < n) {
            long wanted = Math.max((long) buf.length * 2, (long) size + n);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a snapshot state above 2 GB");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
