package org.targetedmoney.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.policy.chain.BlockExecutor;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.state.StateView;

/** Paged scans of a RocksDB snapshot seek past the cursor and stop when asked, exactly as in memory. */
class RocksChainViewScanTest {
    @TempDir
    Path dir;

    private static List<Entity> entities() {
        List<Entity> out = new ArrayList<>();
        for (String territory : List.of("FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172", "FR-OCC-345", "FR-IDF")) {
            out.add(new Entity.TerritoryEntry(territory));
            for (int i = 1; i <= 3; i++) {
                out.add(new Entity.DirectoryEntry(territory, Address.fromHex(String.format("0x%040x", i)), i, true));
            }
        }
        return out;
    }

    private static List<Entity> scan(StateView view, byte[] prefix, byte[] after, int stopAfter) {
        List<Entity> seen = new ArrayList<>();
        view.scanAfter(prefix, after, e -> {
            seen.add(e);
            return seen.size() < stopAfter;
        });
        return seen;
    }

    @Test
    void scanAfter_matchesTheInMemoryState_forEveryCursorAndStop() {
        MemoryState memory = new MemoryState();
        memory.putAll(entities());
        try (RocksChainStore store = RocksChainStore.open(dir)) {
            store.storeGenesis(BlockExecutor.genesisHeader(0, 0, entities()), entities(), new byte[32]);
            try (ChainView view = store.openView()) {
                List<byte[]> prefixes = List.of(Keys.directoryPrefix(), Keys.directoryTerritoryPrefix("FR-OCC-34"),
                        Keys.directoryBelowPrefix("FR-OCC-34"), Keys.directoryTerritoryPrefix("FR-BRE"));
                for (byte[] prefix : prefixes) {
                    List<Entity> all = scan(memory, prefix, null, Integer.MAX_VALUE);
                    assertThat(scan(view, prefix, null, Integer.MAX_VALUE)).isEqualTo(all);
                    for (Entity e : all) {
                        byte[] after = e.key().toBytes();
                        assertThat(scan(view, prefix, after, 2)).isEqualTo(scan(memory, prefix, after, 2));
                    }
                    byte[] beforeAll = {0};
                    assertThat(scan(view, prefix, beforeAll, 100)).isEqualTo(all);
                    assertThat(scan(memory, prefix, beforeAll, 100)).isEqualTo(all);
                }
                assertThat(scan(view, Keys.directoryBelowPrefix("FR-OCC-34"), null, 100)).hasSize(3);
            }
        }
    }
}
