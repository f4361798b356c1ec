package org.targetedmoney.bridge.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Byte helpers for keys and values. RocksDB orders keys as unsigned bytes, so big-endian non-negative longs
 * sort numerically, and text keys joined by {@link #SEPARATOR} sort part by part.
 */
public final class Keys {
    /** Joins the parts of composite text keys; it sorts below every character, so "a" + SEP < "a0". */
    public static final byte SEPARATOR = 0x00;

    private Keys() {
    }

    /** The 8 big-endian bytes of {@code value}. */
    public static byte[] ofLong(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** The long stored big-endian in {@code bytes} (exactly 8 bytes). */
    public static long toLong(byte[] bytes) {
        if (bytes.length != Long.BYTES) {
            throw new IllegalArgumentException("a long is 8 bytes, not " + bytes.length);
        }
        return toLong(bytes, 0);
    }

    /** The long stored big-endian at {@code offset} in {@code bytes}. */
    public static long toLong(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes, offset, Long.BYTES).getLong();
    }

    /** A non-negative number as a key that sorts numerically. */
    public static byte[] ofNumber(long number) {
        if (number < 0) {
            throw new IllegalArgumentException("a number key must be >= 0 (negative ones sort after): " + number);
        }
        return ofLong(number);
    }

    /** UTF-8 bytes of {@code text}. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text of UTF-8 {@code bytes}. */
    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A composite key: the UTF-8 parts joined by {@link #SEPARATOR}. Parts must not contain the NUL character,
     * so that ("a", "b") and ("a\0b") cannot be the same key.
     */
    public static byte[] of(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = Objects.requireNonNull(parts[i], "key part");
            if (part.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a key part must not contain NUL: " + part.replace('\0', '?'));
            }
            if (i > 0) {
                joined.append('\0');
            }
            joined.append(part);
        }
        return utf8(joined.toString());
    }

    /** The prefix of every composite key that starts with {@code parts}: the parts and a trailing separator. */
    public static byte[] prefix(String... parts) {
        return concat(of(parts), new byte[] {SEPARATOR});
    }

    /** The bytes of all {@code parts}, one after the other. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length = Math.addExact(length, part.length);
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** Whether {@code key} starts with {@code prefix}. */
    public static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The smallest key above every key with this prefix, or null if there is none (empty or all 0xFF). */
    public static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    /** Lower-case hexadecimal, for messages and readable fingerprints. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
