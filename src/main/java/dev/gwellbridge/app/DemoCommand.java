package dev.gwellbridge.app;

import dev.gwellbridge.config.DataDir;
import dev.gwellbridge.config.InstallId;
import dev.gwellbridge.config.LoadedOptions;
import dev.gwellbridge.config.Options;
import dev.gwellbridge.config.Ports;
import dev.gwellbridge.session.SessionConnector;
import dev.gwellbridge.sim.SimMode;
import dev.gwellbridge.sim.Simulator;
import dev.gwellbridge.sim.SimulatorConfig;
import dev.gwellbridge.sim.SimulatorHandle;
import dev.gwellbridge.web.WebSettings;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code demo}: the whole product against simulated cameras. The built-in simulator plays a P2P
 * server and a few cameras on loopback; the bridge logs in to it, streams every camera through
 * ffmpeg to HLS and snapshots, serves the page on port 8097, and uses MQTT when a broker is
 * configured or answers on localhost:1883.
 */
final class DemoCommand implements Subcommand {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    private static final int DEFAULT_CAMERAS = 3;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    static DemoCommand standard() {
        return new DemoCommand(System.getenv(), System.out, System.err);
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the whole bridge against simulated cameras (page on http://localhost:8097/)";
    }

    @Override
    public String usage() {
        return "demo [--options FILE] [--data-dir DIR] [--cameras N] [--web-port N] [--bind ADDR]\n"
                + RuntimePaths.USAGE + "\n"
                + "  --cameras N      simulated cameras, 1 to 8 (default 3)\n"
                + "  --web-port N     port of the page (default 8097)\n"
                + "  --bind ADDR      address the page listens on (default 127.0.0.1)";
    }

    @Override
    public Set<String> flagNames() {
        return Set.of();
    }

    @Override
    public int run(Args args) throws Exception {
        Optional<java.nio.file.Path> optionsFile = args.path("options");
        if (optionsFile.isPresent() && !java.nio.file.Files.isRegularFile(optionsFile.get())) {
            throw new UsageException("--options: no such file: " + optionsFile.get());
        }
        DataDir data = DataDir.resolve(args.path("data-dir"), env);
        int cameras = args.integer("cameras", 1, 8).orElse(DEFAULT_CAMERAS);
        int webPort = args.integer("web-port", 0, 65535).orElse(Ports.WEB_PORT);
        String bind = args.string("bind").orElse("127.0.0.1");
        args.rejectUnknown();

        if (!Ffmpeg.available("ffmpeg")) {
            err.println("demo needs ffmpeg on the PATH (it turns the simulated video into HLS and snapshots).");
            err.println("Install it, e.g. on Debian or Ubuntu: sudo apt-get install -y ffmpeg");
            return 1;
        }
        LogTail tail = LogTail.install(500);
        LoadedOptions loaded = DemoOptions.load(optionsFile.orElse(null));
        loaded.problems().forEach(p -> err.println("options: " + p.message()));
        Options options = loaded.options();
        LogLevels.apply(options.logLevel());
        data.open();

        SimulatorHandle sim = Simulator.start(SimulatorConfig.builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .serverPort(0)
                .cameras(cameras)
                .mode(SimMode.LAN)
                .seed(new SecureRandom().nextLong())
                .cacheDir(data.root().resolve("demo"))
                .build());
        InetSocketAddress server = sim.serverAddress();
        SimulatedAccount account = new SimulatedAccount(sim.cameraInfos(), InstantSource.system());
        SessionConnector connector = new SessionConnector(
                SessionConnectors.settings(server.getAddress().getHostAddress() + ":" + server.getPort(), true),
                SessionConnectors.threads());
        BridgeSetup setup = new BridgeSetup(
                options,
                Bridge.messages(loaded.problems()),
                data,
                InstallId.loadOrCreate(data, new SecureRandom(), InstantSource.system())
                        .shortHex(),
                account,
                account,
                connector,
                new WebSettings(bind, webPort, List.of(), true, data.root()),
                BrokerChoice.choose(options.mqtt(), Optional.empty(), BrokerChoice::tcpAnswers),
                AdvertiseHost.choose(options.advertiseHost(), Optional.empty(), AdvertiseHost.localAddresses()),
                "",
                "ffmpeg",
                tail,
                InstantSource.system(),
                new SecureRandom());
        Bridge bridge;
        try {
            bridge = Bridge.start(setup);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        String host = bind.equals("0.0.0.0") || bind.equals("127.0.0.1") ? "localhost" : bind;
        out.println("gwell-bridge demo: " + cameras + " simulated cameras; open http://" + host + ":" + bridge.webPort()
                + "/ (Ctrl-C to stop)");
        LOG.info("simulator at {}", server);
        return Serve.untilStopped(() -> {
            try {
                bridge.close();
            } finally {
                sim.close();
            }
        });
    }
}
