package org.targetedmoney.netconfig.network;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The directory layout, port plan and limits of a generated network, named once so the generator, the readers,
 * the validator and docs/NETWORK.md agree.
 */
public final class NetworkLayout {
    public static final int MIN_VALIDATORS = 3;
    public static final int MAX_VALIDATORS = 7;

    public static final String CA_DIR = "ca";
    public static final String CA_CERTIFICATE = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String GENESIS = "genesis.json";
    public static final String NETWORK = "network.json";
    public static final String DEMO_KEYS = "demo-keys.json";
    public static final String NODE_SETTINGS = "node.json";
    public static final String VALIDATOR_KEY = "validator.key";
    public static final String DATA_DIR = "data";

    /** Node ids are {@code node-1} to {@code node-N}; each node's directory has its id as its name. */
    public static final String NODE_PREFIX = "node-";
    public static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /** Node i listens for JSON-RPC on base + i - 1 and for Raft on base + RAFT_OFFSET + i - 1. */
    public static final int DEFAULT_BASE_PORT = 8545;
    public static final int RAFT_OFFSET = 100;
    /** Below 1024 a port needs privileges; above this the last node's Raft port would pass 65535. */
    public static final int MIN_BASE_PORT = 1024;
    public static final int MAX_BASE_PORT = 65_535 - RAFT_OFFSET - (MAX_VALIDATORS - 1);

    public static final int MIN_VALID_DAYS = 1;
    public static final int DEFAULT_VALID_DAYS = 365;
    /** Ten years: a longer-lived key is a liability, and the CA can issue new certificates. */
    public static final int MAX_VALID_DAYS = 3_650;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long MAX_JSON_BYTES = 1024 * 1024;

    private NetworkLayout() {}

    /** True if {@code host} is an IPv4 or IPv6 literal or a DNS name (never resolved). */
    public static boolean isHost(String host) {
        return NetworkFields.isHost(host);
    }

    /** The id of node {@code index} (1-based). */
    public static String nodeId(int index) {
        return NODE_PREFIX + index;
    }

    /** The genesis label of the validator account of node {@code index}, as the demo's {@code validator-1}. */
    public static String validatorLabel(int index) {
        return "validator-" + index;
    }

    public static int rpcPort(int basePort, int index) {
        return basePort + index - 1;
    }

    public static int raftPort(int basePort, int index) {
        return basePort + RAFT_OFFSET + index - 1;
    }

    /** The directory of node {@code nodeId} in a network directory. */
    public static Path nodeDir(Path networkDir, String nodeId) {
        return networkDir.resolve(nodeId);
    }
}
