package org.targetedmoney.netconfig.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Problem;

class NodeSettingsReaderTest {
    private static final Path BASE = Path.of("/srv/net/node-2");
    private static final NodeSettings SETTINGS = TestNetworks.generate(3).nodes().get(1).settings();
    private static final String JSON = SETTINGS.toJson();

    private static List<Problem> problems(String json) {
        try {
            NodeSettingsReader.parse(json, BASE);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void parse_generatedSettings_readBackWithPathsResolvedAgainstTheirDirectory() throws ConfigException {
        NodeSettings read = NodeSettingsReader.parse(JSON, BASE);
        assertThat(read.genesis()).isEqualTo(Path.of("/srv/net/genesis.json"));
        assertThat(read.dataDir()).isEqualTo(BASE.resolve("data"));
        assertThat(read.tls().certificate()).isEqualTo(BASE.resolve("node.crt"));
        assertThat(read.validatorKey()).isEqualTo(BASE.resolve("validator.key"));
        assertThat(read.peers()).isEqualTo(SETTINGS.peers());
        assertThat(read.allowlist()).isEqualTo(SETTINGS.allowlist());
        assertThat(NodeSettingsReader.parse(JSON, Path.of(""))).isEqualTo(SETTINGS);
    }

    /** Each replacement breaks one field; the problem names that field's JSON path. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"format\": \"targeted-money-node/1\" | node.format | unsupported format \"targeted-money-node/2\"",
            "\"nodeId\": \"node-2\" | node.nodeId | \"Node 2\" is not a node id",
            "\"rpcPort\": 8546 | node.rpcPort | 70000 is out of range (expected 1 to 65535)",
            "\"raftPort\": 8646 | node.raftPort | the same port as rpcPort (8546)",
            "\"host\": \"127.0.0.1\", | node.host | \"not a host!\" is not a host",
            "\"dataDir\": \"data\" | node.dataDir | expected a string, got null",
            "\"privateKey\": \"node.key\" | node.tls.privateKey | a path has 1 to 4096 characters",
            "\"id\": \"node-1\" | node.peers[0].id | this node (\"node-2\") is not its own peer",
            "\"raftPort\": 8647 | node.peers[1].raftPort | 127.0.0.1:8646 is already used by node.raftPort",
            "\"127.0.0.0/8\" | node.allowlist.hosts[0] | \"127.0.0.1/8\" is not a CIDR block: host bits are set",
            "\"anyAccount\": false | node.allowlist.anyAccount | expected true or false, got string",
    })
    void parse_oneBadField_namesIt(String original, String path, String message) {
        String broken = JSON.replaceFirst(java.util.regex.Pattern.quote(original),
                java.util.regex.Matcher.quoteReplacement(badValue(original)));
        assertThat(broken).isNotEqualTo(JSON);
        assertThat(problems(broken)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).startsWith(message);
        });
    }

    private static String badValue(String original) {
        return switch (original) {
            case "\"format\": \"targeted-money-node/1\"" -> "\"format\": \"targeted-money-node/2\"";
            case "\"nodeId\": \"node-2\"" -> "\"nodeId\": \"Node 2\"";
            case "\"rpcPort\": 8546" -> "\"rpcPort\": 70000";
            case "\"raftPort\": 8646" -> "\"raftPort\": 8546";
            case "\"host\": \"127.0.0.1\"," -> "\"host\": \"not a host!\",";
            case "\"dataDir\": \"data\"" -> "\"dataDir\": null";
            case "\"privateKey\": \"node.key\"" -> "\"privateKey\": \"\"";
            case "\"id\": \"node-1\"" -> "\"id\": \"node-2\"";
            case "\"raftPort\": 8647" -> "\"raftPort\": 8646";
            case "\"127.0.0.0/8\"" -> "\"127.0.0.1/8\"";
            case "\"anyAccount\": false" -> "\"anyAccount\": \"no\"";
            default -> throw new IllegalArgumentException(original);
        };
    }

    @Test
    void parse_unknownAndMissingFields_areAllNamed() {
        String json = JSON.replace("\"dataDir\"", "\"dataDirectory\"").replace("\"validatorKey\": \"validator.key\",", "");
        assertThat(problems(json)).extracting(Problem::toString).containsExactlyInAnyOrder(
                "node.dataDirectory: unknown field (expected one of " + String.join(", ", NodeSettingsReader.FIELDS) + ")",
                "node.dataDir: missing field",
                "node.validatorKey: missing field");
    }

    @Test
    void parse_anyAccountWithAccounts_isRefused() {
        String json = JSON.replace("\"anyAccount\": false", "\"anyAccount\": true");
        assertThat(problems(json)).extracting(Problem::toString).containsExactly(
                "node.allowlist.accounts: must be empty when anyAccount is true (every account may write)");
    }

    @Test
    void parse_badFingerprintAndAddress_areEachNamed() {
        String peer1 = SETTINGS.peers().get(0).certificateSha256();
        String json = JSON.replace(peer1, "AB" + peer1.substring(2))
                .replaceFirst(SETTINGS.address().toHex(), "0x1234");
        assertThat(problems(json)).extracting(Problem::toString).containsExactly(
                "node.address: not an address: \"0x1234\" (expected 0x followed by 40 hex digits)",
                "node.peers[0].certificateSha256: \"AB" + peer1.substring(2)
                        + "\" is not a SHA-256 fingerprint (64 lower-case hex digits)");
    }

    @Test
    void parse_duplicatePeer_isNamed() {
        String json = JSON.replace("\"id\": \"node-3\"", "\"id\": \"node-1\"");
        assertThat(problems(json)).extracting(Problem::toString).containsExactly(
                "node.peers[1].id: duplicate peer \"node-1\" (already at node.peers[0])");
    }

    @Test
    void parse_duplicateKeyOrTrailingContent_isRefused() {
        assertThatThrownBy(() -> NodeSettingsReader.parse(JSON.replaceFirst("\\{", "{\"host\": \"a\", "), BASE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Duplicate field 'host'");
        assertThatThrownBy(() -> NodeSettingsReader.parse(JSON + "{}", BASE)).isInstanceOf(ConfigException.class);
    }
}
