package org.targetedmoney.bench.scale;

import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;

/**
 * {@link org.targetedmoney.policy.state.StateRoots#root} computed over entities fed in key order, keeping
 * one pending node per tree level instead of every leaf: the root of a 10-million-entity genesis in
 * constant memory. Same tree: leaves keccak(key || value), pairs keccak(left || right), an odd last node
 * carried up unchanged.
 */
final class StreamingRoot {
    private static final int HASH_BYTES = 32;
    /** pending.get(level): the left node waiting for its right neighbour at that level, or null. */
    private final List<byte[]> pending = new ArrayList<>();
    private boolean empty = true;

    /** Adds the next entity; callers feed entities in ascending key order, each key once. */
    void add(Entity e) {
        byte[] k = e.key().toBytes();
        byte[] v = EntityCodec.encode(e);
        byte[] leaf = new byte[k.length + v.length];
        System.arraycopy(k, 0, leaf, 0, k.length);
        System.arraycopy(v, 0, leaf, k.length, v.length);
        empty = false;
        byte[] node = Keccak.hash(leaf);
        int level = 0;
        while (level < pending.size() && pending.get(level) != null) {
            node = pair(pending.get(level), node);
            pending.set(level, null);
            level++;
        }
        if (level == pending.size()) {
            pending.add(node);
        } else {
            pending.set(level, node);
        }
    }

    /**
     * Folds the pending nodes from the bottom: a node carried up from below is the last of its level, so
     * it pairs with that level's pending node if there is one and otherwise goes up unchanged.
     */
    byte[] root() {
        if (empty) {
            return Keccak.hash(new byte[0]);
        }
        byte[] carried = null;
        for (byte[] left : pending) {
            if (carried == null) {
                carried = left;
            } else if (left != null) {
                carried = pair(left, carried);
            }
        }
        return carried;
    }

    private static byte[] pair(byte[] left, byte[] right) {
        byte[] both = new byte[2 * HASH_BYTES];
        System.arraycopy(left, 0, both, 0, HASH_BYTES);
        System.arraycopy(right, 0, both, HASH_BYTES, HASH_BYTES);
        return Keccak.hash(both);
    }
}
