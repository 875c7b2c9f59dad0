package dev.gwellbridge.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The folder that keeps the bridge's state across restarts, and the names of the files in it.
 *
 * <p>Inside the add-on this is {@code /data} (backed up by Home Assistant; {@code config.yaml}'s
 * {@code backup_exclude} leaves out {@link #HLS} and snapshots). Elsewhere it is {@code ./data}
 * unless {@code --data-dir} says otherwise. Every layer takes its file names from the constants
 * here so that no two layers pick different names for the same thing, and writes them with {@link
 * AtomicFile}.
 */
public final class DataDir {
    /** The add-on's persistent folder. */
    public static final Path ADDON_ROOT = Path.of("/data");

    /** The folder used outside the add-on, relative to the working directory. */
    public static final Path LOCAL_ROOT = Path.of("data");

    /** Set by the Supervisor in every add-on container. */
    public static final String SUPERVISOR_TOKEN_ENV = "SUPERVISOR_TOKEN";

    /** The add-on options the Supervisor writes. */
    public static final String OPTIONS = "options.json";

    /** A random UUID identifying this installation; see {@link InstallId}. */
    public static final String INSTALL_ID = "install_id";

    /** Per-camera desired state (stream switch, quality) and the frozen topic/path slugs. */
    public static final String CAMERAS = "cameras.json";

    /** Cloud session: access/refresh tokens, phone id, per-device P2P credentials. Secret. */
    public static final String CLOUD_STATE = "cloud-state.json";

    /** Account credentials entered on the page (options win when both are set). Secret. */
    public static final String ACCOUNT = "wyze-account.json";

    /** Discovery device ids published to Home Assistant, for stale-entity cleanup. */
    public static final String HA_DEVICES = "mqtt-devices.json";

    /** Folder of the bridge's own HLS output, one sub-folder per camera slug. */
    public static final String HLS = "hls";

    /** Folder of the latest JPEG snapshot per camera. */
    public static final String SNAPSHOTS = "snapshots";

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;

    private DataDir(Path root) {
        this.root = root;
    }

    /**
     * Where the state lives: {@code explicit} when given (the {@code --data-dir} option), else
     * {@link #ADDON_ROOT} when running under the Supervisor, else {@link #LOCAL_ROOT}. Creates
     * nothing; see {@link #open()}.
     */
    public static DataDir resolve(Optional<Path> explicit, Map<String, String> env) {
        if (explicit.isPresent()) {
            return new DataDir(explicit.get());
        }
        String token = env.get(SUPERVISOR_TOKEN_ENV);
        return new DataDir(token != null && !token.isBlank() ? ADDON_ROOT : LOCAL_ROOT);
    }

    /** A data directory at {@code root}; creates nothing. */
    public static DataDir at(Path root) {
        return new DataDir(root);
    }

    /**
     * Creates the folder and its {@link #HLS} and {@link #SNAPSHOTS} sub-folders when missing. A
     * folder this call creates is owner-only (mode 700): it holds credentials.
     *
     * @return this, for chaining
     * @throws IOException naming the folder that could not be created
     */
    public DataDir open() throws IOException {
        createPrivate(root);
        createPrivate(hls());
        createPrivate(snapshots());
        return this;
    }

    /** The folder itself. */
    public Path root() {
        return root;
    }

    /** A file or folder directly inside, by one of the name constants. */
    public Path file(String name) {
        Path p = root.resolve(name);
        if (name.equals(".") || name.equals("..") || !root.equals(p.getParent())) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        return p;
    }

    public Path options() {
        return file(OPTIONS);
    }

    public Path installId() {
        return file(INSTALL_ID);
    }

    public Path cameras() {
        return file(CAMERAS);
    }

    public Path cloudState() {
        return file(CLOUD_STATE);
    }

    public Path account() {
        return file(ACCOUNT);
    }

    public Path haDevices() {
        return file(HA_DEVICES);
    }

    public Path hls() {
        return file(HLS);
    }

    public Path snapshots() {
        return file(SNAPSHOTS);
    }

    @Override
    public String toString() {
        return root.toString();
    }

    private static void createPrivate(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (POSIX) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new IOException("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
