package org.targetedmoney.netconfig.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.netconfig.genesis.GenesisReader;
import org.targetedmoney.netconfig.json.Problem;
import org.targetedmoney.netconfig.network.NetworkGenerator.GenesisSource;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.Role;
import org.web3j.crypto.Keys;

class NetworkGeneratorTest {
    @TempDir
    Path tmp;

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void write_fourValidators_writesTheDocumentedLayout() throws IOException {
        Path dir = tmp.resolve("net");
        TestNetworks.write(4, dir);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted())
                    .containsExactlyElementsOf(Stream.concat(Stream.of("ca/ca.crt", "ca/ca.key", "demo-keys.json",
                                    "genesis.json", "network.json"),
                            Stream.of(1, 2, 3, 4).flatMap(i -> Stream.of("ca.crt", "node.crt", "node.json",
                                    "node.key", "validator.key").map(f -> "node-" + i + "/" + f))).sorted().toList());
        }
    }

    @Test
    void write_keysAndTheirDirectories_areOwnerOnly() throws IOException {
        Path dir = tmp.resolve("net");
        TestNetworks.write(3, dir);
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("ca"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("ca/ca.key"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("demo-keys.json"))).isEqualTo("rw-------");
        for (int i = 1; i <= 3; i++) {
            Path node = dir.resolve("node-" + i);
            assertThat(mode(node)).isEqualTo("rwx------");
            assertThat(mode(node.resolve("validator.key"))).isEqualTo("rw-------");
            assertThat(mode(node.resolve("node.key"))).isEqualTo("rw-------");
        }
    }

    @Test
    void write_genesis_hasTheNodesAsValidatorAccounts() throws Exception {
        Path dir = tmp.resolve("net");
        NetworkGenerator.Network network = TestNetworks.write(5, dir);
        Genesis genesis = GenesisReader.read(dir.resolve("genesis.json"));
        List<Address> nodes = network.description().nodes().stream().map(NetworkDescription.Node::address).toList();
        assertThat(genesis.validators()).containsExactlyElementsOf(nodes);
        assertThat(genesis.accounts().stream().filter(a -> a.roles().contains(Role.VALIDATOR)))
                .extracting(Genesis.AccountSpec::label, Genesis.AccountSpec::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("validator-1", nodes.get(0)),
                        org.assertj.core.groups.Tuple.tuple("validator-2", nodes.get(1)),
                        org.assertj.core.groups.Tuple.tuple("validator-3", nodes.get(2)),
                        org.assertj.core.groups.Tuple.tuple("validator-4", nodes.get(3)),
                        org.assertj.core.groups.Tuple.tuple("validator-5", nodes.get(4)));
        assertThat(genesis.chainId()).isEqualTo(1337);
        assertThat(genesis.purposes()).hasSize(8); // the demo genesis's content
    }

    @Test
    void write_validatorKey_isOneLineOfTheNodesAddress() throws Exception {
        Path dir = tmp.resolve("net");
        NetworkGenerator.Network network = TestNetworks.write(3, dir);
        for (NetworkDescription.Node node : network.description().nodes()) {
            Path file = dir.resolve(node.id()).resolve("validator.key");
            assertThat(Files.readString(file)).matches("0x[0-9a-f]{64}\n");
            assertThat(Address.fromHex(Keys.getAddress(ValidatorKeyFile.read(file, "key")))).isEqualTo(node.address());
        }
    }

    @Test
    void write_demoKeys_holdTheDemoAccountsButNoValidatorKey() throws Exception {
        Path dir = tmp.resolve("net");
        TestNetworks.write(3, dir);
        DemoKeys keys = DemoKeys.read(dir.resolve("demo-keys.json"));
        assertThat(keys.ofKind(DemoKeys.Kind.VALIDATOR)).isEmpty();
        assertThat(keys.byLabel("authority").address())
                .isEqualTo(GenesisReader.read(dir.resolve("genesis.json")).accounts().get(0).address());
    }

    @Test
    void generate_portsAndPeers_followTheLayout() {
        NetworkGenerator.Network network = TestNetworks.generate(4);
        for (int i = 1; i <= 4; i++) {
            NodeSettings settings = network.nodes().get(i - 1).settings();
            assertThat(settings.nodeId()).isEqualTo("node-" + i);
            assertThat(settings.rpcPort()).isEqualTo(8544 + i);
            assertThat(settings.raftPort()).isEqualTo(8644 + i);
            assertThat(settings.peers()).extracting(NodeSettings.Peer::id).hasSize(3).doesNotContain("node-" + i);
            assertThat(settings.allowlist().hosts()).containsExactly(Cidr.LOOPBACK_V4, Cidr.LOOPBACK_V6);
            assertThat(settings.allowlist().accounts())
                    .containsExactlyElementsOf(network.genesis().accounts().stream().map(a -> a.address()).toList());
        }
    }

    @Test
    void generate_anyAccount_listsNoAccount() {
        NetworkGenerator.Options base = TestNetworks.options(3);
        NetworkGenerator.Network network = NetworkGenerator.generate(new NetworkGenerator.Options(3, base.host(),
                base.basePort(), base.genesis(), base.validDays(), List.of(Cidr.parse("10.0.0.0/8").orElseThrow()),
                List.of(), true), new SecureRandom(), TestNetworks.NOW);
        NodeSettings.Allowlist allowlist = network.nodes().get(0).settings().allowlist();
        assertThat(allowlist.anyAccount()).isTrue();
        assertThat(allowlist.accounts()).isEmpty();
        assertThat(allowlist.hosts()).extracting(Cidr::toString).containsExactly("10.0.0.0/8");
    }

    @Test
    void generate_template_keepsItsContentAndReplacesItsValidators() {
        Genesis template = TestNetworks.generate(3).genesis();
        NetworkGenerator.Options base = TestNetworks.options(4);
        NetworkGenerator.Network network = NetworkGenerator.generate(new NetworkGenerator.Options(4, base.host(),
                base.basePort(), new GenesisSource.Template(template), base.validDays(), List.of(), List.of(), false),
                new SecureRandom(), TestNetworks.NOW);
        assertThat(network.demoKeys()).isNull();
        assertThat(network.genesis().validators()).hasSize(4).doesNotContainAnyElementsOf(template.validators());
        assertThat(network.genesis().accounts()).hasSize(template.accounts().size() + 1);
        assertThat(network.genesis().purposes()).isEqualTo(template.purposes());
        assertThat(network.genesis().bodies()).isEqualTo(template.bodies());
    }

    @Test
    void withValidators_templateAccountUsingAValidatorLabel_isRefusedNamingIt() {
        Genesis template = TestNetworks.generate(3).genesis();
        List<Genesis.AccountSpec> accounts = template.accounts().stream().map(a -> a.roles().contains(Role.AUDITOR)
                ? new Genesis.AccountSpec(a.address(), a.roles(), a.scopeTerritory(), "validator-2") : a).toList();
        Genesis clash = new Genesis(template.chainId(), template.timestampSeconds(), template.epochScheme(),
                template.purposes(), template.territories(), accounts, template.allowancePolicies(),
                template.validators(), template.bodies(), template.tariffs());
        List<Address> fresh = TestNetworks.generate(3).genesis().validators();
        assertThatThrownBy(() -> NetworkGenesis.withValidators(clash, fresh))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has an account labelled \"validator-2\"");
    }

    @Test
    void write_nonEmptyDirectory_isRefusedAndLeftAlone() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("net"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        NetworkGenerator.Network network = TestNetworks.generate(3);
        assertThatThrownBy(() -> NetworkGenerator.write(network, dir)).isInstanceOf(DirectoryNotEmptyException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("notes.txt"));
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings).containsExactly(dir); // no temporary directory left behind
        }
    }

    @Test
    void write_emptyExistingDirectory_isUsed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("net"));
        TestNetworks.write(3, dir);
        assertThat(dir.resolve("network.json")).exists();
    }

    @Test
    void options_outOfRange_areRefused() {
        NetworkGenerator.Options base = TestNetworks.options(3);
        assertThatThrownBy(() -> new NetworkGenerator.Options(2, base.host(), base.basePort(), base.genesis(),
                base.validDays(), List.of(), List.of(), false)).hasMessage("validators must be 3 to 7, got 2");
        assertThatThrownBy(() -> new NetworkGenerator.Options(8, base.host(), base.basePort(), base.genesis(),
                base.validDays(), List.of(), List.of(), false)).hasMessage("validators must be 3 to 7, got 8");
        assertThatThrownBy(() -> new NetworkGenerator.Options(3, "bad host!", base.basePort(), base.genesis(),
                base.validDays(), List.of(), List.of(), false)).hasMessageContaining("not a host");
    }

    @Test
    void generate_toStrings_neverShowKeys() {
        NetworkGenerator.Network network = TestNetworks.generate(3);
        String key = network.nodes().get(0).validatorKey().getPrivateKey().toString(16);
        assertThat(network.toString() + network.nodes()).contains("<hidden>").doesNotContain(key);
    }

    @Test
    void check_freshNetwork_hasNoProblem() throws IOException {
        Path dir = tmp.resolve("net");
        TestNetworks.write(4, dir);
        assertThat(NetworkValidator.check(dir, TestNetworks.NOW)).isEmpty();
    }

    @Test
    void check_afterTheCertificatesExpire_namesEveryCertificate() throws IOException {
        Path dir = tmp.resolve("net");
        TestNetworks.write(3, dir);
        List<Problem> problems = NetworkValidator.check(dir, TestNetworks.NOW.plus(java.time.Duration.ofDays(400)));
        assertThat(problems).extracting(Problem::path)
                .containsExactly("ca/ca.crt", "node-1/node.crt", "node-2/node.crt", "node-3/node.crt");
    }
}
