package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        assertThat(err.toString()).contains("WHAT must be status, batches, funding, receipts, orders, rejected or fund");
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
}
