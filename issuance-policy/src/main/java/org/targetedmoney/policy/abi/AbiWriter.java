package org.targetedmoney.policy.abi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.model.Address;

/** Encodes a tuple of ABI values (head words, then the tails of dynamic values), as view results and log data. */
final class AbiWriter {
    private final List<byte[]> heads = new ArrayList<>();
    private final List<byte[]> tails = new ArrayList<>();

    static byte[] word(long v) {
        byte[] w = new byte[32];
        for (int i = 0; i < 8; i++) {
            w[31 - i] = (byte) (v >>> (8 * i));
        }
        return w;
    }

    static byte[] word(Address a) {
        byte[] w = new byte[32];
        a.writeTo(w, 12);
        return w;
    }

    AbiWriter uint(long v) {
        heads.add(word(v));
        tails.add(null);
        return this;
    }

    AbiWriter bool(boolean v) {
        return uint(v ? 1 : 0);
    }

    AbiWriter address(Address a) {
        heads.add(word(a));
        tails.add(null);
        return this;
    }

    AbiWriter bytes32(byte[] b) {
        heads.add(b.clone());
        tails.add(null);
        return this;
    }

    AbiWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Dynamic {@code bytes}: length, then the bytes padded to a word. */
    AbiWriter bytes(byte[] b) {
        byte[] t = new byte[32 + padded(b.length)];
        System.arraycopy(word(b.length), 0, t, 0, 32);
        System.arraycopy(b, 0, t, 32, b.length);
        heads.add(null);
        tails.add(t);
        return this;
    }

    AbiWriter uintArray(List<? extends Number> values) {
        byte[] t = new byte[32 * (values.size() + 1)];
        System.arraycopy(word(values.size()), 0, t, 0, 32);
        for (int i = 0; i < values.size(); i++) {
            System.arraycopy(word(values.get(i).longValue()), 0, t, 32 * (i + 1), 32);
        }
        heads.add(null);
        tails.add(t);
        return this;
    }

    AbiWriter addressArray(List<Address> values) {
        byte[] t = new byte[32 * (values.size() + 1)];
        System.arraycopy(word(values.size()), 0, t, 0, 32);
        for (int i = 0; i < values.size(); i++) {
            System.arraycopy(word(values.get(i)), 0, t, 32 * (i + 1), 32);
        }
        heads.add(null);
        tails.add(t);
        return this;
    }

    private static int padded(int n) {
        return (n + 31) / 32 * 32;
    }

    byte[] toBytes() {
        int size = 32 * heads.size();
        for (byte[] t : tails) {
            size += t == null ? 0 : t.length;
        }
        byte[] out = new byte[size];
        int tailAt = 32 * heads.size();
        for (int i = 0; i < heads.size(); i++) {
            byte[] t = tails.get(i);
            byte[] head = t == null ? heads.get(i) : word(tailAt);
            System.arraycopy(head, 0, out, 32 * i, 32);
            if (t != null) {
                System.arraycopy(t, 0, out, tailAt, t.length);
                tailAt += t.length;
            }
        }
        return out;
    }
}
