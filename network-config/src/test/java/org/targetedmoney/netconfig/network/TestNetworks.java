package org.targetedmoney.netconfig.network;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.targetedmoney.netconfig.network.NetworkGenerator.GenesisSource;

/** Networks generated for tests: the demo genesis of November 2026, loopback, default ports and validity. */
public final class TestNetworks {
    public static final Instant GENESIS_TIME = Instant.parse("2026-11-01T00:00:00Z");
    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private TestNetworks() {}

    public static NetworkGenerator.Options options(int validators) {
        return new NetworkGenerator.Options(validators, NetworkLayout.DEFAULT_HOST, NetworkLayout.DEFAULT_BASE_PORT,
                new GenesisSource.FromDemo(GENESIS_TIME), NetworkLayout.DEFAULT_VALID_DAYS, List.of(), List.of(),
                false);
    }

    public static NetworkGenerator.Network generate(int validators) {
        return NetworkGenerator.generate(options(validators), new SecureRandom(), NOW);
    }

    /** A network of {@code validators} nodes written to {@code dir}. */
    public static NetworkGenerator.Network write(int validators, Path dir) throws IOException {
        NetworkGenerator.Network network = generate(validators);
        NetworkGenerator.write(network, dir);
        return network;
    }
}
