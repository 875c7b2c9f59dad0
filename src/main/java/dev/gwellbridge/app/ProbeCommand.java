package dev.gwellbridge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.camera.ConnectionStats;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Quality;
import dev.gwellbridge.camera.StreamConnection;
import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.camera.StreamHandler;
import dev.gwellbridge.camera.StreamRequest;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.cloud.WyzeCloud;
import dev.gwellbridge.config.Secrets;
import dev.gwellbridge.session.ConnectorSettings;
import dev.gwellbridge.session.LanFilter;
import dev.gwellbridge.session.SessionConnector;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code probe}: opens one P2P session to one camera, writes its H.264 to a file (or stdout) for a
 * few seconds and prints a JSON summary as the last line of stderr: the phases reached with their
 * time since start, the transport, the figures and the failure reason. Exit code 0 only when video
 * flowed.
 */
final class ProbeCommand implements Subcommand {
    /** How long set-up may take beyond the streaming time before the probe gives up. */
    static final long SETUP_ALLOWANCE_SECONDS = 120;

    private final PrintStream stdout;
    private final PrintStream err;
    private final LongSupplier millis;
    private final ProbeTarget.Source targets;
    private final Function<ConnectorSettings, StreamConnector> connectors;
    private final Waiter waiter;

    /** Waits for a latch at most some seconds (tests substitute one that does not wait). */
    @FunctionalInterface
    interface Waiter {
        void await(CountDownLatch latch, long seconds) throws InterruptedException;
    }

    ProbeCommand(
            PrintStream stdout,
            PrintStream err,
            LongSupplier millis,
            ProbeTarget.Source targets,
            Function<ConnectorSettings, StreamConnector> connectors,
            Waiter waiter) {
        this.stdout = stdout;
        this.err = err;
        this.millis = millis;
        this.targets = targets;
        this.connectors = connectors;
        this.waiter = waiter;
    }

    /** The production wiring: target from the command line or the Wyze cloud, real sockets. */
    static ProbeCommand standard() {
        ProbeTarget.Source cloud = new CloudProbeTarget(System.getenv(), System.err, WyzeCloud::create);
        return new ProbeCommand(
                System.out,
                System.err,
                System::currentTimeMillis,
                args -> args.flag("from-cloud") ? cloud.resolve(args) : ProbeTarget.fromArgs(args),
                settings -> new SessionConnector(settings, Thread::new),
                (latch, seconds) -> latch.await(seconds, TimeUnit.SECONDS));
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "stream one camera to a file and report how the session went";
    }

    @Override
    public String usage() {
        return """
                probe [--p2p-server HOST:PORT] --device-id GW_... --access-id N --access-token TOKEN \
                [--lan-ip IP] [--allow-loopback] [--seconds S] --out FILE.h264
                probe --from-cloud --camera NAME [--options FILE] [--data-dir DIR] [--p2p-server HOST:PORT] \
                [--lan-ip IP] [--allow-loopback] [--seconds S] --out FILE.h264
                  --p2p-server     the P2P server to use; without it the server is discovered
                  --device-id      the camera's device id, e.g. GW_GC1_0A1B2C3D4E5F
                  --access-id      the P2P accessId the cloud returned for the camera
                  --access-token   the P2P accessToken the cloud returned for the camera
                  --from-cloud     take the camera and its credential from the Wyze account in the options
                  --camera         with --from-cloud: the camera's name, slug or device id
                  --options FILE   with --from-cloud: add-on options JSON (default: <data dir>/options.json)
                  --data-dir DIR   with --from-cloud: state directory (default: /data in the add-on, ./data)
                  --lan-ip         the camera's LAN address (enables the LAN path; overrides the account's)
                  --allow-loopback count 127.0.0.0/8 as LAN (tests and the demo)
                  --seconds        how long to record once video flows (default 10)
                  --out            where the H.264 goes; - for stdout

                The last line on stderr is a JSON summary. Exit code 0 only when video flowed.""";
    }

    @Override
    public Set<String> flagNames() {
        return Set.of("allow-loopback", "from-cloud");
    }

    @Override
    public int run(Args args) throws UsageException, InterruptedException, IOException {
        String server = args.string("p2p-server").map(String::trim).orElse("");
        if (!server.isEmpty() && !isHostPort(server)) {
            throw new UsageException("--p2p-server must be HOST:PORT, e.g. 3.13.212.24:28800, got '" + server + "'");
        }
        boolean loopback = args.flag("allow-loopback");
        int seconds = args.integer("seconds", 1, 86_400).orElse(10);
        String out = args.required("out", "a file for the H.264, or - for stdout");
        ProbeTarget target;
        try {
            target = targets.resolve(args);
        } catch (CredentialException e) {
            err.println("gwell-bridge probe: " + e.code() + ": " + e.getMessage());
            return 1;
        }
        args.rejectUnknown();
        Secrets.register(target.accessToken());

        LanFilter lan = loopback ? LanFilter.defaults().allowingLoopback() : LanFilter.defaults();
        ConnectorSettings settings =
                ConnectorSettings.DEFAULT.withLanFilter(lan).withP2pServer(server);
        try (OutputStream sink = open(out)) {
            Probe probe = new Probe(sink, millis, waiter);
            StreamConnection connection = connectors
                    .apply(settings)
                    .open(new StreamRequest(target.info(), target.credential(), Quality.HD), probe);
            probe.awaitVideoOrEnd(seconds + SETUP_ALLOWANCE_SECONDS);
            if (probe.videoStarted()) {
                probe.awaitEnd(seconds);
            }
            ConnectionStats stats = connection.stats();
            connection.close();
            probe.awaitEnd(10);
            sink.flush();
            err.println(probe.summary(target, stats));
            return probe.bytes() > 0 ? 0 : 1;
        }
    }

    private static boolean isHostPort(String s) {
        if (!s.matches("[A-Za-z0-9.-]+:[0-9]{1,5}")) {
            return false;
        }
        int port = Integer.parseInt(s.substring(s.lastIndexOf(':') + 1));
        return port >= 1 && port <= 0xFFFF;
    }

    private OutputStream open(String out) throws IOException {
        if (out.equals("-")) {
            return new BufferedOutputStream(stdout) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return new BufferedOutputStream(Files.newOutputStream(Path.of(out)));
    }

    /** The probe's {@link StreamHandler}: writes video, notes phases and the end. */
    static final class Probe implements StreamHandler {
        private final OutputStream sink;
        private final LongSupplier millis;
        private final long start;
        private final List<Object[]> phases = new CopyOnWriteArrayList<>();
        private final CountDownLatch firstVideo = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile Transport transport = Transport.NONE;
        private final AtomicLong bytes = new AtomicLong();
        private volatile long firstVideoAt = -1;
        private volatile FailureReason reason;
        private volatile String detail;
        private volatile IOException writeFailure;
        private final Waiter waiter;

        Probe(OutputStream sink, LongSupplier millis, Waiter waiter) {
            this.sink = sink;
            this.millis = millis;
            this.waiter = waiter;
            this.start = millis.getAsLong();
        }

        @Override
        public void onPhase(String phase) {
            phases.add(new Object[] {phase, millis.getAsLong() - start});
        }

        @Override
        public void onStreaming(Transport t) {
            transport = t;
        }

        @Override
        public void onVideo(byte[] data, int offset, int length) {
            if (firstVideoAt < 0) {
                firstVideoAt = millis.getAsLong() - start;
                firstVideo.countDown();
            }
            bytes.addAndGet(length);
            if (writeFailure == null) {
                try {
                    sink.write(data, offset, length);
                } catch (IOException e) {
                    writeFailure = e;
                }
            }
        }

        @Override
        public void onEnded(FailureReason r, String d) {
            if (ended.getCount() == 0) {
                return;
            }
            reason = r;
            detail = d;
            ended.countDown();
            firstVideo.countDown();
        }

        void awaitVideoOrEnd(long seconds) throws InterruptedException {
            waiter.await(firstVideo, seconds);
        }

        void awaitEnd(long seconds) throws InterruptedException {
            waiter.await(ended, seconds);
        }

        boolean videoStarted() {
            return firstVideoAt >= 0 && ended.getCount() > 0;
        }

        long bytes() {
            return bytes.get();
        }

        /** One line of JSON; secrets are redacted from the detail. */
        String summary(ProbeTarget target, ConnectionStats stats) {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = json.createObjectNode();
            root.put("device_id", target.camera().deviceId());
            ArrayNode list = root.putArray("phases");
            for (Object[] p : phases) {
                list.addObject().put("phase", (String) p[0]).put("ms", (Long) p[1]);
            }
            root.put("transport", transport.wire());
            root.put("first_video_ms", firstVideoAt < 0 ? null : firstVideoAt);
            root.put("bytes", bytes.get());
            root.put("packets", stats.packetsIn());
            root.put("kcp_retransmits", stats.retransmits());
            root.put("malformed", stats.malformed());
            if (reason == null) {
                root.putNull("failure");
            } else {
                root.putObject("failure")
                        .put("reason", reason.code())
                        .put("detail", Secrets.redact(String.valueOf(detail)));
            }
            if (writeFailure != null) {
                root.put("write_error", writeFailure.getMessage());
            }
            return root.toString();
        }
    }
}
