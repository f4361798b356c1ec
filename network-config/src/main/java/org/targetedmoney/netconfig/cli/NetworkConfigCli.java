package org.targetedmoney.netconfig.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point of the {@code network-config} tool. */
@Command(name = "network-config", mixinStandardHelpOptions = true,
        versionProvider = NetworkConfigCli.Version.class,
        description = "Genesis files, demo networks and N-validator networks of the targeted-money ledger.",
        subcommands = {DemoCommand.class, ValidateCommand.class, NetworkCommand.class, ValidateNetworkCommand.class,
                CommandLine.HelpCommand.class})
public final class NetworkConfigCli implements Runnable {
    /** Exit code of a command whose input was refused (a usage error is {@link CommandLine.ExitCode#USAGE}, 2). */
    public static final int EXIT_REFUSED = 1;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (demo, validate, network or validate-network)");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the tool with these streams and returns its exit code (tests call this instead of main). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new NetworkConfigCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(NetworkConfigCli::oneLineUsageError);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A usage error is one line naming the option; the full usage would bury it. */
    private static int oneLineUsageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see --help)");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The version from the jar manifest (absent when run from classes, e.g. in tests). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NetworkConfigCli.class.getPackage().getImplementationVersion();
            return new String[] {"network-config " + (version == null ? "(development build)" : version)};
        }
    }
}
