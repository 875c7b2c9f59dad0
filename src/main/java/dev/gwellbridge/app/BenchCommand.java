package dev.gwellbridge.app;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.H264Sink;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * {@code bench}: measures throughput on this machine. {@code --codec} (the default) times the codecs
 * in a loop; {@code --cameras 1,8,32} runs whole sessions against a simulator child process ({@link
 * SessionBench}).
 *
 * <p>Each codec figure is the median of several timed iterations after untimed warm-up ones; MB
 * means 10^6 bytes.
 */
final class BenchCommand implements Subcommand {
    /** AV data rate of one camera in live traffic (24.1 MB in 120 s, GWELL-PROTOCOL.md §10.4). */
    static final double CAMERA_MB_PER_SECOND = 24.1 / 120;

    /** A cache-sized buffer decrypted {@link #RC5_PASSES} times per iteration: 4 MiB of blocks. */
    private static final int RC5_BUFFER = 64 << 10;

    private static final int RC5_PASSES = 64;

    /** Where the session benchmark keeps its test pattern unless told otherwise. */
    static final Path DEFAULT_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "gwell-bridge-sim");

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final SessionRunner sessions;

    /** Runs the session benchmark (tests substitute one that records the options). */
    @FunctionalInterface
    interface SessionRunner {
        void run(SessionBenchOptions options, PrintStream out) throws Exception;
    }

    BenchCommand(PrintStream out, LongSupplier nanoClock) {
        this(out, nanoClock, SessionBench::run);
    }

    BenchCommand(PrintStream out, LongSupplier nanoClock, SessionRunner sessions) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure codec throughput, or whole sessions against a simulator";
    }

    @Override
    public String usage() {
        return """
                bench [--codec] [--iterations N] [--warmup N] [--messages N]
                bench --cameras 1,8,32 [--seconds S] [--loss 0,5] [--kbps K] [--stagger-ms MS] [--seed N] \
                [--cache-dir DIR]
                  --codec        RC5-32 decrypt and AV packet decode throughput (default)
                  --iterations   timed iterations per figure, median reported (default 15)
                  --warmup       untimed iterations first (default 10)
                  --messages     AV messages of 1000 bytes per decode iteration (default 20000)
                  --cameras      session benchmark: one run per camera count, each against a fresh
                                 simulate process on loopback; prints a Markdown table of the client's
                                 CPU, peak RSS, time to first H.264 byte, retransmits and lost frames
                  --seconds      streaming time per run after the last session is opened (default 30)
                  --loss         datagram loss percentages, both directions; every count runs at each
                                 (default 0)
                  --kbps         bitrate of the generated 1280x720 20 fps test pattern (default 1600)
                  --stagger-ms   pause between opening two sessions (default 100)
                  --seed         the simulator's seed (default 1)
                  --cache-dir    where the test pattern is kept (default: a folder in the temp dir)""";
    }

    @Override
    public Set<String> flagNames() {
        return Set.of("codec");
    }

    @Override
    public int run(Args args) throws Exception {
        boolean codec = args.flag("codec");
        if (args.string("cameras").isPresent()) {
            if (codec) {
                throw new UsageException("--codec and --cameras are separate benchmarks: give one of them");
            }
            SessionBenchOptions options = SessionBenchOptions.parse(args, DEFAULT_CACHE);
            args.rejectUnknown();
            sessions.run(options, out);
            return 0;
        }
        int iterations = args.integer("iterations", 1, 1000).orElse(15);
        int warmup = args.integer("warmup", 0, 1000).orElse(10);
        int messages = args.integer("messages", 1, 1_000_000).orElse(20_000);
        args.rejectUnknown();
        runCodec(iterations, warmup, messages);
        return 0;
    }

    private void runCodec(int iterations, int warmup, int messages) throws Exception {
        out.printf(
                Locale.ROOT,
                "codec benchmark: median of %d iterations after %d warm-up iterations (MB = 10^6 bytes)%n",
                iterations,
                warmup);

        byte[] buf = new byte[RC5_BUFFER];
        new SplittableRandom(1).nextBytes(buf);
        Rc5x32 rc5 = Rc5x32.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        double rc5Seconds = median(iterations, warmup, () -> {
            for (int pass = 0; pass < RC5_PASSES; pass++) {
                rc5.decrypt(buf, 0, buf.length);
            }
        });
        out.printf(
                Locale.ROOT, "  rc5-32 decrypt:   %8.1f MB/s%n", (double) buf.length * RC5_PASSES / rc5Seconds / 1e6);

        CodecBenchmark pipeline = CodecBenchmark.prepare(messages, 1000, 2);
        long[] sinkBytes = {0};
        H264Sink sink = (b, off, len) -> sinkBytes[0] += len;
        double decodeSeconds = median(iterations, warmup, () -> pipeline.decode(sink));
        long h264PerRun = pipeline.expectedH264().length;
        double datagramRate = pipeline.datagramBytes() / decodeSeconds / 1e6;
        out.printf(
                Locale.ROOT,
                "  av packet decode: %8.1f MB/s of datagrams (%.1f MB/s H.264, %.0f datagrams/s,"
                        + " %d datagrams of about %d bytes per run)%n",
                datagramRate,
                h264PerRun / decodeSeconds / 1e6,
                pipeline.datagramCount() / decodeSeconds,
                pipeline.datagramCount(),
                Math.round((double) pipeline.datagramBytes() / pipeline.datagramCount()));
        out.printf(
                Locale.ROOT,
                "  one core decodes the video of about %.0f cameras at %.2f MB/s each%n",
                datagramRate / CAMERA_MB_PER_SECOND,
                CAMERA_MB_PER_SECOND);
        if (sinkBytes[0] != h264PerRun * (iterations + warmup)) {
            throw new IllegalStateException("bench: decode produced " + sinkBytes[0] + " H.264 bytes");
        }
    }

    /** A timed unit of work. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /** Median wall time in seconds of {@code iterations} runs after {@code warmup} untimed ones. */
    double median(int iterations, int warmup, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] seconds = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = nanoClock.getAsLong();
            work.run();
            seconds[i] = Math.max(1, nanoClock.getAsLong() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return iterations % 2 == 1
                ? seconds[iterations / 2]
                : (seconds[iterations / 2 - 1] + seconds[iterations / 2]) / 2;
    }
}
