package org.targetedmoney.policy.state;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.targetedmoney.policy.model.Address;

/** A growable big-endian byte writer for the canonical encoding of keys and entities. */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    ByteSink u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    ByteSink u32(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    ByteSink i64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    ByteSink bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    ByteSink address(Address a) {
        ensure(Address.LENGTH);
        a.writeTo(buf, size);
        size += Address.LENGTH;
        return this;
    }

    /** Bytes as they are, unprefixed (only at the end of a key). */
    ByteSink raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** A length-prefixed UTF-8 string; null is encoded as length 0xFFFFFFFF. */
    ByteSink string(String s) {
        if (s == null) {
            return u32(-1);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }
}
