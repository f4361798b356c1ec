package org.targetedmoney.netconfig.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.targetedmoney.netconfig.genesis.GenesisException;
import org.targetedmoney.netconfig.genesis.GenesisReader;
import org.targetedmoney.netconfig.json.Problem;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.EpochScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code network-config validate FILE}: checks a genesis file and prints every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a genesis file (format targeted-money-genesis/1, see GENESIS.md).",
                "Prints a summary and exits 0 if it is valid; prints every problem and exits 1 if not."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The genesis file to check.")
    private Path file;

    @Override
    public Integer call() {
        try {
            Genesis genesis = GenesisReader.read(file);
            spec.commandLine().getOut().println("genesis OK: " + summary(genesis));
            return 0;
        } catch (GenesisException e) {
            for (Problem problem : e.problems()) {
                spec.commandLine().getErr().println(problem);
            }
            spec.commandLine().getErr().println(file + ": genesis refused, " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
            return NetworkConfigCli.EXIT_REFUSED;
        }
    }

    /** One line describing a genesis: chain, counts (bodies and tariffs only if any) and epochs. */
    static String summary(Genesis genesis) {
        EpochScheme scheme = genesis.epochScheme();
        int first = scheme.epochAt(genesis.timestampSeconds());
        String epochs = scheme.kind() == EpochScheme.Kind.MONTH
                ? "monthly epochs from " + scheme.label(first) + " (epoch " + first + ")"
                : "epochs of " + scheme.fixedSeconds() + " s";
        return "chain " + genesis.chainId() + ", " + count(genesis.purposes().size(), "purpose") + ", "
                + count(genesis.territories().size(), "territory", "territories") + ", "
                + count(genesis.accounts().size(), "account") + ", "
                + count(genesis.validators().size(), "validator") + ", "
                + count(genesis.allowancePolicies().size(), "allowance policy", "allowance policies") + ", "
                + (genesis.bodies().isEmpty() ? "" : count(genesis.bodies().size(), "body", "bodies") + ", ")
                + (genesis.tariffs().isEmpty() ? "" : count(genesis.tariffs().size(), "tariff") + ", ") + epochs;
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
