package org.targetedmoney.bench.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ContributionLoadTest {
    private static ContributionLoad parsed(String... args) {
        ContributionLoad load = new ContributionLoad();
        new CommandLine(load).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        return load;
    }

    @Test
    void problem_defaultsAndOpenLoop_none() {
        assertThat(parsed().problem()).isNull();
        assertThat(parsed("--kind", "public", "--rate", "500", "--requests", "1000").problem()).isNull();
    }

    @Test
    void problem_outOfRange_namesTheOption() {
        assertThat(parsed("--requests", "0").problem()).contains("--requests");
        assertThat(parsed("--clients", "1001").problem()).contains("--clients");
        assertThat(parsed("--rate", "0").problem()).contains("--rate");
        assertThat(parsed("--duration", "0").problem()).contains("--duration");
        assertThat(parsed("--requests", "10", "--warmup", "0", "--replays", "11").problem()).contains("--replays");
    }

    @Test
    void execute_badArguments_exitsWith2WithoutStartingAnything() {
        assertThat(new CommandLine(new ContributionLoad()).execute("--requests", "0")).isEqualTo(2);
    }
}
