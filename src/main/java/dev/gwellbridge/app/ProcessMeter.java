package dev.gwellbridge.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU time and peak resident set, as the kernel counts them: everything the JVM does
 * for the clients (session threads, receivers, JIT, GC) is included.
 */
final class ProcessMeter {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMeter() {}

    /** CPU time of the whole process so far, in nanoseconds; -1 when the JVM cannot tell. */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** The peak resident set ({@code VmHWM}) in bytes; -1 where /proc is missing. */
    static long peakRssBytes() {
        try {
            return vmHwmBytes(Files.readString(STATUS, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Starts a new peak-RSS measurement from the current resident set ({@code 5} to {@code
     * clear_refs}, Linux 4.0 and later).
     *
     * @return whether the kernel accepted it
     */
    static boolean resetPeakRss() {
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** {@code VmHWM} of a /proc/PID/status text in bytes, -1 when absent. */
    static long vmHwmBytes(String status) {
        for (String line : status.split("\n", -1)) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+", -1);
                if (parts.length == 2 && parts[1].equals("kB")) {
                    try {
                        return Long.parseLong(parts[0]) * 1024;
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
                return -1;
            }
        }
        return -1;
    }
}
