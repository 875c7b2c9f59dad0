package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import java.util.Optional;

/**
 * ACCEPT detection on raw segment data (GWELL-PROTOCOL.md §10.2): any PUSH segment of a received
 * datagram whose data starts with 0x03 and is at least 12 bytes long carries an AVSTREAMCTL command
 * at {@code [8..12)}. This runs on every datagram, whatever its conv, so an ACCEPT is seen even when
 * the KCP engine would hold it back (out of order, or a conv the engine does not know yet).
 *
 * <p>When a datagram holds several, an ACCEPT wins; otherwise the first one is reported. Stateless
 * and thread-safe.
 */
public final class AvStreamCtlScanner {
    private static final int MIN_DATA = 12;
    private static final int KEY_OFFSET = 24;
    private static final int KEY_END = KEY_OFFSET + AvStreamCtl.AV_KEY_LENGTH;

    private AvStreamCtlScanner() {}

    /** Scans the segments {@link MtpDatagramParser} found in {@code buf}. */
    public static Optional<AvStreamCtlSighting> scan(byte[] buf, MtpDatagram datagram) {
        AvStreamCtlSighting first = null;
        for (MtpDatagram.SegmentRef seg : datagram.segments()) {
            int d = seg.dataOffset();
            if (!seg.isPush() || seg.dataLength() < MIN_DATA || buf[d] != AvMessage.TYPE_AVSTREAMCTL) {
                continue;
            }
            int command = Le.int32(buf, d + 8);
            if (command == AvStreamCtlCommand.ACCEPT.code()) {
                byte[] key = new byte[0];
                if (seg.dataLength() >= KEY_END) {
                    key = new byte[AvStreamCtl.AV_KEY_LENGTH];
                    System.arraycopy(buf, d + KEY_OFFSET, key, 0, key.length);
                }
                return Optional.of(new AvStreamCtlSighting(command, Le.int32(buf, d + 4), key));
            }
            if (first == null) {
                first = new AvStreamCtlSighting(command, Le.int32(buf, d + 4), new byte[0]);
            }
        }
        return Optional.ofNullable(first);
    }
}
