package dev.gwellbridge.app;

import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.CredentialSource;
import dev.gwellbridge.cloud.WyzeCloud;
import dev.gwellbridge.config.WyzeOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** {@code cameras}: lists the Wyze account's GWell cameras as a table, or says why it cannot. */
final class CamerasCommand implements Subcommand {
    private static final List<String> HEADER = List.of("NAME", "MODEL", "DEVICE ID", "ONLINE", "FIRMWARE");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final BiFunction<WyzeOptions, Path, CredentialSource> cloud;

    CamerasCommand(
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            BiFunction<WyzeOptions, Path, CredentialSource> cloud) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.cloud = cloud;
    }

    /** The production wiring: the real Wyze cloud, the process environment. */
    static CamerasCommand standard() {
        return new CamerasCommand(System.out, System.err, System.getenv(), WyzeCloud::create);
    }

    @Override
    public String name() {
        return "cameras";
    }

    @Override
    public String summary() {
        return "list the Wyze account's GWell cameras";
    }

    @Override
    public String usage() {
        return "cameras [--options FILE] [--data-dir DIR]\n\n"
                + "Signs in to Wyze with the account in the options (or saved on the page) and prints the\n"
                + "account's GWell cameras. Exit code 1 with a reason code when the cloud refuses.\n\n"
                + RuntimePaths.USAGE;
    }

    @Override
    public int run(Args args) throws UsageException {
        RuntimePaths paths = RuntimePaths.resolve(args, env);
        args.rejectUnknown();
        WyzeOptions wyze = paths.loadOptions(err).options().wyze();
        List<CameraInfo> cameras;
        try {
            cameras = cloud.apply(wyze, paths.dataDir()).cameras(false);
        } catch (CredentialException e) {
            err.println("gwell-bridge cameras: " + e.code() + ": " + e.getMessage());
            return 1;
        }
        if (cameras.isEmpty()) {
            out.println("No GWell cameras on this Wyze account.");
            return 0;
        }
        out.print(table(cameras));
        return 0;
    }

    static String table(List<CameraInfo> cameras) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CameraInfo c : cameras) {
            rows.add(List.of(
                    c.name(),
                    c.modelName(),
                    c.id().deviceId(),
                    c.cloudOnline() ? "yes" : "no",
                    c.firmware().isEmpty() ? "-" : c.firmware()));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + width[i] + "s", row.get(i)));
                if (i < row.size() - 1) {
                    line.append("  ");
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
