package org.targetedmoney.policy.state;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The whole state in memory, ordered by key so that every iteration is deterministic. Owned by one
 * thread (the one applying blocks); other threads read storage snapshots instead.
 */
public final class MemoryState implements StateView {
    private final TreeMap<EntityKey, Entity> entities = new TreeMap<>();

    @Override
    public Entity get(EntityKey key) {
        return entities.get(key);
    }

    @Override
    public void scan(byte[] prefix, Consumer<Entity> visitor) {
        for (Map.Entry<EntityKey, Entity> e : entities.tailMap(new EntityKey(prefix), true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                return;
            }
            visitor.accept(e.getValue());
        }
    }

    @Override
    public void scanAfter(byte[] prefix, byte[] after, Predicate<Entity> visitor) {
        boolean fromPrefix = after == null || java.util.Arrays.compareUnsigned(after, prefix) < 0;
        EntityKey from = new EntityKey(fromPrefix ? prefix : after);
        for (Map.Entry<EntityKey, Entity> e : entities.tailMap(from, fromPrefix).entrySet()) {
            if (!e.getKey().startsWith(prefix) || !visitor.test(e.getValue())) {
                return;
            }
        }
    }

    public void put(Entity e) {
        entities.put(e.key(), e);
    }

    public void putAll(Collection<? extends Entity> es) {
        for (Entity e : es) {
            put(e);
        }
    }

    public int size() {
        return entities.size();
    }

    /** Every entity in key order (for snapshots and state hashes). */
    public Collection<Entity> all() {
        return entities.values();
    }
}
