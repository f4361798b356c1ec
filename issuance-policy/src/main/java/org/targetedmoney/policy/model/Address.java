package org.targetedmoney.policy.model;

import java.util.Arrays;
import java.util.HexFormat;

/** A 20-byte account address (Ethereum style), immutable, ordered byte-wise (unsigned). */
public final class Address implements Comparable<Address> {
    public static final int LENGTH = 20;
    public static final Address ZERO = new Address(new byte[LENGTH]);

    private final byte[] bytes;
    private final int hash;

    private Address(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Copies {@code bytes}, which must be exactly 20 long. */
    public static Address of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    /** Parses {@code 0x} followed by 40 hex digits (any case). */
    public static Address fromHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("an address is 40 hex digits, got '" + hex + "'");
        }
        try {
            return new Address(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex address: '" + hex + "'", e);
        }
    }

    /** Reads 20 bytes at {@code offset} of {@code source}. */
    public static Address read(byte[] source, int offset) {
        return new Address(Arrays.copyOfRange(source, offset, offset + LENGTH));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the 20 bytes into {@code target} at {@code offset}. */
    public void writeTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    public String toHex() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address other && hash == other.hash && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
