package org.targetedmoney.node.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.util.IPAddress;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.network.NodeSettings;
import org.targetedmoney.netconfig.network.ValidatorKeyFile;
import org.targetedmoney.netconfig.tls.TlsMaterial;
import org.targetedmoney.node.ordering.PeerTls;
import org.targetedmoney.node.ordering.RaftSettings;
import org.targetedmoney.node.rpc.WriteGate;
import org.targetedmoney.policy.model.Address;
import org.web3j.crypto.Keys;

/**
 * A node's place in a network of validators, from its {@code node.json} (docs/NETWORK.md): its peers,
 * its mutual-TLS material, its validator address (the proposer of the blocks it batches) and its
 * JSON-RPC write allowlist. {@link #load} checks that the validator key is the key of node.json's
 * address, so a node never proposes under someone else's name by a configuration slip.
 *
 * @param snapshotAutoTriggerEntries Raft entries between automatic snapshots (tests lower it)
 */
public record NetworkMembership(NodeSettings settings, PeerTls tls, Address proposer, long snapshotAutoTriggerEntries) {

    public NetworkMembership {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(proposer, "proposer");
        if (snapshotAutoTriggerEntries <= 0) {
            throw new IllegalArgumentException("snapshotAutoTriggerEntries must be > 0, got " + snapshotAutoTriggerEntries);
        }
    }

    /**
     * Reads node.json, the validator key and the TLS files it names.
     *
     * @throws IllegalArgumentException with every reason in words when one of them is refused
     */
    public static NetworkMembership load(Path nodeJson, long snapshotAutoTriggerEntries) {
        NodeSettings settings;
        try {
            settings = NodeSettings.read(nodeJson);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Address proposer;
        try {
            proposer = Address.fromHex("0x" + Keys.getAddress(
                    ValidatorKeyFile.read(settings.validatorKey(), settings.validatorKey().toString()).getPublicKey()));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!proposer.equals(settings.address())) {
            throw new IllegalArgumentException(settings.validatorKey() + " holds the key of " + proposer.toHex()
                    + ", not of this node's address " + settings.address().toHex() + " (node.json)");
        }
        TlsMaterial tls;
        try {
            tls = TlsMaterial.load(settings.tls().certificate(), settings.tls().privateKey(), settings.tls().trustedCa());
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot load the TLS files of " + nodeJson + ": " + e.getMessage(), e);
        }
        return new NetworkMembership(settings, new PeerTls(tls.certificate(), tls.privateKey(), tls.caCertificate()),
                proposer, snapshotAutoTriggerEntries);
    }

    /** This node as one peer of the group of every validator in node.json: Raft ids are the node ids. */
    public RaftSettings raftSettings(Path storageDir) {
        Map<String, String> peers = new LinkedHashMap<>();
        peers.put(settings.nodeId(), hostPort(settings.host(), settings.raftPort()));
        for (NodeSettings.Peer peer : settings.peers()) {
            peers.put(peer.id(), hostPort(peer.host(), peer.raftPort()));
        }
        return RaftSettings.peerOf(RaftSettings.DEFAULT_GROUP_ID, settings.nodeId(), peers, storageDir)
                .withSnapshotAutoTriggerEntries(snapshotAutoTriggerEntries);
    }

    private static String hostPort(String host, int port) {
        return host + ":" + port; // RaftSettings splits at the last colon, so an IPv6 literal needs no brackets
    }

    /** The write gate of node.json's {@code allowlist.hosts}: clients from elsewhere may only read. */
    public WriteGate writeGate() {
        return remoteHost -> {
            InetAddress client = literal(remoteHost);
            if (client != null && settings.allowlist().hosts().stream().anyMatch(c -> c.contains(client))) {
                return null;
            }
            return "not allowed: client " + remoteHost + " is not in the write allowlist of " + settings.nodeId()
                    + " (allowlist.hosts of its node.json); reads are open, writes are not";
        };
    }

    /** The account check of node.json's allowlist: null if the sender may send through this node, else why not. */
    public Function<Address, String> senderCheck() {
        boolean any = settings.allowlist().anyAccount();
        Set<Address> allowed = new HashSet<>(settings.allowlist().accounts());
        String nodeId = settings.nodeId();
        return sender -> any || allowed.contains(sender) ? null
                : "not allowed: account " + sender.toHex() + " is not in the write allowlist of " + nodeId
                        + " (allowlist.accounts of its node.json)";
    }

    private static InetAddress literal(String host) {
        if (host == null || !(IPAddress.isValidIPv4(host) || IPAddress.isValidIPv6(host))) {
            return null;
        }
        try {
            return InetAddress.getByName(host); // an IP literal: no name lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
