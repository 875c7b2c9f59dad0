package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The image recipe, the start script and the store files agree with each other and with the code.
 * Docker cannot run here, so what can be checked without building the image is checked here.
 */
class AddonFilesTest {
    private final String dockerfile = AddonFiles.read("Dockerfile");

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    private List<String> instructions() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().toList()) {
            String t = line.strip();
            if (current.length() == 0 && (t.isEmpty() || t.startsWith("#"))) {
                continue;
            }
            if (t.endsWith("\\")) {
                current.append(t, 0, t.length() - 1).append(' ');
            } else {
                current.append(t);
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return out;
    }

    @Test
    void everyFileTheImageCopiesFromTheRepositoryExists() {
        List<String> sources = new ArrayList<>();
        for (String i : instructions()) {
            if (!i.startsWith("COPY ") || i.contains("--from=")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(i.substring(5).strip().split("\\s+")));
            words.removeIf(w -> w.startsWith("--"));
            sources.addAll(words.subList(0, words.size() - 1));
        }
        assertThat(sources).contains("pom.xml", "mvnw", "src/", "addon/run.sh", "addon/mediamtx.yml");
        for (String s : sources) {
            assertThat(AddonFiles.ROOT.resolve(s)).as("COPY source " + s).exists();
        }
    }

    @Test
    void theImageStartsTheRunScriptItCopies() {
        assertThat(instructions()).contains("ENTRYPOINT [\"/app/run.sh\"]", "COPY addon/run.sh /app/run.sh");
        assertThat(AddonFiles.ROOT.resolve("addon/run.sh")).isExecutable();
        assertThat(AddonFiles.read("addon/run.sh"))
                .startsWith("#!/bin/sh\n")
                .doesNotContain("\r")
                .contains("exec \"$JAVA\" $JAVA_OPTS -jar \"$JAR\" run --options \"$OPTIONS\" --data-dir \"$DATA_DIR\"")
                .contains("JAR=\"${GWELL_JAR:-/app/gwell-bridge.jar}\"")
                .contains("TEMPLATE=\"${GWELL_MEDIAMTX_TEMPLATE:-/app/mediamtx.yml}\"");
        assertThat(instructions())
                .contains("COPY --from=build /src/target/gwell-bridge.jar /app/gwell-bridge.jar")
                .contains("COPY addon/mediamtx.yml /app/mediamtx.yml");
    }

    @Test
    void theJarIsBuiltWithTheWrapperAndTheRuntimeIsAJre21OrNewer() {
        List<String> from =
                instructions().stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).matches("FROM eclipse-temurin:17-jdk-[a-z]+ AS build");
        Matcher runtime =
                Pattern.compile("FROM eclipse-temurin:(\\d+)-jre-[a-z]+").matcher(from.get(1));
        assertThat(runtime.matches()).as(from.get(1)).isTrue();
        assertThat(Integer.parseInt(runtime.group(1))).isGreaterThanOrEqualTo(21);
        assertThat(instructions()).contains("RUN ./mvnw -B -DskipTests package");
        assertThat(String.join("\n", instructions())).doesNotContain("BUILD_FROM", "BUILD_ARCH", ":latest");
    }

    @Test
    void mediamtxIsPinnedAndFetchedForTheTargetArchitecture() {
        assertThat(dockerfile).containsPattern("ARG MEDIAMTX_VERSION=v\\d+\\.\\d+\\.\\d+\n");
        assertThat(dockerfile)
                .contains("${TARGETARCH:-$(uname -m)}")
                .contains("amd64 | x86_64) mtx_arch=amd64")
                .contains("arm64 | aarch64) mtx_arch=arm64")
                .contains("sha256sum -c")
                .contains("apt-get install")
                .contains("ffmpeg jq");
    }

    @Test
    void theImageLabelsCarryTheAddOnsVersionAndName() throws IOException {
        String version = ConfigYamlConsistencyTest.mavenVersion();
        Map<String, Object> config = AddonFiles.config();
        assertThat(dockerfile)
                .contains("io.hass.version=\"" + version + "\"")
                .contains("org.opencontainers.image.version=\"" + version + "\"")
                .contains("io.hass.type=\"addon\"")
                .contains("io.hass.name=\"" + config.get("name") + "\"")
                .contains("io.hass.url=\"" + config.get("url") + "\"");
    }

    @Test
    void theRunScriptUsesTheSamePortsAsTheCode() {
        String run = AddonFiles.read("addon/run.sh");
        assertThat(run)
                .contains("WEB_PORT=" + Ports.WEB_PORT + "\n")
                .contains("DEFAULT_RTSP_PORT=" + Ports.DEFAULT_RTSP_PORT + "\n")
                .contains("DEFAULT_HLS_PORT=" + Ports.DEFAULT_HLS_PORT + "\n");
    }

    @Test
    void theMediamtxTemplateHasEveryPlaceholderTheScriptFills() {
        String template = AddonFiles.read("addon/mediamtx.yml");
        String run = AddonFiles.read("addon/run.sh");
        Matcher m = Pattern.compile("@[A-Z_]+@").matcher(template);
        Set<String> placeholders = new TreeSet<>();
        while (m.find()) {
            placeholders.add(m.group());
        }
        assertThat(placeholders).containsExactlyInAnyOrder("@LOG_LEVEL@", "@RTSP_PORT@", "@HLS_PORT@");
        placeholders.forEach(p -> assertThat(run).contains("s/" + p + "/"));
        assertThat(MiniYaml.parseMap(template.replaceAll("@[A-Z_]+@", "1")))
                .containsEntry("rtspAddress", ":1")
                .containsEntry("hlsAddress", ":1")
                .containsEntry("rtspTransports", List.of("tcp"));
    }

    @Test
    void theRepositoryFileNamesTheAddOnsRepository() {
        Map<String, Object> repo = AddonFiles.yaml("repository.yaml");
        assertThat(repo.keySet()).containsExactlyInAnyOrder("name", "url", "maintainer");
        assertThat(repo.get("url")).isEqualTo(AddonFiles.config().get("url"));
        assertThat((String) repo.get("name")).isNotBlank();
    }

    @Test
    void theStoreImagesHaveTheirRecommendedSizes() throws IOException {
        BufferedImage icon = ImageIO.read(AddonFiles.ROOT.resolve("icon.png").toFile());
        BufferedImage logo = ImageIO.read(AddonFiles.ROOT.resolve("logo.png").toFile());
        assertThat(icon.getWidth()).isEqualTo(128);
        assertThat(icon.getHeight()).isEqualTo(128);
        assertThat(logo.getWidth()).isEqualTo(250);
        assertThat(logo.getHeight()).isEqualTo(100);
        assertThat(AddonFiles.ROOT.resolve("addon/tools/DrawIcons.java")).exists();
    }

    @Test
    void theBuildContextLeavesOutLocalState() throws IOException {
        List<String> ignored = Files.readAllLines(AddonFiles.ROOT.resolve(".dockerignore"));
        assertThat(ignored).contains("target", "data", ".git");
    }
}
