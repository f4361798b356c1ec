package org.targetedmoney.netconfig.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Problem;

class NetworkDescriptionTest {
    private static final NetworkDescription NETWORK = TestNetworks.generate(3).description();

    @Test
    void parse_writtenFile_readsBackEqual() throws ConfigException {
        assertThat(NetworkDescription.parse(NETWORK.toJson())).isEqualTo(NETWORK);
    }

    @Test
    void parse_duplicateIdAddressAndEndpoint_areEachNamed() {
        String json = NETWORK.toJson().replace("\"id\": \"node-3\"", "\"id\": \"node-1\"")
                .replace(NETWORK.nodes().get(2).address().toHex(), NETWORK.nodes().get(0).address().toHex())
                .replace("\"raftPort\": 8647", "\"raftPort\": 8545");
        assertThatThrownBy(() -> NetworkDescription.parse(json)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                        "network.nodes[2].id: duplicate id \"node-1\" (already at network.nodes[0].id)",
                        "network.nodes[2].address: duplicate address " + NETWORK.nodes().get(0).address()
                                + " (already at network.nodes[0].address)",
                        "network.nodes[2].raftPort: duplicate endpoint 127.0.0.1:8545 (already at"
                                + " network.nodes[0].rpcPort)"));
    }
}
