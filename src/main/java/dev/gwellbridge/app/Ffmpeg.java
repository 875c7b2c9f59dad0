package dev.gwellbridge.app;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether an ffmpeg executable can be started. */
final class Ffmpeg {
    private Ffmpeg() {}

    static boolean available(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "-hide_banner", "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
