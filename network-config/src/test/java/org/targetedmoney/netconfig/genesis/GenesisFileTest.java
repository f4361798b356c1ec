package org.targetedmoney.netconfig.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.json.Problem;

class GenesisFileTest {
    @TempDir
    Path dir;

    @Test
    void read_demoFile_givesDemoGenesis() throws IOException, GenesisException {
        Path file = dir.resolve("genesis.json");
        GenesisWriter.write(GenesisFixtures.demoGenesis(), file);
        assertThat(GenesisReader.read(file)).isEqualTo(GenesisFixtures.demoGenesis());
    }

    @Test
    void read_fileLargerThan16MiB_isRefusedBeforeParsing() throws IOException {
        Path file = dir.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 16; i++) {
                out.write(spaces);
            }
            out.write('{');
        }
        GenesisException e = catchThrowableOfType(GenesisException.class, () -> GenesisReader.read(file));
        assertThat(e.problems()).extracting(Problem::message)
                .containsExactly("file " + file + " is larger than the limit of 16777216 bytes");
    }

    @Test
    void read_missingFile_saysSo() {
        Path file = dir.resolve("absent.json");
        GenesisException e = catchThrowableOfType(GenesisException.class, () -> GenesisReader.read(file));
        assertThat(e.problems()).extracting(Problem::toString).containsExactly("genesis: cannot read " + file + ": no such file");
    }

    @Test
    void read_invalidUtf8_isRefused() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"format\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        GenesisException e = catchThrowableOfType(GenesisException.class, () -> GenesisReader.read(file));
        assertThat(e.problems()).extracting(Problem::message).containsExactly("file " + file + " is not valid UTF-8 text");
    }

    @Test
    void exceptionMessage_listsEveryProblem() {
        GenesisException e = catchThrowableOfType(GenesisException.class, () -> GenesisReader.parse("{\"chainId\": 0}"));
        assertThat(e.getMessage()).startsWith("genesis refused, 9 problems:")
                .contains("genesis.chainId: 0 is out of range").contains("genesis.format: missing field");
    }
}
