package dev.gwellbridge.app;

import dev.gwellbridge.cloud.WyzeCloud;
import dev.gwellbridge.config.AddonInfo;
import dev.gwellbridge.config.DataDir;
import dev.gwellbridge.config.InstallId;
import dev.gwellbridge.config.LoadedOptions;
import dev.gwellbridge.config.Options;
import dev.gwellbridge.config.SupervisorClient;
import dev.gwellbridge.web.WebSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}: the add-on. Reads the options, logs in to the Wyze cloud, and serves cameras over
 * RTSP/HLS, MQTT and the page until stopped. Bad options never stop it: they are logged, shown on
 * the page, and replaced by defaults.
 */
final class RunCommand implements Subcommand {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final ConnectorFactory connectors;
    private final Map<String, String> env;
    private final PrintStream err;

    RunCommand(ConnectorFactory connectors, Map<String, String> env, PrintStream err) {
        this.connectors = connectors;
        this.env = env;
        this.err = err;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run the bridge (the add-on's default): Wyze cloud, cameras, RTSP/HLS, MQTT, page";
    }

    @Override
    public String usage() {
        return "run [--options FILE] [--data-dir DIR] [--web-port N] [--bind ADDR] [--allow-loopback]\n"
                + RuntimePaths.USAGE + "\n"
                + "  --web-port N       port of the page (default 8097, the ingress port)\n"
                + "  --bind ADDR        address the page listens on (default 0.0.0.0)\n"
                + "  --allow-loopback   let 127.0.0.1 open the page and count as a camera LAN address";
    }

    @Override
    public Set<String> flagNames() {
        return Set.of("allow-loopback");
    }

    @Override
    public int run(Args args) throws Exception {
        RuntimePaths paths = RuntimePaths.resolve(args, env);
        int webPort = args.integer("web-port", 0, 65535).orElse(dev.gwellbridge.config.Ports.WEB_PORT);
        String bind = args.string("bind").orElse("0.0.0.0");
        boolean loopback = args.flag("allow-loopback");
        args.rejectUnknown();

        LogTail tail = LogTail.install(500);
        LoadedOptions loaded = paths.loadOptions(err);
        Options options = loaded.options();
        LogLevels.apply(options.logLevel());
        loaded.problems().forEach(p -> LOG.error("option {}", p.message()));

        DataDir data = openDataDir(paths);
        SupervisorClient supervisor = SupervisorClient.fromEnvironment(env);
        boolean addon = supervisor.available();
        InstallId id = InstallId.loadOrCreate(data, new SecureRandom(), InstantSource.system());
        WyzeCloud cloud = WyzeCloud.create(options.wyze(), data.root());
        WebSettings web =
                new WebSettings(bind, webPort, withSupervisor(options.webAllow()), loopback || !addon, data.root());
        BridgeSetup setup = new BridgeSetup(
                options,
                Bridge.messages(loaded.problems()),
                data,
                id.shortHex(),
                cloud,
                cloud,
                connectors.create(options, loopback),
                web,
                BrokerChoice.choose(
                        options.mqtt(),
                        addon ? Optional.of(supervisor::mqttService) : Optional.empty(),
                        BrokerChoice::tcpAnswers),
                AdvertiseHost.choose(
                        options.advertiseHost(),
                        addon ? Optional.of(supervisor::primaryIpv4) : Optional.empty(),
                        AdvertiseHost.localAddresses()),
                addon ? supervisor.selfInfo().value().map(AddonInfo::slug).orElse("") : "",
                "ffmpeg",
                tail,
                InstantSource.system(),
                new SecureRandom());
        Bridge bridge = Bridge.start(setup);
        return Serve.untilStopped(bridge);
    }

    private static List<String> withSupervisor(List<String> extra) {
        List<String> allow = new java.util.ArrayList<>();
        allow.add(WebSettings.SUPERVISOR_INGRESS);
        allow.addAll(extra);
        return allow;
    }

    private static DataDir openDataDir(RuntimePaths paths) throws IOException {
        return DataDir.at(paths.dataDir()).open();
    }
}
