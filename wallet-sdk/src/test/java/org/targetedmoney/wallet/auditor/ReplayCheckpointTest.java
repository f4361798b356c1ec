package org.targetedmoney.wallet.auditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;

class ReplayCheckpointTest {
    private static final long GENESIS_TIME = 1_793_491_200L;
    private static final Address AUTHORITY = Address.fromHex("0x00000000000000000000000000000000000000a1");

    @TempDir
    Path dir;

    private static Genesis genesis() {
        return new Genesis(31_337, GENESIS_TIME, EpochScheme.monthly(GENESIS_TIME),
                List.of(new Genesis.PurposeSpec("FOOD", "Food")), List.of("FR", "FR-OCC"),
                List.of(new Genesis.AccountSpec(AUTHORITY, List.of(Role.AUTHORITY), null, "authority")),
                List.of(new Genesis.AllowanceSpec("FOOD", List.of(15_000L), 3, 682)), List.of(AUTHORITY));
    }

    @Test
    void writeThenRead_givesTheSameBlockStateAndHashes() throws Exception {
        ReplayCheckpoint written = ChainReplayer.fromGenesis(genesis()).checkpoint();
        Path file = dir.resolve("cp");

        written.write(file);
        ReplayCheckpoint read = ReplayCheckpoint.read(file);

        assertThat(read.blockNumber()).isZero();
        assertThat(read.blockHash()).isEqualTo(written.blockHash());
        assertThat(read.stateHash()).isEqualTo(written.stateHash());
        assertThat(read.entities()).isEqualTo(written.entities());
        assertThat(ChainReplayer.fromCheckpoint(genesis(), read).headHash()).isEqualTo(written.blockHash());
    }

    @Test
    void read_entityEdited_isRefusedNamingTheStateHash() throws Exception {
        Path file = dir.resolve("cp");
        ChainReplayer.fromGenesis(genesis()).checkpoint().write(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.remove(lines.size() - 1);
        lines.set(5, "entities " + (lines.size() - 6));
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ReplayCheckpoint.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stateHash").hasMessageContaining("corrupt or edited");
    }

    @Test
    void read_notACheckpoint_isRefusedAtLineOne() throws Exception {
        Path file = dir.resolve("cp");
        Files.writeString(file, "{\"hello\": 1}\n");

        assertThatThrownBy(() -> ReplayCheckpoint.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }
}
