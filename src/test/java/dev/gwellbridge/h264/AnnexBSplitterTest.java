package dev.gwellbridge.h264;

import static dev.gwellbridge.h264.H264Fixtures.PPS;
import static dev.gwellbridge.h264.H264Fixtures.SPS_640X360_20;
import static dev.gwellbridge.h264.H264Fixtures.annexB;
import static dev.gwellbridge.h264.H264Fixtures.hex;
import static dev.gwellbridge.h264.H264Fixtures.idrSlice;
import static dev.gwellbridge.h264.H264Fixtures.pSlice;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AnnexBSplitterTest {
    private static final List<NalUnit> STREAM = List.of(SPS_640X360_20, PPS, idrSlice(40), pSlice(25), pSlice(3));

    private final List<NalUnit> out = new ArrayList<>();
    private final AnnexBSplitter splitter = new AnnexBSplitter(out::add, 1 << 20);

    @Test
    void splitsAWholeStreamFedAtOnce() {
        byte[] bytes = annexB(STREAM);
        splitter.feed(bytes, 0, bytes.length);
        splitter.flush();

        assertThat(out).containsExactlyElementsOf(STREAM);
        assertThat(splitter.discardedBytes()).isZero();
    }

    @Test
    void splitsTheSameAtEveryPossibleChunkBoundary() {
        byte[] bytes = annexB(STREAM);
        for (int cut = 1; cut < bytes.length; cut++) {
            List<NalUnit> got = new ArrayList<>();
            AnnexBSplitter s = new AnnexBSplitter(got::add, 1 << 20);
            s.feed(bytes, 0, cut);
            s.feed(bytes, cut, bytes.length - cut);
            s.flush();
            assertThat(got).as("cut at %d", cut).containsExactlyElementsOf(STREAM);
        }
    }

    @Test
    void splitsAStreamFedOneByteAtATime() {
        byte[] bytes = annexB(STREAM);
        for (int i = 0; i < bytes.length; i++) {
            splitter.feed(bytes, i, 1);
        }
        splitter.flush();

        assertThat(out).containsExactlyElementsOf(STREAM);
    }

    @Test
    void handsOnAUnitAsSoonAsTheNextUnitsHeaderArrives() {
        byte[] bytes = annexB(List.of(SPS_640X360_20, PPS));
        int ppsHeader = bytes.length - PPS.length();
        splitter.feed(bytes, 0, ppsHeader);
        assertThat(out).isEmpty();

        splitter.feed(bytes, ppsHeader, 1);
        assertThat(out).containsExactly(SPS_640X360_20);
    }

    @Test
    void dropsTrailingZerosAndGarbageBeforeTheFirstStartCode() {
        byte[] bytes =
                HexFormat.of().parseHex("aabbcc" + "00000001" + "68ce3c80" + "0000" + "000001" + "0910" + "000000");
        splitter.feed(bytes, 0, bytes.length);
        splitter.flush();

        assertThat(out).containsExactly(PPS, hex("0910"));
        assertThat(splitter.discardedBytes()).isEqualTo(3);
    }

    @Test
    void stripsAFillerRunGluedToTheUnitBeforeAnSps() {
        NalUnit slice = pSlice(30);
        byte[] filler = fillerRun(320);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(new byte[] {0, 0, 0, 1});
        s.writeBytes(slice.toByteArray());
        s.writeBytes(filler);
        s.writeBytes(annexB(List.of(SPS_640X360_20, PPS)));
        byte[] bytes = s.toByteArray();

        splitter.feed(bytes, 0, bytes.length);
        splitter.flush();

        assertThat(out).containsExactly(slice, SPS_640X360_20, PPS);
        assertThat(splitter.discardedBytes()).isEqualTo(320);
    }

    @Test
    void dropsAFillerRunThatFollowsAStartCodeOfItsOwn() {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(annexB(List.of(pSlice(10))));
        s.writeBytes(new byte[] {0, 0, 0, 1});
        s.writeBytes(fillerRun(100));
        s.writeBytes(annexB(List.of(SPS_640X360_20)));
        byte[] bytes = s.toByteArray();

        splitter.feed(bytes, 0, bytes.length);
        splitter.flush();

        assertThat(out).containsExactly(pSlice(10), SPS_640X360_20);
        assertThat(splitter.discardedBytes()).isEqualTo(100);
    }

    @Test
    void keepsShortFillerLikeTailsAndTailsBeforeOtherUnits() {
        byte[] tail = fillerRun(AnnexBSplitter.MIN_FILLER_RUN - 1);
        NalUnit shortTail = withTail(pSlice(5), tail);
        NalUnit longTailNotBeforeSps = withTail(pSlice(6), fillerRun(64));
        byte[] bytes = annexB(List.of(shortTail, SPS_640X360_20, longTailNotBeforeSps, pSlice(7)));

        splitter.feed(bytes, 0, bytes.length);
        splitter.flush();

        assertThat(out).containsExactly(shortTail, SPS_640X360_20, longTailNotBeforeSps, pSlice(7));
    }

    @Test
    void dropsUnitsWithTheForbiddenBitOrAnUnspecifiedType() {
        byte[] bytes = annexB(List.of(hex("e5aa"), hex("1eaa"), hex("00aa"), PPS));
        splitter.feed(bytes, 0, bytes.length);
        splitter.flush();

        assertThat(out).containsExactly(PPS);
        assertThat(splitter.discardedBytes()).isEqualTo(6);
    }

    @Test
    void dropsUnitsOverTheSizeLimitAndResynchronises() {
        List<NalUnit> got = new ArrayList<>();
        AnnexBSplitter small = new AnnexBSplitter(got::add, 64);
        NalUnit big = pSlice(100);
        byte[] bytes = annexB(List.of(PPS, big, pSlice(10)));

        small.feed(bytes, 0, bytes.length);
        small.flush();

        assertThat(got).containsExactly(PPS, pSlice(10));
        assertThat(small.discardedBytes()).isEqualTo(big.length());
    }

    @Property(tries = 200)
    void anyChunkingYieldsTheOriginalUnits(
            @ForAll("streams") List<NalUnit> nals,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 1500) Integer> chunks) {
        byte[] bytes = annexB(nals);
        List<NalUnit> got = new ArrayList<>();
        AnnexBSplitter s = new AnnexBSplitter(got::add, 1 << 20);
        int pos = 0;
        int i = 0;
        while (pos < bytes.length) {
            int n = Math.min(chunks.get(i++ % chunks.size()), bytes.length - pos);
            s.feed(bytes, pos, n);
            pos += n;
        }
        s.flush();

        assertThat(got).containsExactlyElementsOf(nals);
    }

    @Provide
    Arbitrary<List<NalUnit>> streams() {
        Arbitrary<NalUnit> unit = Arbitraries.integers()
                .between(1, 23)
                .flatMap(type ->
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000).map(payload -> unitOf(type, payload)));
        return unit.list().ofMinSize(1).ofMaxSize(20);
    }

    /**
     * A unit whose payload is made valid: no start-code emulation, no trailing zero, and no tail that
     * looks like camera filler.
     */
    private static NalUnit unitOf(int type, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x60 | type);
        int zeros = 0;
        for (byte x : payload) {
            if (zeros >= 2 && (x & 0xFF) <= 3) {
                b.write(3);
                zeros = 0;
            }
            b.write(x);
            zeros = x == 0 ? zeros + 1 : 0;
        }
        byte[] done = b.toByteArray();
        byte last = done[done.length - 1];
        if (last == 0 || last == (byte) 0x7E || last == (byte) 0xFF) {
            b.write(0x80);
        }
        return NalUnit.of(b.toByteArray());
    }

    private static byte[] fillerRun(int length) {
        byte[] f = new byte[length];
        for (int i = 0; i < length; i++) {
            f[i] = (byte) (i % 3 == 0 ? 0xFF : 0x7E);
        }
        return f;
    }

    private static NalUnit withTail(NalUnit nal, byte[] tail) {
        byte[] a = nal.toByteArray();
        byte[] b = Arrays.copyOf(a, a.length + tail.length);
        System.arraycopy(tail, 0, b, a.length, tail.length);
        return NalUnit.of(b);
    }
}
