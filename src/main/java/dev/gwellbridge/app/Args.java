package dev.gwellbridge.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line arguments of one subcommand: {@code --name value}, {@code --name=value},
 * {@code --flag} and positional words.
 *
 * <p>Which names are flags (take no value) is declared by the caller, so {@code --out -} still reads
 * {@code -} as a value. Every accessor records the name it was asked for, and {@link
 * #rejectUnknown()} then refuses anything the subcommand never looked at.
 */
public final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> consumed = new HashSet<>();

    private Args() {}

    /** Parses {@code argv}; names in {@code flagNames} take no value. */
    public static Args parse(List<String> argv, Set<String> flagNames) throws UsageException {
        Args args = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String word = argv.get(i);
            if (!word.startsWith("--") || word.equals("--")) {
                args.positional.add(word);
                continue;
            }
            String name = word.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagNames.contains(name)) {
                if (inline != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                args.flags.add(name);
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= argv.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = argv.get(++i);
            }
            if (args.values.put(name, value) != null) {
                throw new UsageException("--" + name + " given twice");
            }
        }
        return args;
    }

    /** Whether the flag was given. */
    public boolean flag(String name) {
        consumed.add(name);
        return flags.contains(name);
    }

    /** The value of {@code --name}, if given. */
    public Optional<String> string(String name) {
        consumed.add(name);
        return Optional.ofNullable(values.get(name));
    }

    /** The value of {@code --name}, or a usage error saying it is required. */
    public String required(String name, String expected) throws UsageException {
        return string(name).orElseThrow(() -> new UsageException("--" + name + " is required (" + expected + ")"));
    }

    /** An integer option within {@code [min, max]}. */
    public Optional<Integer> integer(String name, int min, int max) throws UsageException {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            int v = Integer.parseInt(raw.get().trim());
            if (v < min || v > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + v);
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + raw.get() + "'");
        }
    }

    /** A decimal option within {@code [min, max]}. */
    public Optional<Double> decimal(String name, double min, double max) throws UsageException {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(raw.get().trim());
            if (!(v >= min && v <= max)) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", got " + v);
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + raw.get() + "'");
        }
    }

    /** A path option. */
    public Optional<Path> path(String name) {
        return string(name).map(Path::of);
    }

    /** Positional words, in order. */
    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Refuses options the subcommand did not ask for, and positional words. */
    public void rejectUnknown() throws UsageException {
        for (String name : values.keySet()) {
            if (!consumed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
        for (String name : flags) {
            if (!consumed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "'");
        }
    }
}
