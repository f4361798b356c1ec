package org.targetedmoney.netconfig.json;

import java.util.Objects;

/** One thing wrong with a configuration file: where (a JSON path such as {@code genesis.accounts[2].roles[0]}) and what. */
public record Problem(String path, String message) {
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
