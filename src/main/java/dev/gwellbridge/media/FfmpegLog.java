package dev.gwellbridge.media;

/**
 * Classifies ffmpeg's log lines ({@code -loglevel level+info}: each message carries its level in
 * brackets) so the supervisor can tell a failing output from noise.
 *
 * <pre>
 * Line contains (ffmpeg 5.1)                 Kind
 * "Recovery successful"   (fifo)             OUTPUT_RECOVERED
 * "Recovery failed"       (fifo)             OUTPUT_FAILING
 * "Slave muxer #n failed" (tee)              OUTPUT_FAILING
 * "error writing header"  (tee)              OUTPUT_FAILING
 * "[error]" / "[fatal]" / "[panic]"          ERROR
 * anything else                              OTHER
 * </pre>
 */
enum FfmpegLog {
    OUTPUT_RECOVERED,
    OUTPUT_FAILING,
    ERROR,
    OTHER;

    static FfmpegLog classify(String line) {
        if (line.contains("Recovery successful")) {
            return OUTPUT_RECOVERED;
        }
        if (line.contains("Recovery failed")
                || (line.contains("Slave muxer #") && line.contains("failed"))
                || line.contains("error writing header")) {
            return OUTPUT_FAILING;
        }
        if (line.contains("[error]") || line.contains("[fatal]") || line.contains("[panic]")) {
            return ERROR;
        }
        return OTHER;
    }
}
