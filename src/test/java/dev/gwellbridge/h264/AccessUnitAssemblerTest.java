package dev.gwellbridge.h264;

import static dev.gwellbridge.h264.H264Fixtures.AUD;
import static dev.gwellbridge.h264.H264Fixtures.PPS;
import static dev.gwellbridge.h264.H264Fixtures.SEI;
import static dev.gwellbridge.h264.H264Fixtures.SPS_640X360_20;
import static dev.gwellbridge.h264.H264Fixtures.continuationSlice;
import static dev.gwellbridge.h264.H264Fixtures.idrSlice;
import static dev.gwellbridge.h264.H264Fixtures.intraSlice;
import static dev.gwellbridge.h264.H264Fixtures.pSlice;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessUnitAssemblerTest {
    private final List<AccessUnit> out = new ArrayList<>();
    private final AccessUnitAssembler assembler = new AccessUnitAssembler(out::add, 1 << 20);

    private void feed(NalUnit... nals) {
        for (NalUnit n : nals) {
            assembler.accept(n);
        }
    }

    /** The expected Annex B form: each unit behind a 4-byte start code. */
    private static byte[] bytes(NalUnit... nals) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (NalUnit n : nals) {
            b.writeBytes(new byte[] {0, 0, 0, 1});
            b.writeBytes(n.toByteArray());
        }
        return b.toByteArray();
    }

    @Test
    void groupsParameterSetsAndSlicesIntoPictures() {
        NalUnit idrA = idrSlice(20);
        NalUnit idrB = continuationSlice(5, 20);
        NalUnit pA = pSlice(10);
        NalUnit pB = continuationSlice(1, 10);
        feed(SPS_640X360_20, PPS, SEI, idrA, idrB, pA, pB, pSlice(5));
        assembler.flush();

        assertThat(out).hasSize(3);
        assertThat(out.get(0).toByteArray()).isEqualTo(bytes(SPS_640X360_20, PPS, SEI, idrA, idrB));
        assertThat(out.get(0).keyframe()).isTrue();
        assertThat(out.get(0).sps()).map(Sps::width).contains(640);
        assertThat(out.get(1).toByteArray()).isEqualTo(bytes(pA, pB));
        assertThat(out.get(1).keyframe()).isFalse();
        assertThat(out.get(1).sps()).isEmpty();
        assertThat(out.get(2).toByteArray()).isEqualTo(bytes(pSlice(5)));
    }

    @Test
    void handsOnAPictureWhenTheNextOneBegins() {
        feed(SPS_640X360_20, PPS, idrSlice(5), continuationSlice(5, 5));
        assertThat(out).isEmpty();

        feed(AUD);
        assertThat(out).hasSize(1);
        feed(pSlice(5));
        assertThat(out).hasSize(1);
        feed(pSlice(6));
        assertThat(out).hasSize(2);
        assertThat(out.get(1).toByteArray()).isEqualTo(bytes(AUD, pSlice(5)));
    }

    @Test
    void fedBySplitterHandsOnAPictureOnceTheNextPicturesFirstTwoBytesArrive() {
        AnnexBSplitter splitter = new AnnexBSplitter(assembler, 1 << 20);
        byte[] stream = H264Fixtures.annexB(List.of(SPS_640X360_20, PPS, idrSlice(40), pSlice(30)));
        int secondByteOfP = stream.length - pSlice(30).length() + 1;

        splitter.feed(stream, 0, secondByteOfP);
        assertThat(out).isEmpty();

        splitter.feed(stream, secondByteOfP, 1);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).toByteArray()).isEqualTo(bytes(SPS_640X360_20, PPS, idrSlice(40)));

        splitter.feed(stream, secondByteOfP + 1, stream.length - secondByteOfP - 1);
        splitter.flush();
        assembler.flush();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).toByteArray()).isEqualTo(bytes(pSlice(30)));
    }

    @Test
    void prependsRememberedParameterSetsToAKeyframeWithoutThem() {
        feed(SPS_640X360_20, PPS, idrSlice(5), pSlice(5), idrSlice(7));
        assembler.flush();

        AccessUnit second = out.get(2);
        assertThat(second.keyframe()).isTrue();
        assertThat(second.toByteArray()).isEqualTo(bytes(SPS_640X360_20, PPS, idrSlice(7)));
    }

    @Test
    void insertsAMissingPpsAfterTheSps() {
        feed(SPS_640X360_20, PPS, idrSlice(5), SPS_640X360_20, idrSlice(6));
        assembler.flush();

        assertThat(out.get(1).toByteArray()).isEqualTo(bytes(SPS_640X360_20, PPS, idrSlice(6)));
    }

    @Test
    void anIdrBeforeAnyParameterSetIsNoKeyframe() {
        feed(idrSlice(5), pSlice(5), SPS_640X360_20, PPS, idrSlice(5));
        assembler.flush();

        assertThat(out).extracting(AccessUnit::keyframe).containsExactly(false, false, true);
    }

    @Test
    void anIntraSliceBehindAnSpsIsAKeyframeEvenWithoutIdr() {
        feed(SPS_640X360_20, PPS, intraSlice(5), pSlice(5), intraSlice(5));
        assembler.flush();

        assertThat(out).extracting(AccessUnit::keyframe).containsExactly(true, false, false);
    }

    @Test
    void discardsPicturesOverTheSizeLimit() {
        List<AccessUnit> got = new ArrayList<>();
        AccessUnitAssembler small = new AccessUnitAssembler(got::add, 100);
        small.accept(SPS_640X360_20);
        small.accept(PPS);
        small.accept(idrSlice(5));
        small.accept(pSlice(200));
        small.accept(pSlice(10));
        small.flush();

        assertThat(got).extracting(AccessUnit::size).containsExactly(4 + 25 + 4 + 4 + 4 + 7, 4 + 12);
        assertThat(small.discardedPictures()).isEqualTo(1);
    }

    @Test
    void remembersTheLatestParsedSps() {
        feed(SPS_640X360_20, PPS, idrSlice(5));

        assertThat(assembler.sps()).map(Sps::height).contains(360);
    }
}
