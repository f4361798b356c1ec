package org.targetedmoney.policy.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.targetedmoney.policy.abi.Keccak;

/**
 * Merkle roots over entity writes: leaves are keccak(key || value) in key order; a level pairs
 * neighbours with keccak(left || right) and carries an odd last node up unchanged. The empty root is
 * keccak of nothing. The node puts the root of a block's writes in its header; the auditor recomputes it.
 */
public final class StateRoots {
    private StateRoots() {}

    /** The root of a set of writes (the last write of a key wins, as when they are applied in order). */
    public static byte[] root(Collection<? extends Entity> writes) {
        TreeMap<EntityKey, byte[]> sorted = new TreeMap<>();
        for (Entity e : writes) {
            sorted.put(e.key(), EntityCodec.encode(e));
        }
        List<byte[]> level = new ArrayList<>(sorted.size());
        for (var entry : sorted.entrySet()) {
            byte[] k = entry.getKey().toBytes();
            byte[] v = entry.getValue();
            byte[] leaf = new byte[k.length + v.length];
            System.arraycopy(k, 0, leaf, 0, k.length);
            System.arraycopy(v, 0, leaf, k.length, v.length);
            level.add(Keccak.hash(leaf));
        }
        return merkle(level);
    }

    /** The binary Merkle root of 32-byte leaves, as described above. */
    public static byte[] merkle(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Keccak.hash(new byte[0]);
        }
        List<byte[]> level = leaves;
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                byte[] pair = new byte[64];
                System.arraycopy(level.get(i), 0, pair, 0, 32);
                System.arraycopy(level.get(i + 1), 0, pair, 32, 32);
                next.add(Keccak.hash(pair));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }
}
