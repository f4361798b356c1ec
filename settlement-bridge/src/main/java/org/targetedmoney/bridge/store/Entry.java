package org.targetedmoney.bridge.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A key and its value, as a scan returns them. The arrays are fresh copies owned by the caller.
 *
 * @param key   the key, without copy
 * @param value the value, without copy
 */
public record Entry(byte[] key, byte[] value) {
    public Entry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && Arrays.equals(key, e.key) && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Entry[key=" + Keys.hex(key) + ", value=" + value.length + " bytes]";
    }
}
