package dev.gwellbridge.h264;

/**
 * A frame rate as an exact fraction, e.g. 20/1 or 15000/1001, so ffmpeg gets what the encoder
 * declared without rounding.
 *
 * @param num frames
 * @param den per this many seconds
 */
public record FrameRate(long num, long den) {
    /** What raw H.264 without timing information is assumed to run at (the fork's choice). */
    public static final FrameRate FALLBACK = new FrameRate(15, 1);

    /** The lowest and highest rates accepted from a stream; anything else is a broken header. */
    static final double MIN_FPS = 1;

    static final double MAX_FPS = 120;

    public FrameRate {
        if (num <= 0 || den <= 0) {
            throw new IllegalArgumentException("frame rate must be positive: " + num + "/" + den);
        }
        long g = gcd(num, den);
        num /= g;
        den /= g;
    }

    /** A whole-number rate, e.g. measured arrivals rounded. */
    public static FrameRate ofFps(long fps) {
        return new FrameRate(fps, 1);
    }

    public double fps() {
        return (double) num / den;
    }

    /** Whether this is a rate a camera can plausibly send (1 to 120 fps). */
    public boolean plausible() {
        double f = fps();
        return f >= MIN_FPS && f <= MAX_FPS;
    }

    /** The value for ffmpeg's {@code -framerate}: {@code 20} or {@code 15000/1001}. */
    public String toArgument() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
