package dev.gwellbridge.app;

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
    static final String SUPERVISOR_TOKEN = "SUPERVISOR_TOKEN";
    static final Path ADDON_DATA_DIR = Path.of("/data");
    static final Path LOCAL_DATA_DIR = Path.of("data");

    /** Usage lines for the two options, to append to a subcommand's usage text. */
    public static final String USAGE = "  --options FILE   add-on options JSON (default: <data dir>/options.json)\n"
            + "  --data-dir DIR   state directory (default: /data in the add-on, ./data elsewhere)";

    /** Reads {@code --data-dir} and {@code --options} from the arguments. */
    public static RuntimePaths resolve(Args args, Map<String, String> env) throws UsageException {
        Optional<String> dataArg = args.string("data-dir");
        if (dataArg.isPresent() && dataArg.get().isBlank()) {
            throw new UsageException("--data-dir needs a directory");
        }
        Path dataDir = dataArg.map(Path::of).orElseGet(() -> defaultDataDir(env));
        Optional<String> optionsArg = args.string("options");
        if (optionsArg.isPresent()) {
            Path file = Path.of(optionsArg.get());
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--options: no such file: " + file);
            }
            return new RuntimePaths(dataDir, file, true);
        }
        return new RuntimePaths(dataDir, dataDir.resolve("options.json"), false);
    }

    static Path defaultDataDir(Map<String, String> env) {
        String token = env.get(SUPERVISOR_TOKEN);
        return token != null && !token.isBlank() ? ADDON_DATA_DIR : LOCAL_DATA_DIR;
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
