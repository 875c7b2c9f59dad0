package dev.gwellbridge.app;

import dev.gwellbridge.config.DataDir;
import dev.gwellbridge.config.LoadedOptions;
import dev.gwellbridge.config.OptionsLoader;
import dev.gwellbridge.config.OptionsProblem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a subcommand keeps its state and reads its options: {@code --data-dir DIR} (default {@code
 * /data} inside the add-on, recognised by {@code SUPERVISOR_TOKEN} in the environment, else {@code
 * ./data}) and {@code --options FILE} (default {@code <data dir>/options.json}, the add-on's layout).
 *
 * @param optionsGiven whether {@code --options} named the file explicitly
 */
public record RuntimePaths(Path dataDir, Path optionsFile, boolean optionsGiven) {
    /** Usage lines for the two options, to append to a subcommand's usage text. */
    public static final String USAGE = "  --options FILE   add-on options JSON (default: <data dir>/options.json)\n"
            + "  --data-dir DIR   state directory (default: /data in the add-on, ./data elsewhere)";

    /** Reads {@code --data-dir} and {@code --options} from the arguments. */
    public static RuntimePaths resolve(Args args, Map<String, String> env) throws UsageException {
        Optional<String> dataArg = args.string("data-dir");
        if (dataArg.isPresent() && dataArg.get().isBlank()) {
            throw new UsageException("--data-dir needs a directory");
        }
        Path dataDir = DataDir.resolve(dataArg.map(Path::of), env).root();
        Optional<String> optionsArg = args.string("options");
        if (optionsArg.isPresent()) {
            Path file = Path.of(optionsArg.get());
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--options: no such file: " + file);
            }
            return new RuntimePaths(dataDir, file, true);
        }
        return new RuntimePaths(dataDir, dataDir.resolve(DataDir.OPTIONS), false);
    }

    /** Loads the options, printing each problem (the field and what was expected) to {@code err}. */
    public LoadedOptions loadOptions(PrintStream err) {
        LoadedOptions loaded = OptionsLoader.load(optionsFile);
        for (OptionsProblem p : loaded.problems()) {
            err.println("options: " + p.message());
        }
        return loaded;
    }
}
