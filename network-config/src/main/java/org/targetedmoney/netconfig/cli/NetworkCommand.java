package org.targetedmoney.netconfig.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.genesis.GenesisException;
import org.targetedmoney.netconfig.genesis.GenesisReader;
import org.targetedmoney.netconfig.network.Cidr;
import org.targetedmoney.netconfig.network.NetworkDescription;
import org.targetedmoney.netconfig.network.NetworkGenerator;
import org.targetedmoney.netconfig.network.NetworkGenerator.GenesisSource;
import org.targetedmoney.netconfig.network.NetworkLayout;
import org.targetedmoney.policy.model.Address;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code network-config network}: writes the keys, certificates, genesis and settings of an N-validator network. */
@Command(name = "network", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a network of N validators into DIR (which must be absent or empty):",
                "  ca/ca.crt, ca/ca.key (0600; needed only to add nodes later: keep it offline),",
                "  node-i/validator.key (0600, secp256k1), node.crt, node.key (0600, EC P-256), ca.crt, node.json,",
                "  genesis.json, network.json, and demo-keys.json (0600) with --from-demo.",
                "Node i listens for JSON-RPC on BASE+i-1 and for Raft on BASE+" + NetworkLayout.RAFT_OFFSET
                        + "+i-1. Keys are random; none is ever printed. See docs/NETWORK.md."})
final class NetworkCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--validators", required = true, paramLabel = "N",
            description = "Number of validators, " + NetworkLayout.MIN_VALIDATORS + " to " + NetworkLayout.MAX_VALIDATORS
                    + ".")
    private int validators;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (absent or empty).")
    private Path out;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = NetworkLayout.DEFAULT_HOST,
            description = "Host every node listens on and peers dial (an IP address or a DNS name; default:"
                    + " ${DEFAULT-VALUE}); in each certificate's SAN with DNS localhost.")
    private String host;

    @Option(names = "--base-port", paramLabel = "P", defaultValue = "" + NetworkLayout.DEFAULT_BASE_PORT,
            description = "First JSON-RPC port, " + NetworkLayout.MIN_BASE_PORT + " to " + NetworkLayout.MAX_BASE_PORT
                    + " (default: ${DEFAULT-VALUE}).")
    private int basePort;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    @Option(names = "--valid-days", paramLabel = "D", defaultValue = "" + NetworkLayout.DEFAULT_VALID_DAYS,
            description = "Validity of the certificates in days, " + NetworkLayout.MIN_VALID_DAYS + " to "
                    + NetworkLayout.MAX_VALID_DAYS + " (default: ${DEFAULT-VALUE}).")
    private int validDays;

    @Option(names = "--allow-host", paramLabel = "CIDR", converter = CidrConverter.class,
            description = "A block of client addresses allowed to call write methods (repeatable; default: loopback,"
                    + " 127.0.0.0/8 and ::1/128).")
    private List<Cidr> allowedHosts = new ArrayList<>();

    @Option(names = "--allow-account", paramLabel = "ADDRESS", converter = AddressConverter.class,
            description = "An account allowed to send transactions besides the genesis accounts (repeatable).")
    private List<Address> allowedAccounts = new ArrayList<>();

    @Option(names = "--allow-any-account",
            description = "Any account may send transactions (the ledger's roles and enrolments still apply).")
    private boolean anyAccount;

    /** Exactly one genesis source: a production network must not start from the demo's by accident. */
    static final class Source {
        @Option(names = "--from-demo", required = true,
                description = "Start from the demo genesis (bin/demo's), with random keys for its accounts.")
        boolean fromDemo;

        @Option(names = "--genesis-template", required = true, paramLabel = "FILE",
                description = "Start from this genesis; its validators are replaced by the network's.")
        Path template;
    }

    @Override
    public Integer call() throws IOException {
        checkRanges();
        PrintWriter err = spec.commandLine().getErr();
        if (anyAccount && !allowedAccounts.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--allow-account and --allow-any-account exclude each other");
        }
        GenesisSource genesisSource;
        if (source.template != null) {
            try {
                genesisSource = new GenesisSource.Template(GenesisReader.read(source.template));
            } catch (GenesisException e) {
                e.problems().forEach(err::println);
                err.println("network: genesis template " + source.template + " refused");
                return NetworkConfigCli.EXIT_REFUSED;
            }
        } else {
            genesisSource = new GenesisSource.FromDemo(DemoNetwork.startOfMonthUtc(Clock.systemUTC()));
        }
        NetworkGenerator.Options options = new NetworkGenerator.Options(validators, host, basePort, genesisSource,
                validDays, allowedHosts, allowedAccounts, anyAccount);
        NetworkGenerator.Network network;
        try {
            network = NetworkGenerator.generate(options, new SecureRandom(), Instant.now());
        } catch (IllegalArgumentException e) {
            err.println("network: " + e.getMessage());
            return NetworkConfigCli.EXIT_REFUSED;
        }
        List<NetworkGenerator.Written> written;
        try {
            written = NetworkGenerator.write(network, out);
        } catch (DirectoryNotEmptyException e) {
            err.println("network: " + e.getFile() + " is not empty; choose a new directory (it may hold a network's"
                    + " keys, so it is never overwritten)");
            return NetworkConfigCli.EXIT_REFUSED;
        }
        report(network, written);
        return 0;
    }

    private void report(NetworkGenerator.Network network, List<NetworkGenerator.Written> written) {
        PrintWriter console = spec.commandLine().getOut();
        for (NetworkGenerator.Written file : written) {
            console.println("wrote " + file.path() + ": " + file.description());
        }
        console.println("network of " + network.nodes().size() + " validators, chain " + network.genesis().chainId()
                + ":");
        for (NetworkDescription.Node node : network.description().nodes()) {
            console.printf("  %-8s %s  rpc %s:%d  raft %s:%d  cert sha256 %s%n", node.id(), node.address(),
                    node.host(), node.rpcPort(), node.host(), node.raftPort(), node.certificateSha256());
        }
        console.println("check it with: bin/ledger config validate-network " + out);
    }

    private void checkRanges() {
        range("--validators", validators, NetworkLayout.MIN_VALIDATORS, NetworkLayout.MAX_VALIDATORS);
        range("--base-port", basePort, NetworkLayout.MIN_BASE_PORT, NetworkLayout.MAX_BASE_PORT);
        range("--valid-days", validDays, NetworkLayout.MIN_VALID_DAYS, NetworkLayout.MAX_VALID_DAYS);
        if (!NetworkLayout.isHost(host)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--host': '" + host
                    + "' is not an IP address or a DNS name");
        }
    }

    private void range(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + value
                    + " is out of range (expected " + min + " to " + max + ")");
        }
    }

    /** A CIDR block; the message says what is wrong. */
    static final class CidrConverter implements ITypeConverter<Cidr> {
        @Override
        public Cidr convert(String value) {
            return Cidr.parse(value).orElseThrow(() -> new TypeConversionException("'" + value
                    + "' is not a CIDR block: " + Cidr.problem(value)));
        }
    }

    /** An account address, 0x and 40 hex digits. */
    static final class AddressConverter implements ITypeConverter<Address> {
        @Override
        public Address convert(String value) {
            if (!value.matches("0x[0-9a-fA-F]{40}")) {
                throw new TypeConversionException("'" + value + "' is not an address (0x and 40 hex digits)");
            }
            return Address.fromHex(value);
        }
    }
}
