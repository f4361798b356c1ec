package org.targetedmoney.policy.state;

import java.nio.charset.StandardCharsets;
import org.targetedmoney.policy.model.Address;

/** Reads what {@link ByteSink} wrote; any inconsistency is a corrupt store, reported as such. */
final class ByteSource {
    private final byte[] buf;
    private int pos;

    ByteSource(byte[] buf, int offset) {
        this.buf = buf;
        this.pos = offset;
    }

    private void need(int n) {
        if (n < 0 || n > buf.length - pos) {
            throw new IllegalArgumentException("corrupt entity encoding: needs " + n + " bytes at " + pos
                    + " of " + buf.length);
        }
    }

    int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    int u32() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    long i64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    boolean bool() {
        return u8() != 0;
    }

    Address address() {
        need(Address.LENGTH);
        Address a = Address.read(buf, pos);
        pos += Address.LENGTH;
        return a;
    }

    String string() {
        int len = u32();
        if (len == -1) {
            return null;
        }
        if (len < 0) {
            throw new IllegalArgumentException("corrupt entity encoding: string length " + len + " at " + (pos - 4));
        }
        need(len);
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    void expectEnd() {
        if (pos != buf.length) {
            throw new IllegalArgumentException("corrupt entity encoding: " + (buf.length - pos) + " trailing bytes");
        }
    }
}
