package dev.gwellbridge.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes folders a test created outside JUnit's own temporary folders. */
public final class TempTrees {
    private TempTrees() {}

    /** Deletes each folder with everything in it; null entries are skipped. */
    public static void delete(Path... dirs) throws IOException {
        for (Path dir : dirs) {
            if (dir == null || !Files.exists(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
