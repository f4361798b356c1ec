package org.targetedmoney.node.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.EpochScheme;
import org.targetedmoney.policy.model.Role;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;

/**
 * Keys and a genesis for tests that run real nodes: an authority, a registrar, a committee for
 * FR-OCC-34, members and providers, with fixed private keys so failures are reproducible.
 */
public final class TestNetwork {
    public static final long CHAIN_ID = 31_337;
    /** 2026-11-01T00:00:00Z, the start of epoch 682. */
    public static final long GENESIS_TIME = 1_793_491_200L;
    public static final int EPOCH = 682;
    public static final int HEALTH = 1;
    public static final int FOOD = 2;

    public static final Credentials AUTHORITY = key(1);
    public static final Credentials REGISTRAR = key(2);
    public static final Credentials COMMITTEE = key(3);
    public static final Credentials VALIDATOR = key(4);
    public static final Credentials ALICE = key(10);
    public static final Credentials BOB = key(11);
    public static final Credentials SHOP = key(20);
    public static final Credentials PHARMACY = key(21);

    private TestNetwork() {}

    static Credentials key(int n) {
        return Credentials.create(ECKeyPair.create(java.math.BigInteger.valueOf(1_000_003L * n + 7)));
    }

    public static Address address(Credentials c) {
        return Address.fromHex(c.getAddress());
    }

    public static Genesis genesis() {
        return new Genesis(CHAIN_ID, GENESIS_TIME, EpochScheme.monthly(GENESIS_TIME),
                List.of(new Genesis.PurposeSpec("HEALTH", "Health"), new Genesis.PurposeSpec("FOOD", "Food")),
                List.of("FR", "FR-OCC", "FR-OCC-34", "FR-OCC-34-172", "FR-IDF", "FR-IDF-75"),
                List.of(new Genesis.AccountSpec(address(AUTHORITY), List.of(Role.AUTHORITY), null, "authority"),
                        new Genesis.AccountSpec(address(REGISTRAR), List.of(Role.REGISTRAR), null, "registrar"),
                        new Genesis.AccountSpec(address(COMMITTEE), List.of(Role.COMMITTEE), "FR-OCC-34", "committee"),
                        new Genesis.AccountSpec(address(VALIDATOR), List.of(Role.VALIDATOR), null, "validator")),
                List.of(new Genesis.AllowanceSpec("FOOD", List.of(15_000L, 25_000L, 32_000L), 3, EPOCH)),
                List.of(address(VALIDATOR)));
    }

    /** Writes the genesis file and returns the config of a node in {@code dir} on free loopback ports. */
    public static NodeConfig config(Path dir, Clock clock) throws IOException {
        Path genesisFile = dir.resolve("genesis.json");
        if (!genesisFile.toFile().exists()) {
            GenesisWriter.write(genesis(), genesisFile);
        }
        return new NodeConfig(genesisFile, dir.resolve("data"), "127.0.0.1", freePort(), freePort(), clock);
    }

    /** A clock in the middle of the genesis month, so the first epoch can be opened. */
    public static Clock midGenesisMonth() {
        return Clock.fixed(Instant.ofEpochSecond(GENESIS_TIME + 10 * 86_400), ZoneOffset.UTC);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
