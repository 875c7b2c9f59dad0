package dev.gwellbridge.media;

import java.io.IOException;

/** Starts operating-system processes; replaced in tests by fakes. */
@FunctionalInterface
public interface ProcessLauncher {

    /** The real thing: {@link ProcessBuilder#start()}. */
    ProcessLauncher SYSTEM = ProcessBuilder::start;

    Process start(ProcessBuilder builder) throws IOException;
}
