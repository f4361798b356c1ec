package org.targetedmoney.netconfig.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.StrictJson;
import org.targetedmoney.policy.model.Address;

/**
 * One node's settings ({@code node.json}, format {@value #FORMAT}, documented in docs/NETWORK.md): who it is, where
 * it listens, where its files are, its peers and who may call its JSON-RPC write methods. Relative paths in the
 * file are relative to the directory holding it; {@link NodeSettingsReader} resolves them.
 *
 * @param nodeId this node's id, e.g. {@code node-1}
 * @param address this node's validator account (the address of {@code validatorKey})
 * @param genesis the genesis file every node of the network shares
 * @param validatorKey the validator's secp256k1 private key: one line, {@code 0x} and 64 hex digits
 * @param peers the other nodes of the network (not this one), in id order
 */
public record NodeSettings(String nodeId, Address address, Path genesis, Path dataDir, String host, int rpcPort,
                           int raftPort, Path validatorKey, TlsFiles tls, List<Peer> peers, Allowlist allowlist) {
    public static final String FORMAT = "targeted-money-node/1";

    /** Another node as this one dials it: Raft over mutual TLS, whose certificate must have this fingerprint. */
    public record Peer(String id, Address address, String host, int raftPort, String certificateSha256) {
        public Peer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(certificateSha256, "certificateSha256");
        }
    }

    /** The PEM files of mutual TLS: this node's certificate and PKCS#8 key, and the network CA it trusts. */
    public record TlsFiles(Path certificate, Path privateKey, Path trustedCa) {
        public TlsFiles {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(trustedCa, "trustedCa");
        }
    }

    /**
     * Who may call the JSON-RPC write methods ({@code eth_sendRawTransaction} and the like): a client whose address
     * is in one of {@code hosts}, sending as an account in {@code accounts}, or as any account if
     * {@code anyAccount} (the ledger's roles and enrolments still decide what that account may do). Reads are not
     * restricted by this list.
     */
    public record Allowlist(List<Cidr> hosts, boolean anyAccount, List<Address> accounts) {
        public Allowlist {
            hosts = List.copyOf(hosts);
            accounts = List.copyOf(accounts);
            if (anyAccount && !accounts.isEmpty()) {
                throw new IllegalArgumentException("an allowlist open to any account lists no accounts");
            }
        }

        /** Loopback clients only, sending as one of {@code accounts}. */
        public static Allowlist loopback(List<Address> accounts) {
            return new Allowlist(List.of(Cidr.LOOPBACK_V4, Cidr.LOOPBACK_V6), false, accounts);
        }
    }

    public NodeSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(genesis, "genesis");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(validatorKey, "validatorKey");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(allowlist, "allowlist");
        peers = List.copyOf(peers);
    }

    /** Reads and checks a node.json file; relative paths come back resolved against its directory. */
    public static NodeSettings read(Path file) throws ConfigException {
        return NodeSettingsReader.read(file);
    }

    /** The canonical JSON text of these settings (paths written as they are held, so keep them relative). */
    public String toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode().put("format", FORMAT).put("nodeId", nodeId).put("address", address.toHex())
                .put("genesis", text(genesis)).put("dataDir", text(dataDir)).put("host", host)
                .put("rpcPort", rpcPort).put("raftPort", raftPort).put("validatorKey", text(validatorKey));
        root.putObject("tls").put("certificate", text(tls.certificate())).put("privateKey", text(tls.privateKey()))
                .put("trustedCa", text(tls.trustedCa()));
        ArrayNode peerList = root.putArray("peers");
        for (Peer peer : peers) {
            peerList.addObject().put("id", peer.id()).put("address", peer.address().toHex()).put("host", peer.host())
                    .put("raftPort", peer.raftPort()).put("certificateSha256", peer.certificateSha256());
        }
        ObjectNode allow = root.putObject("allowlist");
        ArrayNode hosts = allow.putArray("hosts");
        allowlist.hosts().forEach(h -> hosts.add(h.toString()));
        allow.put("anyAccount", allowlist.anyAccount());
        ArrayNode accounts = allow.putArray("accounts");
        allowlist.accounts().forEach(a -> accounts.add(a.toHex()));
        return StrictJson.toCanonicalText(root);
    }

    /** Forward slashes on every platform, so a generated directory can be copied between machines. */
    private static String text(Path path) {
        return path.toString().replace('\\', '/');
    }
}
