package org.targetedmoney.netconfig.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.StrictJson;
import org.targetedmoney.policy.genesis.Genesis;

/**
 * Reads a genesis file ({@code targeted-money-genesis/1}, documented in {@code network-config/GENESIS.md}).
 * Either the whole file is valid and a {@link Genesis} comes back, or a {@link GenesisException} lists every
 * problem with its JSON path. Thread-safe (no state).
 */
public final class GenesisReader {
    private GenesisReader() {}

    /** Reads and checks {@code file} (UTF-8, at most {@link GenesisLimits#MAX_FILE_BYTES}). */
    public static Genesis read(Path file) throws GenesisException {
        return parse(text(file));
    }

    /** Checks {@code json}, the text of a genesis file. */
    public static Genesis parse(String json) throws GenesisException {
        JsonNode root;
        try {
            root = StrictJson.parse(json, GenesisLimits.MAX_FILE_BYTES, GenesisParser.ROOT);
        } catch (ConfigException e) {
            throw new GenesisException(e.problems());
        }
        return new GenesisParser().parse(root);
    }

    private static String text(Path file) throws GenesisException {
        try {
            return StrictJson.readText(file, GenesisLimits.MAX_FILE_BYTES, GenesisParser.ROOT);
        } catch (ConfigException e) {
            throw new GenesisException(e.problems());
        }
    }
}
