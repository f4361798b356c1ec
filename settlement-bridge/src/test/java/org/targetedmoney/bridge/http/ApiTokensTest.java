package org.targetedmoney.bridge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {
    static final String TOKEN = "q3Zb0s8m5rX1bq2E4oFJ2bV4c0m3b8m1y9C6Q5Kp7dE";
    static final String HASH = HexFormat.of().formatHex(ApiTokens.sha256(TOKEN));

    @Test
    void parse_linesWithCommentsAndBlanks_giveEntriesInFileOrder() {
        ApiTokens tokens = ApiTokens.parse("# bridge tokens\n\noperator alice " + HASH + "\n"
                + ApiTokens.line(Role.READER, "grafana", "other-token") + "\n");

        assertThat(tokens.entries()).extracting(ApiTokens.Entry::role, ApiTokens.Entry::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.OPERATOR, "alice"),
                        org.assertj.core.groups.Tuple.tuple(Role.READER, "grafana"));
    }

    @Test
    void parse_badLines_refusedNamingTheLineAndTheMistake() {
        assertThatThrownBy(() -> ApiTokens.parse("operator alice")).hasMessage(
                "line 1: expected 'role name sha256hex', got 2 fields");
        assertThatThrownBy(() -> ApiTokens.parse("\nadmin alice " + HASH)).hasMessageStartingWith(
                "line 2: unknown role 'admin': expected one of [operator, collector, fund, bank, reader]");
        assertThatThrownBy(() -> ApiTokens.parse("reader al/ice " + HASH)).hasMessageContaining("name 'al/ice'");
        assertThatThrownBy(() -> ApiTokens.parse("reader alice " + TOKEN)).hasMessageContaining(
                "must be 64 lower-case hex digits (SHA-256), not the token itself");
        assertThatThrownBy(() -> ApiTokens.parse("reader alice " + HASH.toUpperCase())).hasMessageContaining(
                "64 lower-case hex digits");
        assertThatThrownBy(() -> ApiTokens.parse("reader a " + HASH + "\noperator b " + HASH)).hasMessage(
                "line 2: the same token is listed twice");
    }

    @Test
    void parse_moreThanTheLimit_refused() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= ApiTokens.MAX_TOKENS; i++) {
            text.append(ApiTokens.line(Role.READER, "r" + i, "token-" + i)).append('\n');
        }

        assertThatThrownBy(() -> ApiTokens.parse(text.toString())).hasMessageContaining("more than 1000 tokens");
    }

    @Test
    void authenticate_knownUnknownEmptyOrOverlongToken_onlyTheKnownOneGivesItsHolder() {
        ApiTokens tokens = ApiTokens.parse("bank the-bank " + HASH);

        assertThat(tokens.authenticate(TOKEN)).contains(new ApiTokens.Caller("the-bank", Role.BANK));
        assertThat(tokens.authenticate(TOKEN + "x")).isEmpty();
        assertThat(tokens.authenticate(HASH)).isEmpty(); // the stored hash is not a token
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate("a".repeat(10_000))).isEmpty();
    }

    @Test
    void authenticate_firstEntryMatches_everyEntryIsStillComparedInConstantTime() {
        ApiTokens tokens = ApiTokens.parse("operator alice " + HASH + "\n"
                + ApiTokens.line(Role.READER, "bob", "t2") + "\n" + ApiTokens.line(Role.FUND, "carol", "t3"));
        AtomicInteger compared = new AtomicInteger();

        var caller = tokens.authenticate(TOKEN, (a, b) -> {
            compared.incrementAndGet();
            return ApiTokens.CONSTANT_TIME.test(a, b);
        });

        assertThat(caller).map(ApiTokens.Caller::name).contains("alice");
        assertThat(compared).hasValue(3);
        assertThat(ApiTokens.CONSTANT_TIME.test(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
    }

    @Test
    void newToken_32RandomBytesInBase64Url_distinctEachTime() {
        SecureRandom random = new SecureRandom();

        String a = ApiTokens.newToken(random);
        String b = ApiTokens.newToken(random);

        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
    }

    @Test
    void read_fileOthersMayRead_refusedWithTheFix(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("tokens");
        Files.writeString(file, "operator alice " + HASH + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ApiTokens.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("may be read or written by its group or others")
                .hasMessageContaining("chmod 600 " + file);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        assertThatThrownBy(() -> ApiTokens.read(file)).hasMessageContaining("GROUP_READ");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ApiTokens.read(file).entries()).hasSize(1);
    }

    @Test
    void read_missingOrMalformedFile_refusedNamingTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("none");
        assertThatThrownBy(() -> ApiTokens.read(missing)).hasMessageContaining(missing + " does not exist");

        Path bad = dir.resolve("bad");
        Files.writeString(bad, "operator alice\n");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(bad, PosixFilePermissions.fromString("rw-------"));
        }
        assertThatThrownBy(() -> ApiTokens.read(bad)).hasMessage("tokens file " + bad
                + ", line 1: expected 'role name sha256hex', got 2 fields");
    }
}
