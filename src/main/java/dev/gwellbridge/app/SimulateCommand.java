package dev.gwellbridge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.config.AtomicFile;
import dev.gwellbridge.sim.Impairment;
import dev.gwellbridge.sim.SimCameraInfo;
import dev.gwellbridge.sim.SimMode;
import dev.gwellbridge.sim.Simulator;
import dev.gwellbridge.sim.SimulatorConfig;
import dev.gwellbridge.sim.SimulatorHandle;
import dev.gwellbridge.sim.Violation;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code simulate}: runs the P2P server and cameras simulator until SIGTERM. Once every socket is
 * bound it prints exactly one JSON line on stdout naming the server and what a client needs for each
 * camera; logs go to stderr. A shutdown hook closes the sockets, writes the client violations to the
 * {@code --violations} file if one was named, and ends the process with exit code 0.
 */
final class SimulateCommand implements Subcommand {
    private static final Logger LOG = LoggerFactory.getLogger(SimulateCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Runnable halt;

    /**
     * @param halt ends the process from the shutdown hook once the sockets are closed (a signal
     *     would otherwise make the exit code 143)
     */
    SimulateCommand(PrintStream out, Runnable halt) {
        this.out = out;
        this.halt = halt;
    }

    static SimulateCommand standard() {
        return new SimulateCommand(System.out, () -> Runtime.getRuntime().halt(0));
    }

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "run a simulated P2P server and cameras (demo and tests)";
    }

    @Override
    public String usage() {
        return """
                simulate [--bind ADDR] [--server-port P] [--cameras N] [--h264 FILE] [--mode lan|relay-only] \
                [--loss PCT] [--dup PCT] [--reorder N] [--seed N] [--cache-dir DIR] [--no-loop] [--violations FILE]
                  --bind         IPv4 address of every socket and the cameras' LAN IP (default 127.0.0.1)
                  --server-port  UDP and TCP port of the server; 0 picks a free one (default 0)
                  --cameras      number of cameras (default 1)
                  --h264         Annex B file to stream (default: a test pattern made once with ffmpeg)
                  --mode         lan (default) or relay-only (reached through TCP relay only)
                  --loss         datagram loss in percent, both directions, server and cameras (default 0)
                  --dup          datagrams delivered twice, in percent, both directions (default 0)
                  --reorder      up to this many later datagrams may overtake one (default 0: in order)
                  --seed         run seed: identities and loss decisions derive from it (default 1)
                  --cache-dir    where the generated test pattern is kept
                  --no-loop      stop the stream at the end of the source instead of looping
                  --violations   on SIGTERM, write the client violations seen as a JSON array here
                Prints one JSON line once ready, then runs until SIGTERM.""";
    }

    @Override
    public Set<String> flagNames() {
        return Set.of("no-loop");
    }

    @Override
    public int run(Args args) throws Exception {
        SimulatorConfig config = config(args);
        Optional<Path> violationsFile = args.path("violations");
        args.rejectUnknown();
        SimulatorHandle sim = Simulator.start(config);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sim.close();
                            violationsFile.ifPresent(
                                    f -> writeViolations(f, sim.violations().all()));
                            out.flush();
                            closed.countDown();
                            halt.run();
                        },
                        "simulate-shutdown"));
        out.println(readyLine(sim.serverAddress(), sim.cameraInfos()));
        out.flush();
        closed.await();
        return 0;
    }

    /** The configuration the options describe. */
    static SimulatorConfig config(Args args) throws UsageException {
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        b.bindAddress(bindAddress(args.string("bind").orElse("127.0.0.1")));
        b.serverPort(args.integer("server-port", 0, 65_535).orElse(0));
        b.cameras(args.integer("cameras", 1, 256).orElse(1));
        args.path("h264").ifPresent(b::h264);
        b.mode(mode(args.string("mode").orElse("lan")));
        double loss = args.decimal("loss", 0, 100).orElse(0.0);
        double dup = args.decimal("dup", 0, 100).orElse(0.0);
        int reorder = args.integer("reorder", 0, 64).orElse(0);
        Impairment impairment = Impairment.loss(loss).withDuplication(dup).withReorderWindow(reorder);
        if (!impairment.isNone()) {
            b.impairment(impairment);
        }
        b.seed(seed(args.string("seed").orElse("1")));
        args.path("cache-dir").ifPresent(b::cacheDir);
        SimulatorConfig base = b.build();
        if (args.flag("no-loop")) {
            return base.toBuilder()
                    .cameraBehaviour(base.cameraBehaviour().withLoopSource(false))
                    .build();
        }
        return base;
    }

    /** The one line printed when the simulator is ready. */
    static String readyLine(InetSocketAddress server, List<SimCameraInfo> cameras) {
        ObjectNode root = JSON.createObjectNode();
        root.put("server", hostPort(server));
        ArrayNode list = root.putArray("cameras");
        for (SimCameraInfo c : cameras) {
            ObjectNode n = list.addObject();
            n.put("name", c.name());
            n.put("device_id", c.deviceId());
            n.put("access_id", c.accessId());
            n.put("access_token", c.accessToken());
            n.put("lan_ip", c.lanAddress().getAddress().getHostAddress());
            n.put("lan_port", c.lanAddress().getPort());
        }
        return root.toString();
    }

    /** The violations as a JSON array of objects (kind, peer, at_ms, detail). */
    static String violationsJson(List<Violation> violations) {
        ArrayNode list = JSON.createArrayNode();
        for (Violation v : violations) {
            list.addObject()
                    .put("kind", v.kind().name())
                    .put("peer", v.peer())
                    .put("at_ms", v.atMillis())
                    .put("detail", v.detail());
        }
        return list.toString();
    }

    /** Runs in the shutdown hook, where a failure can only be reported on stderr. */
    private static void writeViolations(Path file, List<Violation> violations) {
        try {
            AtomicFile.write(file, (violationsJson(violations) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("could not write the violations to {}: {}", file, e.getMessage());
        }
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static InetAddress bindAddress(String text) throws UsageException {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new UsageException("--bind must be an IPv4 address, got '" + text + "'");
        }
        try {
            InetAddress a = InetAddress.getByName(text);
            if (!(a instanceof Inet4Address)) {
                throw new UsageException("--bind must be an IPv4 address, got '" + text + "'");
            }
            return a;
        } catch (UnknownHostException e) {
            throw new UsageException("--bind must be an IPv4 address, got '" + text + "'");
        }
    }

    private static SimMode mode(String text) throws UsageException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "lan" -> SimMode.LAN;
            case "relay-only" -> SimMode.RELAY_ONLY;
            default -> throw new UsageException("--mode must be lan or relay-only, got '" + text + "'");
        };
    }

    private static long seed(String text) throws UsageException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + text + "'");
        }
    }
}
