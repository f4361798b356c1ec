package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.bridge.http.ApiTokens;
import org.targetedmoney.bridge.http.Role;
import org.targetedmoney.bridge.ledger.FakeNode;
import picocli.CommandLine;

class BridgeCliTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = BridgeCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void show_unknownWhat_usageErrorNamesTheChoices() {
        assertThat(run("show", "money")).isEqualTo(2);
        assertThat(err.toString()).contains("WHAT must be status, batches, funding, receipts, orders, rejected, fund,"
                + " payees or escalations");
    }

    @Test
    void show_fundWithoutAMonth_usageError() {
        assertThat(run("show", "fund", "--period", "November")).isEqualTo(2);
        assertThat(err.toString()).contains("fund needs --period YYYY-MM");
    }

    @Test
    void show_noBridgeListening_saysSo() {
        assertThat(run("show", "status", "--url", "http://127.0.0.1:1")).isEqualTo(1);
        assertThat(err.toString()).contains("no bridge answers at http://127.0.0.1:1");
    }

    @Test
    void run_configWithMistakes_listsThemAndExits2(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bridge.json");
        Files.writeString(config, "{\"dataDir\": \"d\", \"ledger\": {\"rpcUrl\": \"ftp://x\", \"keyFile\": \"k\"}}");

        assertThat(run("run", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("config.ledger.rpcUrl: \"ftp://x\" is not an http(s) URL with a host")
                .contains("config.debtor: missing field").contains("config.funding: missing field");
    }

    @Test
    void run_missingOption_usageError() {
        assertThat(run("run")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--config=FILE'");
    }

    @Test
    void token_twice_appendsTwoHashesToAnOwnerOnlyFileAndPrintsEachTokenOnce(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("tokens");

        assertThat(run("token", "--role", "operator", "--name", "alice", "--tokens", tokens.toString())).isEqualTo(0);
        String first = out.toString().strip();
        out.getBuffer().setLength(0);
        assertThat(run("token", "--role", "reader", "--name", "grafana", "--tokens", tokens.toString())).isEqualTo(0);
        String second = out.toString().strip();

        assertThat(first).hasSize(43).isNotEqualTo(second);
        assertThat(Files.readString(tokens)).doesNotContain(first).doesNotContain(second);
        ApiTokens read = ApiTokens.read(tokens);
        assertThat(read.authenticate(first)).contains(new ApiTokens.Caller("alice", Role.OPERATOR));
        assertThat(read.authenticate(second)).contains(new ApiTokens.Caller("grafana", Role.READER));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
        }
        assertThat(err.toString()).contains("it is shown only now");
    }

    @Test
    void token_unknownRoleOrFileOthersMayRead_refusedAndNothingWritten(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("tokens");
        assertThat(run("token", "--role", "admin", "--name", "alice", "--tokens", tokens.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown role 'admin'");
        assertThat(tokens).doesNotExist();

        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Files.writeString(tokens, "");
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run("token", "--role", "reader", "--name", "bob", "--tokens", tokens.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("chmod 600");
        assertThat(Files.readString(tokens)).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void show_unreadableTokenFile_usageError(@TempDir Path dir) {
        assertThat(run("show", "status", "--token-file", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--token-file " + dir.resolve("none") + " cannot be read");
    }

    @Test
    void reissueAndAbandon_noBridgeListening_saySo() {
        assertThat(run("reissue", "B2026-11-11-abc", "0", "--url", "http://127.0.0.1:1")).isEqualTo(1);
        assertThat(run("abandon", "B2026-11-11-abc", "0", "--reason", "gone", "--url", "http://127.0.0.1:1"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no bridge answers at http://127.0.0.1:1");
    }

    @Test
    void operatorCommands_withTokenFile_reachTheBridgeWhichAnswers(@TempDir Path dir) throws Exception {
        Path tokens = dir.resolve("tokens");
        assertThat(run("token", "--role", "operator", "--name", "ops", "--tokens", tokens.toString())).isEqualTo(0);
        Path tokenFile = dir.resolve("ops.token");
        Files.writeString(tokenFile, out.toString());
        Files.writeString(dir.resolve("bridge.key"), "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        try (FakeNode node = new FakeNode(5)) {
            BridgeServer bridge = BridgeServer.start(BridgeConfigReader.parse("""
                    {"dataDir": "data", "ledger": {"rpcUrl": "%s", "keyFile": "bridge.key", "pollMillis": 50},
                     "http": {"port": 0, "tokensFile": "tokens"},
                     "debtor": {"name": "Caisse commune", "iban": "FR7630006000011234567890189"},
                     "funding": {"accounts": [{"id": "creation", "kind": "monetary-creation"}],
                                 "creationCeilingCentsPerMonth": 0}}
                    """.formatted(node.url()), dir), new PrintWriter(new StringWriter()));
            try {
                String url = "http://127.0.0.1:" + bridge.httpPort();
                out.getBuffer().setLength(0);

                assertThat(run("show", "escalations", "--url", url)).as("without the token").isEqualTo(1);
                assertThat(out.toString()).contains("MISSING_TOKEN");
                assertThat(run("payee", "0x00000000000000000000000000000000000000aa", "--name", "Epicerie",
                        "--iban", "DE89370400440532013000", "--url", url, "--token-file", tokenFile.toString()))
                        .isEqualTo(0);
                assertThat(run("show", "payees", "--url", url, "--token-file", tokenFile.toString())).isEqualTo(0);
                assertThat(out.toString()).contains("\"iban\" : \"DE89370400440532013000\"");
                assertThat(run("reissue", "B2026-11-11-abc", "0", "--url", url, "--token-file", tokenFile.toString()))
                        .isEqualTo(1);
                assertThat(out.toString()).contains("UNKNOWN_BATCH");
            } finally {
                bridge.close();
            }
        }
    }
}
