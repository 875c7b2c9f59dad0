package dev.gwellbridge.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The single entry point of {@code gwell-bridge.jar}: dispatches to a {@link Subcommand}.
 *
 * <p>Exit codes: 0 success, 1 failure at run time, 2 usage error.
 */
public final class Main {
    private final List<Subcommand> commands;
    private final PrintStream out;
    private final PrintStream err;

    Main(List<Subcommand> commands, PrintStream out, PrintStream err) {
        this.commands = List.copyOf(commands);
        this.out = out;
        this.err = err;
    }

    /** The subcommands this build offers, in the order {@code --help} lists them. */
    static List<Subcommand> builtIn() {
        return List.of(
                new RunCommand(new SessionConnectors(), System.getenv(), System.err),
                DemoCommand.standard(),
                CamerasCommand.standard(),
                new BenchCommand(System.out, System::nanoTime),
                SimulateCommand.standard(),
                ProbeCommand.standard());
    }

    public static void main(String[] argv) {
        int code = new Main(builtIn(), System.out, System.err).execute(Arrays.asList(argv));
        System.exit(code);
    }

    int execute(List<String> argv) {
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h")) {
            out.print(help());
            return 0;
        }
        if (argv.get(0).equals("--version")) {
            out.println("gwell-bridge " + Version.get());
            return 0;
        }
        String verb = argv.get(0);
        Optional<Subcommand> command =
                commands.stream().filter(c -> c.name().equals(verb)).findFirst();
        if (command.isEmpty()) {
            err.println("gwell-bridge: unknown command '" + verb + "' (see --help)");
            return 2;
        }
        List<String> rest = argv.subList(1, argv.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.get().usage());
            return 0;
        }
        try {
            return command.get().run(Args.parse(rest, command.get().flagNames()));
        } catch (UsageException e) {
            err.println("gwell-bridge " + verb + ": " + e.getMessage());
            err.println("usage: " + command.get().usage().lines().findFirst().orElse(""));
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("gwell-bridge " + verb + ": interrupted");
            return 1;
        } catch (Exception e) {
            err.println("gwell-bridge " + verb + ": " + e.getMessage());
            return 1;
        }
    }

    String help() {
        StringBuilder b = new StringBuilder();
        b.append("gwell-bridge ").append(Version.get()).append(" - local streams for Wyze GWell cameras\n\n");
        b.append("usage: java -jar gwell-bridge.jar <command> [options]\n\n");
        if (!commands.isEmpty()) {
            b.append("commands:\n");
            for (Subcommand c : commands) {
                b.append(String.format("  %-10s %s%n", c.name(), c.summary()));
            }
            b.append('\n');
        }
        b.append("options:\n");
        b.append("  --help     show this help (or a command's help: <command> --help)\n");
        b.append("  --version  print the version\n");
        return b.toString();
    }
}
