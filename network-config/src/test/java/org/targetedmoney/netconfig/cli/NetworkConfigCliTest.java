package org.targetedmoney.netconfig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.netconfig.genesis.GenesisReader;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.policy.genesis.Genesis;

class NetworkConfigCliTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NetworkConfigCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private int demo(Path dir, String... extra) {
        String[] base = {"demo", "--out", dir.toString(), "--seed", "test", "--timestamp", "2026-11-01T00:00:00Z"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return run(args);
    }

    @Test
    void demo_writesOwnerOnlyFilesInOwnerOnlyDirectory() throws IOException {
        Path dir = tmp.resolve("net/demo");
        assertThat(demo(dir)).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        for (String file : new String[] {"genesis.json", "demo-keys.json"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .isEqualTo("rw-------");
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("genesis.json", "demo-keys.json");
        }
    }

    @Test
    void demo_withSeedAndTimestamp_isDeterministic() throws IOException {
        assertThat(demo(tmp.resolve("a"))).isZero();
        assertThat(demo(tmp.resolve("b"))).isZero();
        for (String file : new String[] {"genesis.json", "demo-keys.json"}) {
            assertThat(Files.readString(tmp.resolve("a").resolve(file)))
                    .isEqualTo(Files.readString(tmp.resolve("b").resolve(file)));
        }
        assertThat(Files.readString(tmp.resolve("a/genesis.json"))).contains("\"timestamp\": \"2026-11-01T00:00:00Z\"");
    }

    @Test
    void demo_neverPrintsPrivateKeys() throws IOException, ConfigException {
        assertThat(demo(tmp.resolve("d"), "--chain-id", "4242", "--epoch-seconds", "60")).isZero();
        DemoKeys keys = DemoKeys.read(tmp.resolve("d/demo-keys.json"));
        assertThat(keys.chainId()).isEqualTo(4242);
        for (DemoKeys.Account account : keys.accounts()) {
            assertThat(out.toString() + err).contains(account.address().toHex())
                    .doesNotContain(account.privateKey().substring(2));
        }
    }

    @Test
    void demo_existingFiles_refusedWithoutForce() {
        assertThat(demo(tmp.resolve("d"))).isZero();
        assertThat(demo(tmp.resolve("d"))).isEqualTo(1);
        assertThat(err.toString()).contains("already exists; use --force");
        assertThat(demo(tmp.resolve("d"), "--force")).isZero();
    }

    @Test
    void validate_demoGenesis_printsSummaryAndExits0() {
        demo(tmp.resolve("d"));
        assertThat(run("validate", tmp.resolve("d/genesis.json").toString())).isZero();
        assertThat(out.toString()).contains("genesis OK: chain 1337, 8 purposes, 7 territories, 6 accounts,"
                + " 1 validator, 2 allowance policies, 2 bodies, 4 tariffs, monthly epochs from 2026-11 (epoch 682)");
    }

    @Test
    void validate_brokenGenesis_printsEveryProblemAndExits1() throws IOException {
        demo(tmp.resolve("d"));
        Path file = tmp.resolve("d/genesis.json");
        Files.writeString(file, Files.readString(file).replace("\"AUTHORITY\"", "\"AUTORITY\"")
                .replace("\"chainId\": 1337", "\"chainId\": 0"));
        assertThat(run("validate", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("genesis.chainId: 0 is out of range")
                .contains("genesis.accounts[0].roles[0]: unknown role \"AUTORITY\"")
                .contains("genesis refused, 3 problems");
    }

    @Test
    void demo_programme_writesTheGenesisOfThatProgramme() throws Exception {
        assertThat(demo(tmp.resolve("ssa"), "--programme", "ssa")).isZero();
        assertThat(out.toString()).startsWith("programme ssa — sécurité sociale de l'alimentation")
                .contains("montpellier-5");
        Genesis genesis = GenesisReader.read(tmp.resolve("ssa/genesis.json"));
        assertThat(genesis.purposes()).extracting(Genesis.PurposeSpec::symbol).containsExactly("FOOD");
        assertThat(DemoKeys.read(tmp.resolve("ssa/demo-keys.json")).byLabel("alice").address())
                .isEqualTo(DemoKeys.read(demoDir("all")).byLabel("alice").address());
        assertThat(run("validate", tmp.resolve("ssa/genesis.json").toString())).isZero();
    }

    private Path demoDir(String programme) {
        Path dir = tmp.resolve(programme);
        assertThat(demo(dir, "--programme", programme)).isZero();
        return dir.resolve("demo-keys.json");
    }

    @Test
    void demo_programmeAll_isTheDefault() throws IOException {
        assertThat(demo(tmp.resolve("default"))).isZero();
        assertThat(out.toString()).doesNotContain("programme");
        assertThat(demo(tmp.resolve("all"), "--programme", "all")).isZero();
        for (String file : new String[] {"genesis.json", "demo-keys.json"}) {
            assertThat(Files.readString(tmp.resolve("all").resolve(file)))
                    .isEqualTo(Files.readString(tmp.resolve("default").resolve(file)));
        }
    }

    @Test
    void demo_unknownProgramme_exit2ListingTheValidNames() {
        assertThat(demo(tmp.resolve("d"), "--programme", "pension")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").isEqualTo("network-config demo: Invalid value for"
                + " option '--programme': unknown programme 'pension' (expected one of all, ssa, health, universal,"
                + " mutualist) (see --help)");
        assertThat(Files.exists(tmp.resolve("d"))).isFalse();
    }

    @Test
    void demo_help_listsTheProgrammes() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("One of all, ssa, health, universal, mutualist").contains("(default: all)");
    }

    @Test
    void invalidArguments_exit2WithOneLineNamingTheOption() {
        String[][] cases = {
            {"demo", "--out", tmp.toString(), "--chain-id", "abc"},
            {"demo", "--out", tmp.toString(), "--chain-id", "0"},
            {"demo", "--out", tmp.toString(), "--epoch-seconds", "0"},
            {"demo", "--out", tmp.toString(), "--timestamp", "2026-11-01"},
            {"demo"},
            {"demo", "--out", tmp.toString(), "--sead", "x"},
            {"validate"},
            {"deploy"},
        };
        String[] named = {"'--chain-id'", "'--chain-id'", "'--epoch-seconds'", "'--timestamp'", "'--out=DIR'",
            "'--sead'", "FILE", "'deploy'"};
        for (int i = 0; i < cases.length; i++) {
            StringWriter caseErr = new StringWriter();
            int code = NetworkConfigCli.run(new PrintWriter(new StringWriter()), new PrintWriter(caseErr), cases[i]);
            assertThat(code).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(caseErr.toString().strip()).as(String.join(" ", cases[i])).doesNotContain("\n").contains(named[i]);
        }
    }

    @Test
    void help_explainsEachOption() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--out=DIR", "--chain-id=ID", "--seed=TEXT", "--epoch-seconds=N",
                "--timestamp=TIME", "--force", "default: 1337");
    }
}
