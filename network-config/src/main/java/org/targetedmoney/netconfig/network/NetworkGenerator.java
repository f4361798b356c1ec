package org.targetedmoney.netconfig.network;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.demo.Programmes;
import org.targetedmoney.netconfig.network.NodeSettings.Allowlist;
import org.targetedmoney.netconfig.network.NodeSettings.TlsFiles;
import org.targetedmoney.netconfig.tls.CertificateAuthority;
import org.targetedmoney.netconfig.tls.CertificateAuthority.Issued;
import org.targetedmoney.netconfig.tls.Certificates;
import org.targetedmoney.netconfig.tls.TlsMaterial;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.Address;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Generates a network of N validators into a new directory (layout in docs/NETWORK.md): random keys (the given
 * SecureRandom), a network CA and one TLS certificate per node, the genesis, network.json and each node's
 * node.json. The layout and ports are deterministic; nothing secret is returned except inside {@link Network}'s
 * key objects, whose {@code toString} hide them.
 */
public final class NetworkGenerator {
    /** Certificates start this long before "now", so a peer whose clock is a little behind accepts them. */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);

    /** Where the genesis comes from. */
    public sealed interface GenesisSource {
        /** The demo genesis (programme {@code all}, chain 1337) with random keys for its accounts. */
        record FromDemo(Instant timestamp) implements GenesisSource {
            public FromDemo {
                Objects.requireNonNull(timestamp, "timestamp");
            }
        }

        /** A genesis someone wrote; its validators are replaced by the network's. */
        record Template(Genesis genesis) implements GenesisSource {
            public Template {
                Objects.requireNonNull(genesis, "genesis");
            }
        }
    }

    /**
     * What to generate.
     *
     * @param allowedAccounts accounts allowed to write besides every genesis account (ignored if anyAccount)
     */
    public record Options(int validators, String host, int basePort, GenesisSource genesis, int validDays,
                          List<Cidr> allowedHosts, List<Address> allowedAccounts, boolean anyAccount) {
        public Options {
            check(validators, NetworkLayout.MIN_VALIDATORS, NetworkLayout.MAX_VALIDATORS, "validators");
            check(basePort, NetworkLayout.MIN_BASE_PORT, NetworkLayout.MAX_BASE_PORT, "basePort");
            check(validDays, NetworkLayout.MIN_VALID_DAYS, NetworkLayout.MAX_VALID_DAYS, "validDays");
            if (host == null || !NetworkFields.isHost(host)) {
                throw new IllegalArgumentException("not a host (an IP address or a DNS name): " + host);
            }
            Objects.requireNonNull(genesis, "genesis");
            allowedHosts = List.copyOf(allowedHosts);
            allowedAccounts = List.copyOf(allowedAccounts);
        }

        private static void check(int value, int min, int max, String name) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", got " + value);
            }
        }
    }

    /** One generated node: its settings and its secrets (whose toString are hidden). */
    public record GeneratedNode(NodeSettings settings, ECKeyPair validatorKey, Issued tls) {
        @Override
        public String toString() {
            return "GeneratedNode[" + settings.nodeId() + ", " + settings.address() + ", keys=<hidden>]";
        }
    }

    /** A generated network, before it is written. */
    public record Network(Genesis genesis, DemoKeys demoKeys, Issued ca, List<GeneratedNode> nodes,
                          NetworkDescription description) {
        public Network {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String toString() {
            return "Network[" + description + ", keys=<hidden>]";
        }
    }

    /** A file written and what it is (never what it holds when that is secret). */
    public record Written(Path path, String description) {
        Written movedTo(Path from, Path to) {
            return new Written(to.resolve(from.relativize(path)), description);
        }
    }

    private NetworkGenerator() {}

    /** Generates a network in memory; {@link #write} puts it on disk. */
    public static Network generate(Options options, SecureRandom random, Instant now) {
        List<ECKeyPair> validatorKeys = new ArrayList<>();
        for (int i = 0; i < options.validators(); i++) {
            validatorKeys.add(newValidatorKey(random));
        }
        List<Address> validators = validatorKeys.stream().map(k -> Address.fromHex(Keys.getAddress(k))).toList();
        DemoKeys demoKeys = null;
        Genesis template;
        if (options.genesis() instanceof GenesisSource.FromDemo demo) {
            DemoNetwork.Demo made = DemoNetwork.generate(Programmes.ALL,
                    new DemoNetwork.Options(DemoNetwork.DEFAULT_CHAIN_ID, demo.timestamp(), null, null));
            template = made.genesis();
            // The demo's validator-1 is replaced by the network's validators, whose keys are in node-i/.
            demoKeys = new DemoKeys(made.keys().chainId(), made.keys().accounts().stream()
                    .filter(a -> a.kind() != DemoKeys.Kind.VALIDATOR).toList());
        } else {
            template = ((GenesisSource.Template) options.genesis()).genesis();
        }
        Genesis genesis = NetworkGenesis.withValidators(template, validators);

        Instant notBefore = now.minus(CLOCK_SKEW);
        Instant notAfter = now.plus(Duration.ofDays(options.validDays()));
        CertificateAuthority ca = CertificateAuthority.create("targeted-money network CA (chain "
                + genesis.chainId() + ")", notBefore, notAfter, random);
        List<Issued> certificates = new ArrayList<>();
        List<NetworkDescription.Node> described = new ArrayList<>();
        for (int i = 1; i <= options.validators(); i++) {
            String id = NetworkLayout.nodeId(i);
            Issued issued = ca.issueNode(id, options.host(), notBefore, notAfter);
            certificates.add(issued);
            described.add(new NetworkDescription.Node(id, validators.get(i - 1), options.host(),
                    NetworkLayout.raftPort(options.basePort(), i), NetworkLayout.rpcPort(options.basePort(), i),
                    Certificates.sha256(issued.certificate())));
        }
        NetworkDescription description = new NetworkDescription(described);
        Allowlist allowlist = allowlist(options, genesis);
        List<GeneratedNode> nodes = new ArrayList<>();
        for (int i = 0; i < options.validators(); i++) {
            nodes.add(new GeneratedNode(settings(description, i, allowlist), validatorKeys.get(i), certificates.get(i)));
        }
        return new Network(genesis, demoKeys, ca.ca(), nodes, description);
    }

    /** The settings of node {@code index} (0-based), with paths relative to its directory. */
    private static NodeSettings settings(NetworkDescription description, int index, Allowlist allowlist) {
        NetworkDescription.Node self = description.nodes().get(index);
        List<NodeSettings.Peer> peers = description.nodes().stream().filter(n -> n != self)
                .map(NetworkDescription.Node::asPeer).toList();
        return new NodeSettings(self.id(), self.address(), Path.of("..", NetworkLayout.GENESIS),
                Path.of(NetworkLayout.DATA_DIR), self.host(), self.rpcPort(), self.raftPort(),
                Path.of(NetworkLayout.VALIDATOR_KEY), new TlsFiles(Path.of(TlsMaterial.CERTIFICATE_FILE),
                        Path.of(TlsMaterial.PRIVATE_KEY_FILE), Path.of(TlsMaterial.CA_FILE)), peers, allowlist);
    }

    /** Loopback (or the given blocks); every genesis account plus the extra ones, unless any account may write. */
    private static Allowlist allowlist(Options options, Genesis genesis) {
        List<Cidr> hosts = options.allowedHosts().isEmpty() ? List.of(Cidr.LOOPBACK_V4, Cidr.LOOPBACK_V6)
                : options.allowedHosts();
        if (options.anyAccount()) {
            return new Allowlist(hosts, true, List.of());
        }
        Set<Address> accounts = new LinkedHashSet<>();
        genesis.accounts().forEach(a -> accounts.add(a.address()));
        accounts.addAll(options.allowedAccounts());
        return new Allowlist(hosts, false, List.copyOf(accounts));
    }

    private static ECKeyPair newValidatorKey(SecureRandom random) {
        try {
            return Keys.createEcKeyPair(random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secp256k1 key generation is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code network} into {@code out}, which must be absent or empty. Everything is written into a private
     * temporary directory next to it and renamed into place, so a failed run leaves no half-written network.
     *
     * @return the files written, each with what it is, in a fixed order
     * @throws DirectoryNotEmptyException if {@code out} exists and is not empty (it may hold a network's keys)
     */
    public static List<Written> write(Network network, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new DirectoryNotEmptyException(target.toString());
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
        try {
            List<Written> written = NetworkWriter.write(network, temp);
            Files.deleteIfExists(target); // an empty directory: the rename below puts the network there
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return written.stream().map(w -> w.movedTo(temp, target)).toList();
        } finally {
            deleteTree(temp);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
