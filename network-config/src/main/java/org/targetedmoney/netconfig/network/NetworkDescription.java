package org.targetedmoney.netconfig.network;

import static org.targetedmoney.netconfig.json.Fields.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Fields;
import org.targetedmoney.netconfig.json.Problems;
import org.targetedmoney.netconfig.json.StrictJson;
import org.targetedmoney.policy.model.Address;

/**
 * The peer list of a network ({@code network.json}, format {@value #FORMAT}): every node with its validator
 * address, where it listens and its TLS certificate's fingerprint. Public: it holds no secret, and is what a new
 * operator or a monitoring tool needs to find the nodes.
 */
public record NetworkDescription(List<Node> nodes) {
    public static final String FORMAT = "targeted-money-network/1";
    static final String ROOT = "network";
    static final List<String> FIELDS = List.of("format", "nodes");
    static final List<String> NODE_FIELDS = List.of("id", "address", "host", "raftPort", "rpcPort",
            "certificateSha256");
    public static final int MAX_NODES = NodeSettingsReader.MAX_PEERS + 1;

    /** One node of the network. */
    public record Node(String id, Address address, String host, int raftPort, int rpcPort, String certificateSha256) {
        public Node {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(certificateSha256, "certificateSha256");
        }

        /** This node as another node's settings list it. */
        public NodeSettings.Peer asPeer() {
            return new NodeSettings.Peer(id, address, host, raftPort, certificateSha256);
        }
    }

    public NetworkDescription {
        nodes = List.copyOf(nodes);
    }

    /** The canonical JSON text of this file. */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("format", FORMAT);
        ArrayNode list = root.putArray("nodes");
        for (Node node : nodes) {
            list.addObject().put("id", node.id()).put("address", node.address().toHex()).put("host", node.host())
                    .put("raftPort", node.raftPort()).put("rpcPort", node.rpcPort())
                    .put("certificateSha256", node.certificateSha256());
        }
        return StrictJson.toCanonicalText(root);
    }

    /** Reads and checks a network.json file. */
    public static NetworkDescription read(Path file) throws ConfigException {
        return parse(StrictJson.readText(file, NetworkLayout.MAX_JSON_BYTES, ROOT));
    }

    /**
     * Checks the text of a network.json file: every problem with its JSON path, including two nodes with the
     * same id, address, certificate, or host and port.
     */
    public static NetworkDescription parse(String json) throws ConfigException {
        JsonNode root = StrictJson.parse(json, NetworkLayout.MAX_JSON_BYTES, ROOT);
        Problems problems = new Problems();
        JsonNode obj = Fields.object(root, ROOT, FIELDS, problems);
        List<Node> nodes = new ArrayList<>();
        if (obj != null) {
            NetworkFields.format(Fields.required(obj, "format", ROOT, problems), ROOT + ".format", FORMAT, problems);
            List<JsonNode> items = Fields.array(Fields.required(obj, "nodes", ROOT, problems), ROOT + ".nodes", 1,
                    MAX_NODES, problems);
            Map<String, String> firstPath = new HashMap<>();
            for (int i = 0; items != null && i < items.size(); i++) {
                String path = ROOT + ".nodes[" + i + "]";
                Node node = node(items.get(i), path, problems);
                if (node != null && unique(node, path, firstPath, problems)) {
                    nodes.add(node);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(ROOT, problems.list());
        }
        return new NetworkDescription(nodes);
    }

    private static Node node(JsonNode item, String path, Problems problems) {
        int before = problems.size();
        JsonNode obj = Fields.object(item, path, NODE_FIELDS, problems);
        if (obj == null) {
            return null;
        }
        String id = NetworkFields.nodeId(Fields.required(obj, "id", path, problems), path + ".id", problems);
        Address address = Fields.address(Fields.required(obj, "address", path, problems), path + ".address", problems);
        String host = NetworkFields.host(Fields.required(obj, "host", path, problems), path + ".host", problems);
        Integer raft = NetworkFields.port(Fields.required(obj, "raftPort", path, problems), path + ".raftPort", problems);
        Integer rpc = NetworkFields.port(Fields.required(obj, "rpcPort", path, problems), path + ".rpcPort", problems);
        String fingerprint = NetworkFields.fingerprint(Fields.required(obj, "certificateSha256", path, problems),
                path + ".certificateSha256", problems);
        return problems.size() == before ? new Node(id, address, host, raft, rpc, fingerprint) : null;
    }

    /** Records a problem for each key of {@code node} already used by an earlier node. */
    private static boolean unique(Node node, String path, Map<String, String> firstPath, Problems problems) {
        int before = problems.size();
        claim("id " + quote(node.id()), path + ".id", firstPath, problems);
        claim("address " + node.address(), path + ".address", firstPath, problems);
        claim("certificate " + node.certificateSha256(), path + ".certificateSha256", firstPath, problems);
        claim("endpoint " + node.host() + ":" + node.raftPort(), path + ".raftPort", firstPath, problems);
        claim("endpoint " + node.host() + ":" + node.rpcPort(), path + ".rpcPort", firstPath, problems);
        return problems.size() == before;
    }

    private static void claim(String key, String path, Map<String, String> firstPath, Problems problems) {
        String first = firstPath.putIfAbsent(key, path);
        if (first != null) {
            problems.add(path, "duplicate " + key + " (already at " + first + ")");
        }
    }
}
