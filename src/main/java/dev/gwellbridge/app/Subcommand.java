package dev.gwellbridge.app;

import java.util.Set;

/** One verb of the command line ({@code run}, {@code probe}, ...). */
public interface Subcommand {

    /** The word typed on the command line. */
    String name();

    /** One line for {@code --help}. */
    String summary();

    /** Usage text shown by {@code <name> --help}; the first line is the synopsis. */
    String usage();

    /** Options that take no value (e.g. {@code allow-loopback}). */
    default Set<String> flagNames() {
        return Set.of();
    }

    /**
     * Runs the verb.
     *
     * @return the process exit code
     * @throws UsageException when the arguments are wrong; the message names the offending option
     */
    int run(Args args) throws Exception;
}
