package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gwellbridge.h264.FrameRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The test pattern made by real ffmpeg: decodable by our parser, cached, and a clear error without ffmpeg. */
@Timeout(120)
class TestPatternGeneratorIT {
    @TempDir
    Path cache;

    @Test
    void generatesTheDefaultPatternOnceAndReusesIt() throws Exception {
        TestPatternGenerator generator = new TestPatternGenerator("ffmpeg", cache);
        Path file = generator.ensure(TestPattern.DEFAULT);
        VideoSource source = VideoSource.read(file, FrameRate.FALLBACK);
        assertThat(source.frameRate()).isEqualTo(new FrameRate(20, 1));
        assertThat(source.pictureCount()).isEqualTo(200);
        assertThat(source.size()).as("about 1 Mbit/s for 10 s").isBetween(900_000, 1_600_000);

        FileTime made = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(made.toMillis() - 60_000));
        assertThat(generator.ensure(TestPattern.DEFAULT)).isEqualTo(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(made.toMillis() - 60_000);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void saysWhatToDoWhenFfmpegIsMissing() {
        TestPatternGenerator generator =
                new TestPatternGenerator(cache.resolve("no-ffmpeg-here").toString(), cache);
        assertThatThrownBy(() -> generator.ensure(TestPattern.DEFAULT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("install ffmpeg")
                .hasMessageContaining("--h264");
    }
}
