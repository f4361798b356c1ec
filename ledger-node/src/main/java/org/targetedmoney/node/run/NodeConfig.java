package org.targetedmoney.node.run;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a node needs to start: its genesis, its data directory, where it listens, and the clock the
 * proposer stamps blocks with (the system clock; tests pass a controllable one).
 *
 * @param network null for a one-validator node (one Raft peer, plaintext on loopback, proposer = the
 *     genesis' first validator, writes open to all); else this node's place in a network of validators
 */
public record NodeConfig(Path genesisFile, Path dataDir, String host, int rpcPort, int raftPort, Clock clock,
                         NetworkMembership network) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_RPC_PORT = 8545;
    public static final int DEFAULT_RAFT_PORT = 9645;

    public NodeConfig {
        if (rpcPort < 0 || rpcPort > 65_535) {
            throw new IllegalArgumentException("--rpc-port must be 0..65535, got " + rpcPort);
        }
        if (raftPort < 0 || raftPort > 65_535) {
            throw new IllegalArgumentException("--raft-port must be 0..65535, got " + raftPort);
        }
    }

    /** A one-validator node. */
    public NodeConfig(Path genesisFile, Path dataDir, String host, int rpcPort, int raftPort, Clock clock) {
        this(genesisFile, dataDir, host, rpcPort, raftPort, clock, null);
    }

    /** A validator of a network: everything but the clock comes from its node.json. */
    public static NodeConfig of(NetworkMembership network, Clock clock) {
        var s = network.settings();
        return new NodeConfig(s.genesis(), s.dataDir(), s.host(), s.rpcPort(), s.raftPort(), clock, network);
    }

    public NodeConfig withClock(Clock c) {
        return new NodeConfig(genesisFile, dataDir, host, rpcPort, raftPort, c, network);
    }
}
