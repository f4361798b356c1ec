package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsoFilesTest {
    @TempDir
    Path directory;

    private long filesIn(Path path) throws IOException {
        try (Stream<Path> files = Files.list(path)) {
            return files.count();
        }
    }

    @Test
    void writeAtomically_newFile_hasTheBytesAndNoTemporaryFileRemains() throws IOException {
        Path target = directory.resolve("BRIDGE-B7-2025-03.xml");

        IsoFiles.writeAtomically(target, IsoFixtures.utf8("<Document/>"));

        assertThat(target).hasContent("<Document/>");
        assertThat(filesIn(directory)).isEqualTo(1);
    }

    @Test
    void writeAtomically_existingFile_isReplacedWhole() throws IOException {
        Path target = directory.resolve("file.xml");
        Files.writeString(target, "an older and much longer content than the new one");

        IsoFiles.writeAtomically(target, IsoFixtures.utf8("new"));

        assertThat(target).hasContent("new");
        assertThat(filesIn(directory)).isEqualTo(1);
    }

    @Test
    void writeAtomically_missingDirectory_throwsAndWritesNothing() {
        Path target = directory.resolve("absent").resolve("file.xml");

        assertThatThrownBy(() -> IsoFiles.writeAtomically(target, IsoFixtures.utf8("x")))
                .isInstanceOf(IOException.class);
        assertThat(target).doesNotExist();
    }
}
