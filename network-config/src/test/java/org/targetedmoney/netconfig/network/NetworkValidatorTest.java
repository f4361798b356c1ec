package org.targetedmoney.netconfig.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.json.Problem;

/** validate-network on a generated network that someone then changed. */
class NetworkValidatorTest {
    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void writeNetwork() throws IOException {
        dir = tmp.resolve("net");
        TestNetworks.write(3, dir);
    }

    private List<String> problems() {
        return NetworkValidator.check(dir, TestNetworks.NOW).stream().map(Problem::toString).toList();
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void check_certificateOfAnotherNetwork_isNamed() throws IOException {
        Path other = tmp.resolve("other");
        TestNetworks.write(3, other);
        Files.copy(other.resolve("node-2/node.crt"), dir.resolve("node-2/node.crt"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(problems()).containsExactly(
                "node-2/node.crt: its SHA-256 fingerprint is not the one network.json lists for node-2",
                problems().get(1), "node-2/node.key: is not the private key of its certificate");
        assertThat(problems().get(1)).startsWith("node-2/node.crt: does not chain to the network CA");
    }

    @Test
    void check_keyReadableByOthers_isNamed() throws IOException {
        Files.setPosixFilePermissions(dir.resolve("node-3/validator.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(problems()).containsExactly(
                "node-3/validator.key: other users have access (rw-r--r--): chmod 600 it");
    }

    @Test
    void check_validatorKeyOfAnotherNode_isNamed() throws IOException {
        Files.copy(dir.resolve("node-1/validator.key"), dir.resolve("node-2/validator.key"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(problems()).singleElement().asString().startsWith("node-2/validator.key: holds the key of ");
    }

    @Test
    void check_genesisValidatorsNotTheNodes_namesBoth() throws Exception {
        NetworkDescription network = NetworkDescription.read(dir.resolve("network.json"));
        String node1 = network.nodes().get(0).address().toHex();
        // A fourth node's address in network.json only: the genesis lacks it, and node-1's files disagree.
        String stranger = TestNetworks.generate(3).description().nodes().get(0).address().toHex();
        replace("network.json", node1, stranger);
        assertThat(problems()).contains(
                "genesis.json: validators lacks " + stranger + ", the address of a node in network.json",
                "genesis.json: validator " + node1 + " is not the address of any node in network.json",
                "node-1/node.json: node.address: " + node1 + " differs from network.json (" + stranger + ")");
    }

    @Test
    void check_peerWithAnotherPort_isNamed() throws IOException {
        replace("node-1/node.json", "\"raftPort\": 8646", "\"raftPort\": 9999");
        assertThat(problems()).singleElement().asString()
                .startsWith("node-1/node.json: node.peers: peer node-2 differs from network.json");
    }

    @Test
    void check_duplicatePortInNetworkJson_isNamedWithItsPath() throws IOException {
        replace("network.json", "\"rpcPort\": 8546", "\"rpcPort\": 8545");
        assertThat(problems()).contains("network.json: network.nodes[1].rpcPort: duplicate endpoint 127.0.0.1:8545"
                + " (already at network.nodes[0].rpcPort)");
    }

    @Test
    void check_caKeyMovedOffline_isFine() throws IOException {
        Files.delete(dir.resolve("ca/ca.key"));
        assertThat(problems()).isEmpty();
    }

    @Test
    void check_missingNodeSettings_isNamed() throws IOException {
        Files.delete(dir.resolve("node-2/node.json"));
        assertThat(problems()).singleElement().asString().startsWith("node-2/node.json: node: cannot read")
                .endsWith("no such file");
    }
}
