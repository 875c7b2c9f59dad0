package dev.gwellbridge.config;

import java.util.List;

/**
 * Options as read: the usable values (defaults where a field was invalid) and the problems found.
 * The bridge keeps running with problems and shows them on the page instead of crash-looping.
 */
public record LoadedOptions(Options options, List<OptionsProblem> problems) {

    public LoadedOptions {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
