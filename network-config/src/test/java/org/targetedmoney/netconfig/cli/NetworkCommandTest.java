package org.targetedmoney.netconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.netconfig.network.NetworkDescription;
import org.targetedmoney.netconfig.network.NodeSettings;

/** {@code network} and {@code validate-network}, run in-process as bin/ledger config runs them. */
class NetworkCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NetworkConfigCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void network_fromDemo_writesANetworkThatValidates() throws Exception {
        Path dir = tmp.resolve("net");
        assertThat(run("network", "--validators", "4", "--out", dir.toString(), "--from-demo", "--base-port", "20000"))
                .isZero();
        NetworkDescription network = NetworkDescription.read(dir.resolve("network.json"));
        assertThat(network.nodes()).extracting(NetworkDescription.Node::rpcPort).containsExactly(20000, 20001, 20002,
                20003);
        assertThat(out.toString()).contains("wrote " + dir.resolve("ca/ca.key") + ": the CA's private key (0600):"
                + " needed only to add nodes later").contains("network of 4 validators, chain 1337");
        assertThat(run("validate-network", dir.toString())).isZero();
        assertThat(out.toString()).contains("network OK: " + dir);
    }

    @Test
    void network_neverPrintsASecret() throws Exception {
        Path dir = tmp.resolve("net");
        assertThat(run("network", "--validators", "3", "--out", dir.toString(), "--from-demo")).isZero();
        String printed = out.toString() + err;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".key")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.startsWith("-----")) {
                        assertThat(printed).doesNotContain(line.replace("0x", ""));
                    }
                }
            }
        }
        for (DemoKeys.Account account : DemoKeys.read(dir.resolve("demo-keys.json")).accounts()) {
            assertThat(printed).doesNotContain(account.privateKey().substring(2));
        }
    }

    @Test
    void network_genesisTemplateAndAllowlistOptions_areApplied() throws Exception {
        Path demo = tmp.resolve("demo");
        assertThat(run("demo", "--out", demo.toString(), "--seed", "t", "--timestamp", "2026-11-01T00:00:00Z")).isZero();
        Path dir = tmp.resolve("net");
        assertThat(run("network", "--validators", "3", "--out", dir.toString(), "--genesis-template",
                demo.resolve("genesis.json").toString(), "--allow-host", "10.0.0.0/8", "--allow-any-account",
                "--host", "10.0.0.7", "--valid-days", "30")).isZero();
        NodeSettings settings = NodeSettings.read(dir.resolve("node-1/node.json"));
        assertThat(settings.host()).isEqualTo("10.0.0.7");
        assertThat(settings.allowlist().anyAccount()).isTrue();
        assertThat(settings.allowlist().hosts()).extracting(Object::toString).containsExactly("10.0.0.0/8");
        assertThat(dir.resolve("demo-keys.json")).doesNotExist();
        assertThat(Files.readString(dir.resolve("genesis.json"))).isNotEqualTo(Files.readString(demo.resolve("genesis.json")));
    }

    @Test
    void network_nonEmptyDirectory_isRefusedWithExit1() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("net"));
        Files.writeString(dir.resolve("keep.txt"), "x");
        assertThat(run("network", "--validators", "3", "--out", dir.toString(), "--from-demo")).isEqualTo(1);
        assertThat(err.toString()).contains(dir + " is not empty; choose a new directory");
    }

    @Test
    void network_validatorsOutOfRange_isAUsageError() {
        assertThat(run("network", "--validators", "2", "--out", tmp.resolve("a").toString(), "--from-demo"))
                .isEqualTo(2);
        assertThat(run("network", "--validators", "8", "--out", tmp.resolve("b").toString(), "--from-demo"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("network: Invalid value for option '--validators': 2 is out of range"
                + " (expected 3 to 7) (see --help)").contains("'--validators': 8 is out of range");
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void network_withoutOrWithBothGenesisSources_isAUsageError() {
        assertThat(run("network", "--validators", "3", "--out", tmp.resolve("a").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument");
        assertThat(run("network", "--validators", "3", "--out", tmp.resolve("a").toString(), "--from-demo",
                "--genesis-template", "g.json")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void network_badCidr_isAUsageErrorNamingTheProblem() {
        assertThat(run("network", "--validators", "3", "--out", tmp.resolve("a").toString(), "--from-demo",
                "--allow-host", "10.0.0.1/8")).isEqualTo(2);
        assertThat(err.toString()).contains("'10.0.0.1/8' is not a CIDR block: host bits are set");
    }

    @Test
    void validateNetwork_brokenNetwork_printsEveryProblemAndExits1() throws IOException {
        Path dir = tmp.resolve("net");
        assertThat(run("network", "--validators", "3", "--out", dir.toString(), "--from-demo")).isZero();
        Files.delete(dir.resolve("node-3/node.key"));
        Files.writeString(dir.resolve("genesis.json"), "{}");
        assertThat(run("validate-network", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("genesis.json: genesis.format: missing field")
                .contains("node-3/node.key: cannot be read as a PEM private key")
                .contains(dir + ": network refused, ");
    }
}
