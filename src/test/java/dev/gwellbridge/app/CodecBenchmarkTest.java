package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The benchmark's receive pipeline produces the right bytes (its speed is not tested here). */
class CodecBenchmarkTest {

    @Test
    void decodesEveryDatagramBackToTheH264ItCarries() throws Exception {
        CodecBenchmark pipeline = CodecBenchmark.prepare(25, 1000, 9);
        assertThat(pipeline.datagramCount()).isEqualTo(26);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = pipeline.decode(out::write);
        assertThat(out.toByteArray()).isEqualTo(pipeline.expectedH264());
        assertThat(written).isEqualTo(25 * 996);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        pipeline.decode(again::write);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Test
    void buildsOneMtpFramedSegmentPerMessage() {
        CodecBenchmark pipeline = CodecBenchmark.prepare(3, 1000, 9);
        int headInfo = 6 + 24 + 4 + 28;
        int av = 6 + 24 + 1000;
        assertThat(pipeline.datagramBytes()).isEqualTo(headInfo + 3 * av);
    }
}
