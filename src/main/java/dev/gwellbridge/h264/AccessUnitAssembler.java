package dev.gwellbridge.h264;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups NAL units into access units (pictures) and marks the ones decoding can start from.
 *
 * <p>A new access unit begins (ITU-T H.264 §7.4.1.2.3, simplified for streams without arbitrary
 * slice order) with an AUD, SPS, PPS, SEI or types 14..18 after a slice, or with a slice whose
 * {@code first_mb_in_slice} is 0. The last access unit is handed on when the first unit of the next
 * one begins: as soon as its first two bytes are in ({@link #unitStarts}), or on {@link #flush()}.
 *
 * <p>The latest SPS and PPS are remembered; a keyframe that arrives without them gets them
 * prepended, so every keyframe handed on decodes on its own (needed when ffmpeg restarts mid-stream
 * and for snapshots). An intra picture before any SPS was seen is not a keyframe.
 *
 * <p>Not thread-safe: one feeding thread.
 */
public final class AccessUnitAssembler implements NalSink {
    private static final Logger LOG = LoggerFactory.getLogger(AccessUnitAssembler.class);
    private static final int SLICE_TYPE_I = 2;
    private static final int SLICE_TYPE_SI = 4;

    private final Consumer<AccessUnit> sink;
    private final int maxAccessUnitBytes;
    private final List<NalUnit> current = new ArrayList<>();
    private int currentBytes;
    private boolean hasSlice;
    private boolean idr;
    private boolean intra;
    private boolean hasSps;
    private boolean hasPps;
    private boolean overflow;
    private NalUnit lastSps;
    private NalUnit lastPps;
    private Sps lastParsedSps;
    private long discardedPictures;

    /**
     * @param sink receives each complete access unit on the feeding thread
     * @param maxAccessUnitBytes larger pictures are discarded (bounds memory on a corrupt stream)
     */
    public AccessUnitAssembler(Consumer<AccessUnit> sink, int maxAccessUnitBytes) {
        this.sink = sink;
        this.maxAccessUnitBytes = maxAccessUnitBytes;
    }

    @Override
    public void unitStarts(int header, int secondByte) {
        if (hasSlice && beginsAccessUnit(header & 0x1F, secondByte)) {
            emit();
        }
    }

    @Override
    public void accept(NalUnit nal) {
        if (hasSlice && beginsAccessUnit(nal.type(), nal.length() > 1 ? nal.bytes()[1] & 0xFF : 0)) {
            emit();
        }
        int type = nal.type();
        if (type == NalUnit.TYPE_SPS) {
            onSps(nal);
        } else if (type == NalUnit.TYPE_PPS) {
            lastPps = nal;
            hasPps = true;
        }
        if (nal.isSlice()) {
            if (!hasSlice) {
                intra = isIntraSlice(nal);
            }
            hasSlice = true;
            idr |= type == NalUnit.TYPE_IDR;
        }
        currentBytes += 4 + nal.length();
        if (currentBytes > maxAccessUnitBytes) {
            overflow = true;
        }
        if (!overflow) {
            current.add(nal);
        }
    }

    /** End of stream: hands on the last access unit if it holds a slice. */
    public void flush() {
        if (hasSlice) {
            emit();
        }
        reset();
    }

    /** The most recent SPS that parsed, if any. */
    public Optional<Sps> sps() {
        return Optional.ofNullable(lastParsedSps);
    }

    /** Pictures dropped because they exceeded the size limit. */
    public long discardedPictures() {
        return discardedPictures;
    }

    private void onSps(NalUnit nal) {
        try {
            Sps parsed = SpsParser.parse(nal);
            if (!parsed.equals(lastParsedSps)) {
                LOG.debug(
                        "SPS: {}x{} profile {} level {} rate {}",
                        parsed.width(),
                        parsed.height(),
                        parsed.profileIdc(),
                        parsed.levelIdc(),
                        parsed.frameRate().map(FrameRate::toArgument).orElse("not declared"));
            }
            lastParsedSps = parsed;
            lastSps = nal;
            hasSps = true;
        } catch (MalformedNalException e) {
            LOG.debug("SPS ignored: {}", e.getMessage());
        }
    }

    /**
     * Whether a unit of this type, whose byte after the header is {@code second}, begins a new access
     * unit after a slice: AUD, SPS, PPS, SEI, types 14..18, or a slice with {@code
     * first_mb_in_slice} 0 (coded ue(v), so its first bit is 1).
     */
    private static boolean beginsAccessUnit(int type, int second) {
        boolean slice = type == NalUnit.TYPE_SLICE || type == NalUnit.TYPE_IDR;
        return (type >= NalUnit.TYPE_SEI && type <= NalUnit.TYPE_AUD)
                || (type >= 14 && type <= 18)
                || (slice && (second & 0x80) != 0);
    }

    private static boolean isIntraSlice(NalUnit nal) {
        byte[] b = nal.bytes();
        RbspReader r = new RbspReader(b, 1, b.length);
        try {
            r.readUe();
            int sliceType = r.readUe() % 5;
            return sliceType == SLICE_TYPE_I || sliceType == SLICE_TYPE_SI;
        } catch (MalformedNalException e) {
            return false;
        }
    }

    private void emit() {
        if (overflow) {
            discardedPictures++;
            LOG.debug("picture of {} bytes discarded (limit {})", currentBytes, maxAccessUnitBytes);
            reset();
            return;
        }
        boolean key = (idr || (intra && hasSps)) && lastSps != null && lastPps != null;
        List<NalUnit> units = current;
        if (key && (!hasSps || !hasPps)) {
            units = withParameterSets();
        }
        AccessUnit au = AccessUnit.of(units, key, key ? lastParsedSps : null);
        reset();
        sink.accept(au);
    }

    /** The picture with the remembered SPS and PPS added where missing (a PPS must follow its SPS). */
    private List<NalUnit> withParameterSets() {
        List<NalUnit> units = new ArrayList<>(current.size() + 2);
        boolean needPps = !hasPps;
        if (!hasSps) {
            units.add(lastSps);
            if (needPps) {
                units.add(lastPps);
                needPps = false;
            }
        }
        for (NalUnit n : current) {
            units.add(n);
            if (needPps && n.type() == NalUnit.TYPE_SPS) {
                units.add(lastPps);
                needPps = false;
            }
        }
        return units;
    }

    private void reset() {
        current.clear();
        currentBytes = 0;
        hasSlice = false;
        idr = false;
        intra = false;
        hasSps = false;
        hasPps = false;
        overflow = false;
    }
}
