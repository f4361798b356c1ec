package org.targetedmoney.netconfig.network;

import static org.targetedmoney.netconfig.json.Fields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.netconfig.json.StrictJson;
import org.targetedmoney.netconfig.network.NodeSettings.Allowlist;
import org.targetedmoney.netconfig.network.NodeSettings.Peer;
import org.targetedmoney.netconfig.network.NodeSettings.TlsFiles;
import org.targetedmoney.policy.model.Address;

/**
 * Reads node.json strictly (unknown fields, duplicate keys, nulls and wrong types refused) and reports every
 * problem with its JSON path ({@code node.peers[1].raftPort}). One instance per read.
 */
public final class NodeSettingsReader {
    static final String ROOT = "node";
    static final List<String> FIELDS = List.of("format", "nodeId", "address", "genesis", "dataDir", "host",
            "rpcPort", "raftPort", "validatorKey", "tls", "peers", "allowlist");
    static final List<String> TLS_FIELDS = List.of("certificate", "privateKey", "trustedCa");
    static final List<String> PEER_FIELDS = List.of("id", "address", "host", "raftPort", "certificateSha256");
    static final List<String> ALLOWLIST_FIELDS = List.of("hosts", "anyAccount", "accounts");
    /** A network has at most as many nodes as a genesis has validators. */
    public static final int MAX_PEERS = 255;
    public static final int MAX_ALLOWED_HOSTS = 256;
    public static final int MAX_ALLOWED_ACCOUNTS = 10_000;

    private final Problems problems = new Problems();
    private final Path base;

    private NodeSettingsReader(Path base) {
        this.base = base;
    }

    /** Reads {@code file}; relative paths in it are resolved against its directory. */
    public static NodeSettings read(Path file) throws ConfigException {
        Path dir = file.toAbsolutePath().getParent();
        return parse(StrictJson.readText(file, NetworkLayout.MAX_JSON_BYTES, ROOT), dir);
    }

    /** Checks the text of a node.json file; relative paths are resolved against {@code base}. */
    public static NodeSettings parse(String json, Path base) throws ConfigException {
        return new NodeSettingsReader(base).settings(StrictJson.parse(json, NetworkLayout.MAX_JSON_BYTES, ROOT));
    }

    private NodeSettings settings(JsonNode root) throws ConfigException {
        JsonNode obj = Fields.object(root, ROOT, FIELDS, problems);
        if (obj == null) {
            throw new ConfigException(ROOT, problems.list());
        }
        NetworkFields.format(field(obj, "format"), path("format"), NodeSettings.FORMAT, problems);
        String nodeId = NetworkFields.nodeId(field(obj, "nodeId"), path("nodeId"), problems);
        Address address = Fields.address(field(obj, "address"), path("address"), problems);
        Path genesis = NetworkFields.path(field(obj, "genesis"), path("genesis"), base, problems);
        Path dataDir = NetworkFields.path(field(obj, "dataDir"), path("dataDir"), base, problems);
        String host = NetworkFields.host(field(obj, "host"), path("host"), problems);
        Integer rpcPort = NetworkFields.port(field(obj, "rpcPort"), path("rpcPort"), problems);
        Integer raftPort = NetworkFields.port(field(obj, "raftPort"), path("raftPort"), problems);
        if (rpcPort != null && rpcPort.equals(raftPort)) {
            problems.add(path("raftPort"), "the same port as rpcPort (" + rpcPort + ")");
        }
        Path validatorKey = NetworkFields.path(field(obj, "validatorKey"), path("validatorKey"), base, problems);
        TlsFiles tls = tls(field(obj, "tls"));
        List<Peer> peers = peers(field(obj, "peers"), nodeId, host, raftPort);
        Allowlist allowlist = allowlist(field(obj, "allowlist"));
        if (!problems.isEmpty()) {
            throw new ConfigException(ROOT, problems.list());
        }
        return new NodeSettings(nodeId, address, genesis, dataDir, host, rpcPort, raftPort, validatorKey, tls, peers,
                allowlist);
    }

    private TlsFiles tls(JsonNode node) {
        String path = path("tls");
        JsonNode obj = node == null ? null : Fields.object(node, path, TLS_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        Path certificate = file(obj, "certificate", path);
        Path key = file(obj, "privateKey", path);
        Path ca = file(obj, "trustedCa", path);
        return certificate == null || key == null || ca == null ? null : new TlsFiles(certificate, key, ca);
    }

    private Path file(JsonNode obj, String name, String path) {
        return NetworkFields.path(Fields.required(obj, name, path, problems), path + "." + name, base, problems);
    }

    private List<Peer> peers(JsonNode node, String ownId, String ownHost, Integer ownRaftPort) {
        String path = path("peers");
        List<JsonNode> items = Fields.array(node, path, 0, MAX_PEERS, problems);
        List<Peer> result = new ArrayList<>();
        Map<String, String> pathById = new HashMap<>();
        Map<String, String> pathByEndpoint = new HashMap<>();
        if (ownHost != null && ownRaftPort != null) {
            pathByEndpoint.put(ownHost + ":" + ownRaftPort, path("raftPort"));
        }
        for (int i = 0; items != null && i < items.size(); i++) {
            Peer peer = peer(items.get(i), path + "[" + i + "]");
            if (peer == null) {
                continue;
            }
            String itemPath = path + "[" + i + "]";
            if (peer.id().equals(ownId)) {
                problems.add(itemPath + ".id", "this node (" + quote(ownId) + ") is not its own peer");
            } else if (pathById.putIfAbsent(peer.id(), itemPath) != null) {
                problems.add(itemPath + ".id", "duplicate peer " + quote(peer.id()) + " (already at "
                        + pathById.get(peer.id()) + ")");
            }
            String endpoint = peer.host() + ":" + peer.raftPort();
            if (pathByEndpoint.putIfAbsent(endpoint, itemPath + ".raftPort") != null) {
                problems.add(itemPath + ".raftPort", endpoint + " is already used by " + pathByEndpoint.get(endpoint));
            }
            result.add(peer);
        }
        return result;
    }

    private Peer peer(JsonNode node, String path) {
        int before = problems.size();
        JsonNode obj = Fields.object(node, path, PEER_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        String id = NetworkFields.nodeId(Fields.required(obj, "id", path, problems), path + ".id", problems);
        Address address = Fields.address(Fields.required(obj, "address", path, problems), path + ".address", problems);
        String host = NetworkFields.host(Fields.required(obj, "host", path, problems), path + ".host", problems);
        Integer raftPort = NetworkFields.port(Fields.required(obj, "raftPort", path, problems), path + ".raftPort",
                problems);
        String fingerprint = NetworkFields.fingerprint(Fields.required(obj, "certificateSha256", path, problems),
                path + ".certificateSha256", problems);
        return problems.size() == before ? new Peer(id, address, host, raftPort, fingerprint) : null;
    }

    private Allowlist allowlist(JsonNode node) {
        String path = path("allowlist");
        JsonNode obj = node == null ? null : Fields.object(node, path, ALLOWLIST_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        int before = problems.size();
        List<Cidr> hosts = hosts(Fields.required(obj, "hosts", path, problems), path + ".hosts");
        JsonNode any = Fields.required(obj, "anyAccount", path, problems);
        if (any != null && !any.isBoolean()) {
            problems.add(path + ".anyAccount", "expected true or false, got " + Fields.typeOf(any));
        }
        List<Address> accounts = accounts(Fields.required(obj, "accounts", path, problems), path + ".accounts");
        boolean anyAccount = any != null && any.isBoolean() && any.booleanValue();
        if (anyAccount && !accounts.isEmpty()) {
            problems.add(path + ".accounts", "must be empty when anyAccount is true (every account may write)");
        }
        return problems.size() == before ? new Allowlist(hosts, anyAccount, accounts) : null;
    }

    private List<Cidr> hosts(JsonNode node, String path) {
        List<JsonNode> items = Fields.array(node, path, 0, MAX_ALLOWED_HOSTS, problems);
        List<Cidr> result = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            String text = Fields.text(items.get(i), path + "[" + i + "]", problems);
            if (text == null) {
                continue;
            }
            Optional<Cidr> cidr = Cidr.parse(text);
            if (cidr.isEmpty()) {
                problems.add(path + "[" + i + "]", quote(text) + " is not a CIDR block: " + Cidr.problem(text));
            } else if (result.contains(cidr.get())) {
                problems.add(path + "[" + i + "]", "duplicate block " + quote(text));
            } else {
                result.add(cidr.get());
            }
        }
        return result;
    }

    private List<Address> accounts(JsonNode node, String path) {
        List<JsonNode> items = Fields.array(node, path, 0, MAX_ALLOWED_ACCOUNTS, problems);
        List<Address> result = new ArrayList<>();
        Map<Address, Integer> firstIndex = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            Address address = Fields.address(items.get(i), path + "[" + i + "]", problems);
            if (address == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(address, i);
            if (first != null) {
                problems.add(path + "[" + i + "]", "duplicate account " + address + " (already at " + path + "["
                        + first + "])");
            } else {
                result.add(address);
            }
        }
        return result;
    }

    private JsonNode field(JsonNode obj, String name) {
        return Fields.required(obj, name, ROOT, problems);
    }

    private static String path(String field) {
        return ROOT + "." + field;
    }
}
