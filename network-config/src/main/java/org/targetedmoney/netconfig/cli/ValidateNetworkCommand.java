package org.targetedmoney.netconfig.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.targetedmoney.netconfig.json.Problem;
import org.targetedmoney.netconfig.network.NetworkValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code network-config validate-network DIR}: checks a directory written by {@code network}. */
@Command(name = "validate-network", mixinStandardHelpOptions = true,
        description = {"Checks a network directory written by 'network': every certificate chains to the CA and is",
                "valid now, keys match certificates and addresses, genesis validators are the nodes' addresses,",
                "ports are unique and each node.json agrees with network.json. Exits 0 if sound; prints every",
                "problem and exits 1 if not."})
final class ValidateNetworkCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The network directory.")
    private Path dir;

    @Override
    public Integer call() {
        List<Problem> problems = NetworkValidator.check(dir, Instant.now());
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println("network OK: " + dir);
            return 0;
        }
        problems.forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().println(dir + ": network refused, " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
        return NetworkConfigCli.EXIT_REFUSED;
    }
}
