package org.targetedmoney.policy.state;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The storage key of an entity: a kind byte followed by the entity's identifying fields, big-endian, so
 * that byte order groups entities by kind and sorts them by id (territory counts by code, epochs by number).
 */
public final class EntityKey implements Comparable<EntityKey> {
    private final byte[] bytes;
    private final int hash;

    EntityKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static EntityKey of(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an entity key is never empty");
        }
        return new EntityKey(bytes.clone());
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public byte kind() {
        return bytes[0];
    }

    public int length() {
        return bytes.length;
    }

    boolean startsWith(byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(EntityKey o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
