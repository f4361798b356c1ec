package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Entity.EnrolmentCount;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.MemoryState;

/** A transaction's pending writes over its base: reads and scans see them first. */
class OverlayTest {
    @Test
    void scan_seesTheTransactionsOwnWritesOverTheBase_inKeyOrder() {
        MemoryState base = new MemoryState();
        base.putAll(List.of(new EnrolmentCount("FR-IDF", 1, 5), new EnrolmentCount("FR-OCC", 2, 7)));
        Overlay tx = new Overlay(base);
        tx.put(new EnrolmentCount("FR-OCC", 2, 8));
        tx.put(new EnrolmentCount("FR-BRE", 1, 1));

        List<Entity> seen = new ArrayList<>();
        tx.scan(Keys.enrolmentCountsPrefix(), seen::add);

        assertThat(seen).containsExactly(new EnrolmentCount("FR-BRE", 1, 1), new EnrolmentCount("FR-IDF", 1, 5),
                new EnrolmentCount("FR-OCC", 2, 8));
    }
}
