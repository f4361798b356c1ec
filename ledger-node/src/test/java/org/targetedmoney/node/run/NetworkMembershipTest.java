package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.network.Cidr;
import org.targetedmoney.netconfig.network.NodeSettings;
import org.targetedmoney.node.ordering.RaftSettings;
import org.targetedmoney.policy.model.Address;

/** A node's place in a network, read from a generated node.json: peers, proposer and write allowlist. */
class NetworkMembershipTest {
    @TempDir
    Path tmp;

    @Test
    void load_generatedNode_givesItsPeersProposerAndAllowlist() throws Exception {
        NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), 3, false, 10_000, false);
        NetworkMembership m = NetworkMembership.load(net.nodeDir(2).resolve("node.json"), 10_000);
        NodeSettings s = m.settings();

        assertThat(m.proposer()).isEqualTo(s.address());
        RaftSettings raft = m.raftSettings(tmp.resolve("raft"));
        assertThat(raft.selfId()).isEqualTo("node-2");
        assertThat(raft.peers()).containsOnlyKeys("node-1", "node-2", "node-3")
                .containsEntry("node-2", "127.0.0.1:" + s.raftPort());
        assertThat(m.writeGate().refusal("127.0.0.1")).isNull();
        assertThat(m.writeGate().refusal("10.1.2.3")).contains("client 10.1.2.3 is not in the write allowlist of node-2");
        assertThat(m.writeGate().refusal(null)).isNotNull();
        assertThat(m.senderCheck().apply(TestNetwork.address(TestNetwork.REGISTRAR))).isNull();
        assertThat(m.senderCheck().apply(TestNetwork.address(TestNetwork.ALICE)))
                .contains("account " + TestNetwork.ALICE.getAddress(), "allowlist.accounts");
    }

    @Test
    void writeGate_hostOutsideEveryBlock_isRefused_insideOne_isAllowed() throws Exception {
        NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), 3, false, 10_000, true);
        NetworkMembership m = NetworkMembership.load(net.nodeDir(1).resolve("node.json"), 10_000);
        NodeSettings s = m.settings();
        NodeSettings lan = new NodeSettings(s.nodeId(), s.address(), s.genesis(), s.dataDir(), s.host(), s.rpcPort(),
                s.raftPort(), s.validatorKey(), s.tls(), s.peers(),
                new NodeSettings.Allowlist(List.of(Cidr.parse("10.0.0.0/8").orElseThrow()), true, List.of()));
        NetworkMembership onLan = new NetworkMembership(lan, m.tls(), m.proposer(), 10_000);

        assertThat(onLan.writeGate().refusal("10.200.0.1")).isNull();
        assertThat(onLan.writeGate().refusal("127.0.0.1")).startsWith("not allowed: client 127.0.0.1");
        assertThat(onLan.writeGate().refusal("::1")).isNotNull();
        assertThat(onLan.senderCheck().apply(Address.fromHex(TestNetwork.ALICE.getAddress()))).isNull();
    }

    @Test
    void load_validatorKeyOfAnotherNode_isRefusedNamingBothAddresses() throws Exception {
        NetworkHarness net = NetworkHarness.generate(tmp.resolve("net"), 3, false, 10_000);
        Files.copy(net.nodeDir(2).resolve("validator.key"), net.nodeDir(1).resolve("validator.key"),
                StandardCopyOption.REPLACE_EXISTING);
        NodeSettings node2 = NodeSettings.read(net.nodeDir(2).resolve("node.json"));

        assertThatThrownBy(() -> NetworkMembership.load(net.nodeDir(1).resolve("node.json"), 10_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds the key of " + node2.address().toHex())
                .hasMessageContaining("not of this node's address");
    }
}
