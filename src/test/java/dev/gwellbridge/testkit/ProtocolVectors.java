package dev.gwellbridge.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Reads the reference vector files from the folder named by the system property {@code
 * gwell.vectors} (default {@code ../shared/protocol/vectors}). The vectors are never copied into the
 * repository; when the folder is missing, the tests that need it are skipped.
 */
public final class ProtocolVectors {
    private static final HexFormat HEX = HexFormat.of();

    private ProtocolVectors() {}

    public static Path folder() {
        return Path.of(System.getProperty("gwell.vectors", "../shared/protocol/vectors"));
    }

    /** The {@code vectors} array of one file; aborts the calling test when the file is absent. */
    public static List<JsonNode> load(String file) {
        Path path = folder().resolve(file);
        if (!Files.isRegularFile(path)) {
            Assumptions.abort("protocol vectors not found at " + path.toAbsolutePath());
        }
        try {
            JsonNode root = new ObjectMapper().readTree(path.toFile());
            List<JsonNode> out = new ArrayList<>();
            root.get("vectors").forEach(out::add);
            if (out.size() != root.get("count").asInt()) {
                throw new IllegalStateException(file + ": count field disagrees with the vectors array");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One dynamic test per vector, named exactly by its {@code id}; when the file is absent, a single
     * test that is skipped and names the path it looked at.
     */
    public static Stream<DynamicTest> perVector(String file, ThrowingConsumer<JsonNode> check) {
        Path path = folder().resolve(file);
        if (!Files.isRegularFile(path)) {
            return Stream.of(DynamicTest.dynamicTest(
                    file + " missing",
                    () -> Assumptions.abort("protocol vectors not found at " + path.toAbsolutePath())));
        }
        return load(file).stream().map(v -> DynamicTest.dynamicTest(v.get("id").asText(), () -> check.accept(v)));
    }

    public static byte[] hex(JsonNode n) {
        return HEX.parseHex(n.asText());
    }

    public static byte[] hexBytes(String s) {
        return HEX.parseHex(s);
    }

    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    public static String hex(byte[] b, int off, int len) {
        return HEX.formatHex(b, off, off + len);
    }

    /** An integer field written either as a JSON number or as a {@code "0x…"} string. */
    public static long num(JsonNode n) {
        if (n.isNumber()) {
            return n.asLong();
        }
        String s = n.asText();
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }

    /** A hex-string array, or an empty list for JSON {@code null}. */
    public static List<String> hexList(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && !n.isNull()) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
