package org.targetedmoney.bridge.snapshot;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;

/**
 * Reads what a {@link StateWriter} wrote, refusing anything that does not fit: every read is bounds-checked, every
 * count and string length is checked against what is left (and a caller's limit) before anything is allocated, so
 * damaged bytes give a {@link SnapshotException}, never a huge allocation or a wrong value. Not thread-safe.
 */
public final class StateReader {
    private static final HexFormat HEX = HexFormat.of();
    private final ByteBuffer in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    public StateReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    /** Checks that a section of this name starts here. */
    public void section(String name) {
        int at = in.position();
        String found = string(64);
        if (!found.equals(name)) {
            throw SnapshotException.corrupt("expected section '" + name + "' at byte " + at + ", found '"
                    + found.replaceAll("\\P{Print}", "?") + "'");
        }
    }

    public long longValue() {
        need(Long.BYTES, "a long");
        return in.getLong();
    }

    public int intValue() {
        need(Integer.BYTES, "an int");
        return in.getInt();
    }

    /** An int in {@code min..max}. */
    public int intValue(int min, int max, String what) {
        int v = intValue();
        if (v < min || v > max) {
            throw SnapshotException.corrupt(what + " " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    /** A long in {@code min..max}. */
    public long longValue(long min, long max, String what) {
        long v = longValue();
        if (v < min || v > max) {
            throw SnapshotException.corrupt(what + " " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    public int byteValue() {
        need(1, "a byte");
        return in.get() & 0xFF;
    }

    public boolean bool() {
        int b = byteValue();
        if (b > 1) {
            throw SnapshotException.corrupt("a boolean is 0 or 1, found " + b + " at byte " + (in.position() - 1));
        }
        return b == 1;
    }

    /**
     * A count of elements, at most {@code max}, and at most the bytes left divided by {@code minBytesEach} (the
     * least an element takes): a damaged count cannot make the reader allocate more than the snapshot holds.
     */
    public int count(int max, int minBytesEach, String what) {
        int n = intValue();
        if (n < 0 || n > max || (long) n * Math.max(1, minBytesEach) > in.remaining()) {
            throw SnapshotException.corrupt("count of " + what + " " + n + " is outside 0.." + max + " or beyond the "
                    + in.remaining() + " bytes left");
        }
        return n;
    }

    /** A UTF-8 string of at most {@code maxBytes} bytes. */
    public String string(int maxBytes) {
        byte[] b = bytes(maxBytes);
        boolean ascii = true;
        for (int i = 0; i < b.length && ascii; i++) {
            ascii = b[i] >= 0;
        }
        if (ascii) {
            return new String(b, StandardCharsets.ISO_8859_1); // most texts: ids, codes, IBANs (no decoder needed)
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw SnapshotException.corrupt("a string is not UTF-8 at byte " + in.position());
        }
    }

    /** A length (at most {@code maxBytes}), then that many bytes. */
    public byte[] bytes(int maxBytes) {
        int n = intValue();
        if (n < 0 || n > maxBytes) {
            throw SnapshotException.corrupt("a length of " + n + " bytes is outside 0.." + maxBytes);
        }
        need(n, n + " bytes");
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    /** What {@link StateWriter#hexOrString} wrote, as text of at most {@code maxChars} characters. */
    public String hexOrString(int maxChars) {
        return switch (byteValue()) {
            case 0 -> string(maxChars);
            case 1 -> "0x" + HEX.formatHex(bytes(maxChars / 2));
            default -> throw SnapshotException.corrupt("a hex-or-text tag is 0 or 1 at byte " + (in.position() - 1));
        };
    }

    /** An enum constant by name. */
    public <E extends Enum<E>> E enumValue(Class<E> type) {
        String name = string(64);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw SnapshotException.corrupt(type.getSimpleName() + " has no constant '"
                    + name.replaceAll("\\P{Print}", "?") + "'");
        }
    }

    public YearMonth yearMonth() {
        int year = intValue();
        int month = byteValue();
        try {
            return YearMonth.of(year, month);
        } catch (DateTimeException e) {
            throw SnapshotException.corrupt("month " + year + "-" + month, e);
        }
    }

    public LocalDate date() {
        long day = longValue();
        try {
            return LocalDate.ofEpochDay(day);
        } catch (DateTimeException e) {
            throw SnapshotException.corrupt("day " + day, e);
        }
    }

    /** Bytes not read yet. */
    public int remaining() {
        return in.remaining();
    }

    /** Checks that everything was read: trailing bytes mean the reader and the writer disagree. */
    public void end() {
        if (in.hasRemaining()) {
            throw SnapshotException.corrupt(in.remaining() + " bytes left after the state");
        }
    }

    private void need(int n, String what) {
        if (in.remaining() < n) {
            throw SnapshotException.corrupt("truncated: " + what + " needed at byte " + in.position() + ", "
                    + in.remaining() + " left");
        }
    }
}
