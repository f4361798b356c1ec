package org.targetedmoney.policy.rules;

import java.util.ArrayList;
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

    /** Scans see the base only: rules never scan what they are writing. */
    @Override
    public void scan(byte[] prefix, Consumer<Entity> visitor) {
        base.scan(prefix, visitor);
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
