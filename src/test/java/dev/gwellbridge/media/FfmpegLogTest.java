package dev.gwellbridge.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FfmpegLogTest {

    /** Lines as ffmpeg 5.1 printed them in our runs (addresses shortened). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'[fifo @ 0x5563] [info] Recovery failed: Connection refused'                               | OUTPUT_FAILING",
                "'[tee @ 0x5578] [error] Slave muxer #0 failed: Broken pipe, continuing with 1/2 slaves.'   | OUTPUT_FAILING",
                "'[tee @ 0x5617] [error] Slave ''[f=rtsp]rtsp://127.0.0.1:18555/cam'': error writing header: Connection refused' | OUTPUT_FAILING",
                "'[fifo @ 0x5563] [info] Recovery successful'                                               | OUTPUT_RECOVERED",
                "'[tcp @ 0x7f45] [error] Connection to tcp://127.0.0.1:18557?timeout=0 failed: Connection refused' | ERROR",
                "'[fatal] pipe:: Invalid data found when processing input'                                  | ERROR",
                "'[hls @ 0x5576] [info] Opening ''/data/hls/cam/index3.ts'' for writing'                    | OTHER",
                "'[tee @ 0x5578] [warning] Timestamps are unset in a packet for stream 0.'                  | OTHER"
            })
    void classifiesLines(String line, FfmpegLog expected) {
        assertThat(FfmpegLog.classify(line)).isEqualTo(expected);
    }
}
