package org.targetedmoney.netconfig.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.targetedmoney.netconfig.genesis.GenesisException;
import org.targetedmoney.netconfig.genesis.GenesisReader;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Problem;
import org.targetedmoney.netconfig.tls.Certificates;
import org.targetedmoney.netconfig.tls.Pem;
import org.targetedmoney.netconfig.tls.TlsMaterial;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.Address;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Checks a whole generated network directory: the CA, every node's certificate (chains to the CA, valid now,
 * serverAuth and clientAuth, key matches), validator keys (match the addresses, mode 0600), the genesis's
 * validators against the nodes, node.json against network.json (ports, peers, fingerprints). Problems are named
 * by file (relative to the directory) and, inside JSON, by JSON path.
 */
public final class NetworkValidator {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final Path dir;
    private final Instant now;
    private final List<Problem> problems = new ArrayList<>();

    private NetworkValidator(Path dir, Instant now) {
        this.dir = dir;
        this.now = now;
    }

    /** Every problem of the network in {@code dir} at time {@code now}; empty if it is sound. */
    public static List<Problem> check(Path dir, Instant now) {
        NetworkValidator validator = new NetworkValidator(dir.toAbsolutePath().normalize(), now);
        validator.run();
        return List.copyOf(validator.problems);
    }

    private void run() {
        NetworkDescription network = network();
        Genesis genesis = genesis();
        X509Certificate ca = ca();
        if (network == null) {
            return;
        }
        if (genesis != null) {
            checkValidators(network, genesis);
        }
        for (NetworkDescription.Node node : network.nodes()) {
            checkNode(node, network, ca);
        }
    }

    private NetworkDescription network() {
        try {
            return NetworkDescription.read(dir.resolve(NetworkLayout.NETWORK));
        } catch (ConfigException e) {
            addAll(NetworkLayout.NETWORK, e.problems());
            return null;
        }
    }

    private Genesis genesis() {
        try {
            return GenesisReader.read(dir.resolve(NetworkLayout.GENESIS));
        } catch (GenesisException e) {
            addAll(NetworkLayout.GENESIS, e.problems());
            return null;
        }
    }

    private X509Certificate ca() {
        String name = NetworkLayout.CA_DIR + "/" + NetworkLayout.CA_CERTIFICATE;
        X509Certificate ca = certificate(dir.resolve(name), name);
        if (ca == null) {
            return null;
        }
        if (ca.getBasicConstraints() < 0 || ca.getKeyUsage() == null || !ca.getKeyUsage()[5]) {
            add(name, "not a CA certificate (needs basicConstraints CA and keyUsage keyCertSign)");
        } else {
            String chain = Certificates.chainProblem(ca, ca, now);
            if (chain != null) {
                add(name, "not a valid self-signed CA certificate: " + chain);
            }
        }
        Path key = dir.resolve(NetworkLayout.CA_DIR).resolve(NetworkLayout.CA_KEY);
        if (Files.exists(key)) { // may have been moved offline: it is needed only to add nodes
            checkKey(key, NetworkLayout.CA_DIR + "/" + NetworkLayout.CA_KEY, ca);
        }
        return ca;
    }

    private void checkValidators(NetworkDescription network, Genesis genesis) {
        Set<Address> nodes = network.nodes().stream().map(NetworkDescription.Node::address)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Address> validators = new TreeSet<>(genesis.validators());
        for (Address missing : difference(nodes, validators)) {
            add(NetworkLayout.GENESIS, "validators lacks " + missing + ", the address of a node in network.json");
        }
        for (Address extra : difference(validators, nodes)) {
            add(NetworkLayout.GENESIS, "validator " + extra + " is not the address of any node in network.json");
        }
    }

    private void checkNode(NetworkDescription.Node node, NetworkDescription network, X509Certificate ca) {
        String nodeDir = node.id() + "/";
        NodeSettings settings;
        try {
            settings = NodeSettings.read(NetworkLayout.nodeDir(dir, node.id()).resolve(NetworkLayout.NODE_SETTINGS));
        } catch (ConfigException e) {
            addAll(nodeDir + NetworkLayout.NODE_SETTINGS, e.problems());
            return;
        }
        checkSettings(settings, node, network, nodeDir + NetworkLayout.NODE_SETTINGS);
        checkValidatorKey(settings, nodeDir + NetworkLayout.VALIDATOR_KEY);
        checkTls(settings, node, ca, nodeDir);
    }

    private void checkSettings(NodeSettings settings, NetworkDescription.Node node, NetworkDescription network,
                               String file) {
        compare(file, "node.nodeId", settings.nodeId(), node.id());
        compare(file, "node.address", settings.address(), node.address());
        compare(file, "node.host", settings.host(), node.host());
        compare(file, "node.rpcPort", settings.rpcPort(), node.rpcPort());
        compare(file, "node.raftPort", settings.raftPort(), node.raftPort());
        if (!settings.genesis().equals(dir.resolve(NetworkLayout.GENESIS))) {
            add(file + ": node.genesis", settings.genesis() + " is not the network's " + NetworkLayout.GENESIS);
        }
        Map<String, NodeSettings.Peer> peers = settings.peers().stream()
                .collect(Collectors.toMap(NodeSettings.Peer::id, Function.identity(), (a, b) -> a));
        for (NetworkDescription.Node other : network.nodes()) {
            NodeSettings.Peer peer = peers.remove(other.id());
            if (other.id().equals(node.id())) {
                continue;
            }
            if (peer == null) {
                add(file + ": node.peers", "lacks peer " + other.id() + " of network.json");
            } else if (!peer.equals(other.asPeer())) {
                add(file + ": node.peers", "peer " + other.id() + " differs from network.json (" + peer + " vs "
                        + other.asPeer() + ")");
            }
        }
        peers.keySet().forEach(id -> add(file + ": node.peers", "peer " + id + " is not in network.json"));
    }

    private void checkValidatorKey(NodeSettings settings, String name) {
        try {
            ECKeyPair key = ValidatorKeyFile.read(settings.validatorKey(), name);
            Address address = Address.fromHex(Keys.getAddress(key));
            if (!address.equals(settings.address())) {
                add(name, "holds the key of " + address + ", not of the node's validator " + settings.address());
            }
            permissions(settings.validatorKey(), name);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
    }

    private void checkTls(NodeSettings settings, NetworkDescription.Node node, X509Certificate ca, String nodeDir) {
        String certName = nodeDir + TlsMaterial.CERTIFICATE_FILE;
        X509Certificate certificate = certificate(settings.tls().certificate(), certName);
        X509Certificate trusted = certificate(settings.tls().trustedCa(), nodeDir + TlsMaterial.CA_FILE);
        if (ca != null && trusted != null && !trusted.equals(ca)) {
            add(nodeDir + TlsMaterial.CA_FILE, "is not the network CA (" + NetworkLayout.CA_DIR + "/"
                    + NetworkLayout.CA_CERTIFICATE + ")");
        }
        if (certificate == null) {
            return;
        }
        if (!Certificates.sha256(certificate).equals(node.certificateSha256())) {
            add(certName, "its SHA-256 fingerprint is not the one network.json lists for " + node.id());
        }
        if (ca != null) {
            String chain = Certificates.chainProblem(certificate, ca, now);
            if (chain != null) {
                add(certName, chain);
            }
        }
        checkExtendedKeyUsage(certificate, certName);
        checkKey(settings.tls().privateKey(), nodeDir + TlsMaterial.PRIVATE_KEY_FILE, certificate);
    }

    private void checkExtendedKeyUsage(X509Certificate certificate, String name) {
        try {
            List<String> usage = certificate.getExtendedKeyUsage();
            if (usage == null || !usage.contains(SERVER_AUTH) || !usage.contains(CLIENT_AUTH)) {
                add(name, "needs extendedKeyUsage serverAuth and clientAuth (a peer is both in mutual TLS)");
            }
        } catch (CertificateException e) {
            add(name, "unreadable extendedKeyUsage: " + e.getMessage());
        }
    }

    private void checkKey(Path file, String name, X509Certificate certificate) {
        try {
            var key = Pem.parsePrivateKey(Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII));
            if (certificate != null && !Certificates.keyMatches(key, certificate)) {
                add(name, "is not the private key of its certificate");
            }
            permissions(file, name);
        } catch (IOException | CertificateException e) {
            add(name, "cannot be read as a PEM private key: " + e.getMessage());
        }
    }

    private X509Certificate certificate(Path file, String name) {
        try {
            return TlsMaterial.certificate(file);
        } catch (IOException | CertificateException e) {
            add(name, "cannot be read as a PEM certificate: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return null;
        }
    }

    private void permissions(Path file, String name) {
        try {
            String problem = ValidatorKeyFile.permissionProblem(file);
            if (problem != null) {
                add(name, problem);
            }
        } catch (IOException e) {
            add(name, "cannot read its permissions: " + e.getMessage());
        }
    }

    private void compare(String file, String path, Object actual, Object expected) {
        if (!actual.equals(expected)) {
            add(file + ": " + path, actual + " differs from network.json (" + expected + ")");
        }
    }

    private static Set<Address> difference(Set<Address> a, Set<Address> b) {
        Set<Address> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private void add(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private void addAll(String file, List<Problem> found) {
        found.forEach(p -> add(file + ": " + p.path(), p.message()));
    }
}
