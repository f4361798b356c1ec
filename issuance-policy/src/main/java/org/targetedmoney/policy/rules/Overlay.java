package org.targetedmoney.policy.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityKey;
import org.targetedmoney.policy.state.StateView;

/**
 * A transaction's pending writes over a base state: reads see the pending version first. Writes keep
 * their first-insertion order, so the effects of a call are listed deterministically.
 */
final class Overlay implements StateView {
    private final StateView base;
    private final Map<EntityKey, Entity> pending = new LinkedHashMap<>();
    private final List<LedgerEvent> events = new ArrayList<>();

    Overlay(StateView base) {
        this.base = base;
    }

    @Override
    public Entity get(EntityKey key) {
        Entity e = pending.get(key);
        return e != null ? e : base.get(key);
    }

    /**
     * Scans see the transaction's own writes over the base, in key order, as reads do: a transaction that
     * enrols and then opens an epoch (two actions of one settled agenda) counts the new member.
     */
    @Override
    public void scan(byte[] prefix, Consumer<Entity> visitor) {
        TreeMap<EntityKey, Entity> mine = new TreeMap<>();
        pending.forEach((key, e) -> {
            if (startsWith(key.toBytes(), prefix)) {
                mine.put(key, e);
            }
        });
        if (mine.isEmpty()) {
            base.scan(prefix, visitor);
            return;
        }
        TreeMap<EntityKey, Entity> merged = new TreeMap<>();
        base.scan(prefix, e -> merged.put(e.key(), e));
        merged.putAll(mine);
        merged.values().forEach(visitor);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    void put(Entity e) {
        pending.put(e.key(), e);
    }

    void emit(LedgerEvent e) {
        events.add(e);
    }

    Outcome.Applied applied() {
        return new Outcome.Applied(new ArrayList<>(pending.values()), events);
    }
}
