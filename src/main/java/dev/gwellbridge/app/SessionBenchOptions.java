package dev.gwellbridge.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session benchmark runs: one run per camera count and loss rate, each against a fresh
 * simulator process.
 *
 * @param cameras camera counts, in the order given
 * @param seconds how long each run streams once its sessions are opened
 * @param lossPercents loss rates, each run with every camera count
 * @param kbps bitrate of the generated test pattern each camera sends
 * @param staggerMillis pause between opening two sessions
 * @param seed the simulator's seed
 * @param cacheDir where the test pattern is kept
 */
record SessionBenchOptions(
        List<Integer> cameras,
        int seconds,
        List<Double> lossPercents,
        int kbps,
        int staggerMillis,
        long seed,
        Path cacheDir) {
    static final int MAX_CAMERAS = 256;
    static final double MAX_LOSS = 50;

    SessionBenchOptions {
        cameras = List.copyOf(cameras);
        lossPercents = List.copyOf(lossPercents);
    }

    /** Reads the session options; {@code --cameras} must be present. */
    static SessionBenchOptions parse(Args args, Path defaultCacheDir) throws UsageException {
        List<Integer> cameras = cameraCounts(args.required("cameras", "camera counts, e.g. 1,8,32"));
        int seconds = args.integer("seconds", 1, 3600).orElse(30);
        List<Double> loss = lossRates(args.string("loss").orElse("0"));
        int kbps = args.integer("kbps", 100, 20_000).orElse(1600);
        int stagger = args.integer("stagger-ms", 0, 10_000).orElse(100);
        long seed;
        String rawSeed = args.string("seed").orElse("1");
        try {
            seed = Long.parseLong(rawSeed.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, got '" + rawSeed + "'");
        }
        Path cache = args.path("cache-dir").orElse(defaultCacheDir);
        return new SessionBenchOptions(cameras, seconds, loss, kbps, stagger, seed, cache);
    }

    static List<Integer> cameraCounts(String text) throws UsageException {
        List<Integer> counts = new ArrayList<>();
        for (String word : words(text, "--cameras")) {
            int n;
            try {
                n = Integer.parseInt(word);
            } catch (NumberFormatException e) {
                throw new UsageException(
                        "--cameras must be a comma-separated list of camera counts, e.g. 1,8,32, got '" + text + "'");
            }
            if (n < 1 || n > MAX_CAMERAS) {
                throw new UsageException("--cameras: each count must be between 1 and " + MAX_CAMERAS + ", got " + n);
            }
            counts.add(n);
        }
        return counts;
    }

    static List<Double> lossRates(String text) throws UsageException {
        List<Double> rates = new ArrayList<>();
        for (String word : words(text, "--loss")) {
            double v;
            try {
                v = Double.parseDouble(word);
            } catch (NumberFormatException e) {
                throw new UsageException(
                        "--loss must be a comma-separated list of loss percentages, e.g. 0,5, got '" + text + "'");
            }
            if (!(v >= 0 && v <= MAX_LOSS)) {
                throw new UsageException(
                        "--loss: each percentage must be between 0 and " + (int) MAX_LOSS + ", got " + word);
            }
            rates.add(v);
        }
        return rates;
    }

    private static List<String> words(String text, String option) throws UsageException {
        List<String> words = new ArrayList<>();
        for (String w : text.split(",", -1)) {
            String t = w.trim();
            if (t.isEmpty()) {
                throw new UsageException(option + " has an empty entry in '" + text + "'");
            }
            words.add(t);
        }
        return words;
    }
}
