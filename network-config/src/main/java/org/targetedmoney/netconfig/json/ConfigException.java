package org.targetedmoney.netconfig.json;

import java.util.List;

/**
 * A configuration file was refused. Carries every problem found, not only the first, so a person fixing a
 * file by hand needs one round trip, not one per mistake.
 */
public class ConfigException extends Exception {
    private final transient List<Problem> problems;

    public ConfigException(String what, List<Problem> problems) {
        super(describe(what, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String what, List<Problem> problems) {
        StringBuilder text = new StringBuilder(what).append(" refused, ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (Problem p : problems) {
            text.append(System.lineSeparator()).append("  ").append(p);
        }
        return text.toString();
    }
}
