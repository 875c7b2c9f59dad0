package dev.gwellbridge.app;

import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.CredentialSource;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.camera.Slugs;
import dev.gwellbridge.config.WyzeOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * {@code probe --from-cloud --camera NAME}: the probe's camera and credential come from the Wyze
 * account of the options file, as the bridge would get them. The camera is matched by nickname
 * (ignoring case), by its slug ({@code front_door}) or by device id; the LAN IP is the account's
 * unless {@code --lan-ip} gives one.
 */
final class CloudProbeTarget implements ProbeTarget.Source {
    private final Map<String, String> env;
    private final PrintStream err;
    private final BiFunction<WyzeOptions, Path, CredentialSource> cloud;

    CloudProbeTarget(Map<String, String> env, PrintStream err, BiFunction<WyzeOptions, Path, CredentialSource> cloud) {
        this.env = env;
        this.err = err;
        this.cloud = cloud;
    }

    @Override
    public ProbeTarget resolve(Args args) throws UsageException, CredentialException {
        String wanted = args.required("camera", "the camera's name, slug or device id, as `cameras` lists it")
                .trim();
        String lanIp = ProbeTarget.lanIp(args);
        RuntimePaths paths = RuntimePaths.resolve(args, env);
        CredentialSource source = cloud.apply(paths.loadOptions(err).options().wyze(), paths.dataDir());
        CameraInfo camera = match(source.cameras(false), wanted);
        P2pCredential credential = source.credential(camera.id(), false);
        return new ProbeTarget(
                camera.id(), credential.accessId(), credential.accessToken(), lanIp.isEmpty() ? camera.lanIp() : lanIp);
    }

    /** The one camera {@code wanted} names: by device id, nickname or slug, in that order. */
    static CameraInfo match(List<CameraInfo> cameras, String wanted) throws UsageException {
        if (cameras.isEmpty()) {
            throw new UsageException("--camera: the Wyze account has no GWell cameras");
        }
        String upper = wanted.toUpperCase(Locale.ROOT);
        List<CameraInfo> byId =
                cameras.stream().filter(c -> c.id().deviceId().equals(upper)).toList();
        if (byId.size() == 1) {
            return byId.get(0);
        }
        List<CameraInfo> byName =
                cameras.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).toList();
        if (byName.isEmpty()) {
            String slug = Slugs.of(wanted);
            byName = slug.isEmpty()
                    ? List.of()
                    : cameras.stream()
                            .filter(c -> Slugs.of(c.name()).equals(slug))
                            .toList();
        }
        if (byName.size() == 1) {
            return byName.get(0);
        }
        if (byName.size() > 1) {
            throw new UsageException(
                    "--camera: '" + wanted + "' names several cameras (" + describe(byName) + "); give the device id");
        }
        throw new UsageException("--camera: no camera named '" + wanted + "'; the account has " + describe(cameras));
    }

    private static String describe(List<CameraInfo> cameras) {
        return cameras.stream()
                .map(c -> c.name() + " (" + c.id().deviceId() + ")")
                .collect(Collectors.joining(", "));
    }
}
