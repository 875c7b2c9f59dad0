package dev.gwellbridge.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Reads the reference vectors from the folder named by the system property {@code gwell.vectors}
 * (the build passes it), so that no vector byte is copied into the repository. Without the folder,
 * tests are aborted (reported as skipped), not failed.
 */
public final class ReferenceVectors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private ReferenceVectors() {}

    /** The vectors folder. */
    public static Path folder() {
        return Path.of(System.getProperty("gwell.vectors", "../shared/protocol/vectors"));
    }

    /** The parsed file, or an aborted test when it is missing. */
    public static JsonNode load(String file) {
        Path path = folder().resolve(file);
        if (!Files.isRegularFile(path)) {
            Assumptions.abort(
                    "reference vectors not found at " + folder().toAbsolutePath() + ": " + file + " is missing");
        }
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One dynamic test per entry of {@code vectors}, named exactly by the entry's {@code id}. */
    public static Stream<DynamicTest> each(String file, ThrowingConsumer<JsonNode> check) {
        JsonNode vectors = load(file).get("vectors");
        return StreamSupport.stream(vectors.spliterator(), false)
                .map(v -> DynamicTest.dynamicTest(v.get("id").asText(), () -> check.accept(v)));
    }

    /** Bytes of a {@code *_hex} field. */
    public static byte[] bytes(JsonNode hexField) {
        return HEX.parseHex(hexField.asText());
    }

    /** Lowercase hex. */
    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** A {@code "0x…"} string (up to 64 bits) or a JSON number, as a {@code long}. */
    public static long number(JsonNode n) {
        if (n.isNumber()) {
            return n.asLong();
        }
        String s = n.asText();
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseUnsignedLong(s);
    }
}
