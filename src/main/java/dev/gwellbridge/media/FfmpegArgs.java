package dev.gwellbridge.media;

import dev.gwellbridge.config.Secrets;
import dev.gwellbridge.h264.FrameRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * ffmpeg command lines, built as argument lists (never one string split on spaces, so paths and
 * URLs with any characters stay one argument). Checked against ffmpeg 5.1.
 *
 * <p>Publishing uses one ffmpeg per camera: raw H.264 from stdin, copied (no re-encoding) into the
 * tee muxer with two outputs, RTSP over TCP and HLS. Each output runs behind tee's fifo, which
 * retries a failed output in place ({@code attempt_recovery}, resuming at a keyframe), so the HLS
 * output keeps going while the RTSP server is down and RTSP resumes when it is back, without a
 * process restart. Timestamps come from {@code -framerate}: raw H.264 carries none, and {@code
 * -use_wallclock_as_timestamps} stamps each 1 KiB read instead of each picture (non-monotonic DTS
 * on most pictures in ffmpeg 5.1). {@code -probesize 32 -analyzeduration 0} starts output at the
 * first picture instead of after 5 s of probing.
 */
public final class FfmpegArgs {
    private FfmpegArgs() {}

    /**
     * The publishing command.
     *
     * @param rate the stream's frame rate
     * @param rtspUrl where to publish
     * @param playlist the HLS playlist; segments go next to it
     */
    public static List<String> publish(
            String ffmpeg, FrameRate rate, String rtspUrl, Path playlist, MediaTuning tuning) {
        List<String> a = new ArrayList<>();
        a.add(ffmpeg);
        a.addAll(List.of("-hide_banner", "-loglevel", "level+info", "-nostats"));
        a.addAll(List.of("-progress", "pipe:2", "-stats_period", "1"));
        a.addAll(List.of("-probesize", "32", "-analyzeduration", "0"));
        a.addAll(List.of("-f", "h264", "-framerate", rate.toArgument(), "-i", "-"));
        a.addAll(List.of("-map", "0:v", "-c", "copy"));
        a.addAll(List.of("-f", "tee", "-use_fifo", "1"));
        a.addAll(List.of("-fifo_options", fifoOptions(tuning.outputRetry())));
        a.add(teeSlave("f=rtsp:rtsp_transport=tcp:onfail=ignore", rtspUrl)
                + "|"
                + teeSlave(
                        "f=hls:hls_time=" + tuning.hlsSegmentSeconds()
                                + ":hls_list_size=" + tuning.hlsListSize()
                                + ":hls_flags=delete_segments+independent_segments+append_list"
                                + ":onfail=ignore",
                        playlist.toString()));
        return List.copyOf(a);
    }

    /** Decodes the first picture from stdin and writes it to stdout as a JPEG. */
    public static List<String> snapshot(String ffmpeg, int quality) {
        return List.of(
                ffmpeg,
                "-hide_banner",
                "-loglevel",
                "error",
                "-f",
                "h264",
                "-i",
                "-",
                "-frames:v",
                "1",
                "-q:v",
                Integer.toString(quality),
                "-c:v",
                "mjpeg",
                "-f",
                "image2",
                "-");
    }

    static String fifoOptions(Duration retry) {
        long seconds = Math.max(1, retry.toSeconds());
        return "attempt_recovery=1:recover_any_error=1:restart_with_keyframe=1"
                + ":drop_pkts_on_overflow=1:recovery_wait_time=" + seconds;
    }

    private static String teeSlave(String options, String target) {
        return "[" + options + "]" + escapeTeeTarget(target);
    }

    /**
     * Escapes an output name for the tee muxer's slave list, which ffmpeg splits with {@code
     * av_get_token} on '|': backslash, quote and '|' get a backslash.
     */
    static String escapeTeeTarget(String target) {
        StringBuilder sb = new StringBuilder(target.length() + 8);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '\\' || c == '\'' || c == '|') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The command as one line for logs, with URL credentials masked. */
    static String forLog(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String arg : command) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            String masked = Secrets.redactUrl(arg);
            sb.append(masked.isEmpty() || masked.contains(" ") ? "'" + masked + "'" : masked);
        }
        return sb.toString();
    }
}
