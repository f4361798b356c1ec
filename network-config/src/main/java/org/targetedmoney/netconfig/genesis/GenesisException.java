package org.targetedmoney.netconfig.genesis;

import java.util.List;
import org.targetedmoney.netconfig.json.ConfigException;
import org.targetedmoney.netconfig.json.Problem;

/** A genesis file was refused; {@link #problems()} lists everything wrong with it, each with its JSON path. */
public final class GenesisException extends ConfigException {
    public GenesisException(List<Problem> problems) {
        super("genesis", problems);
    }
}
