package org.targetedmoney.policy.abi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.targetedmoney.policy.model.Address;

/**
 * Strict reader of Solidity ABI arguments (after the 4-byte selector): every word is bounds-checked,
 * integers must fit their declared width, dynamic offsets must point inside the data.
 */
final class AbiReader {
    static final int WORD = 32;
    /** Longest string argument accepted (territory codes, names). */
    static final int MAX_STRING_BYTES = 256;
    /** Longest array argument accepted. */
    static final int MAX_ARRAY_LENGTH = 64;

    private final byte[] data;
    private final int base;
    private final String function;

    AbiReader(byte[] data, int base, String function) {
        this.data = data;
        this.base = base;
        this.function = function;
    }

    private AbiException error(int arg, String what) {
        return new AbiException(function + ": argument " + arg + " " + what);
    }

    private int wordAt(int arg, int position) throws AbiException {
        if (position < base || (long) position + WORD > data.length) {
            throw error(arg, "is truncated (call data has " + (data.length - base) + " bytes after the selector)");
        }
        return position;
    }

    private boolean zero(int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An unsigned integer of at most {@code bits} (<= 63) bits in head slot {@code arg}. */
    long uint(int arg, int bits) throws AbiException {
        return uintAt(arg, base + arg * WORD, bits);
    }

    private long uintAt(int arg, int position, int bits) throws AbiException {
        int p = wordAt(arg, position);
        if (!zero(p, p + 24) || (data[p + 24] & 0x80) != 0) {
            throw error(arg, "exceeds " + (bits == 63 ? "2^63-1" : "uint" + bits));
        }
        long v = 0;
        for (int i = 24; i < WORD; i++) {
            v = (v << 8) | (data[p + i] & 0xFF);
        }
        if (bits < 63 && (v >>> bits) != 0) {
            throw error(arg, "exceeds uint" + bits + ": " + v);
        }
        return v;
    }

    Address address(int arg) throws AbiException {
        int p = wordAt(arg, base + arg * WORD);
        if (!zero(p, p + 12)) {
            throw error(arg, "is not an address (the upper 12 bytes must be zero)");
        }
        return Address.read(data, p + 12);
    }

    byte[] bytes32(int arg) throws AbiException {
        int p = wordAt(arg, base + arg * WORD);
        return Arrays.copyOfRange(data, p, p + WORD);
    }

    private int tail(int arg) throws AbiException {
        long offset = uint(arg, 31);
        return (int) (base + offset);
    }

    /** A boolean: exactly 0 or 1. */
    boolean bool(int arg) throws AbiException {
        return uint(arg, 1) == 1;
    }

    /** Dynamic {@code bytes}, at most {@code maxLength} long. */
    byte[] bytes(int arg, int maxLength) throws AbiException {
        int at = tail(arg);
        int length = (int) uintAt(arg, at, 31);
        if (length > maxLength) {
            throw error(arg, "is longer than " + maxLength + " bytes");
        }
        int start = at + WORD;
        if ((long) start + length > data.length) {
            throw error(arg, "is truncated (bytes of " + length + ")");
        }
        return Arrays.copyOfRange(data, start, start + length);
    }

    String string(int arg) throws AbiException {
        int at = tail(arg);
        int length = (int) uintAt(arg, at, 31);
        if (length > MAX_STRING_BYTES) {
            throw error(arg, "is longer than " + MAX_STRING_BYTES + " bytes");
        }
        int start = at + WORD;
        if (start + length > data.length) {
            throw error(arg, "is truncated (string of " + length + " bytes)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw error(arg, "is not valid UTF-8");
        }
    }

    /** A dynamic array of unsigned integers of at most {@code bits} bits. */
    List<Long> uintArray(int arg, int bits) throws AbiException {
        int at = tail(arg);
        int length = (int) uintAt(arg, at, 31);
        if (length > MAX_ARRAY_LENGTH) {
            throw error(arg, "has " + length + " elements, more than " + MAX_ARRAY_LENGTH);
        }
        List<Long> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(uintAt(arg, at + WORD * (i + 1), bits));
        }
        return out;
    }

    /** A dynamic array of addresses, at most {@code maxLength} long. */
    List<Address> addressArray(int arg, int maxLength) throws AbiException {
        int at = tail(arg);
        int length = (int) uintAt(arg, at, 31);
        if (length > maxLength) {
            throw error(arg, "has " + length + " elements, more than " + maxLength);
        }
        List<Address> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            int p = wordAt(arg, at + WORD * (i + 1));
            if (!zero(p, p + 12)) {
                throw error(arg, "element " + i + " is not an address (the upper 12 bytes must be zero)");
            }
            out.add(Address.read(data, p + 12));
        }
        return out;
    }
}
