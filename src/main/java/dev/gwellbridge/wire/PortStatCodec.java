package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;
import java.util.ArrayList;
import java.util.List;

/**
 * Codec of the 0xCA/0xCB {@link PortMessage} family (GWELL-PROTOCOL.md §6.12).
 *
 * <pre>
 * Off Size Field
 * 0   4    7F CA 34 00 (or 7F CB 34 00)
 * 4   8    routing id
 * 12  4    0 (sqnum not written)
 * 16  4    checksum
 * 20  4    flags 0x00010000 (mode 1)
 * 24  4    zero
 * 28  8    camera TID
 * 36  4    linkId
 * 40  1    kind: 0 = port-stat, 1 = session-socket
 * 41  1    port-stat: 1; session-socket: sub type (1, 2, 3)
 * 42  2    zero
 * 44  8    up to four LE16 relay ports (session-socket sub 1/2 only; zero otherwise)
 * </pre>
 */
public final class PortStatCodec implements GutesCodec<PortMessage> {
    public static final PortStatCodec INSTANCE = new PortStatCodec();

    /** Frame length. */
    public static final int LENGTH = 52;
    /** Flags word. */
    public static final int FLAGS = 0x00010000;
    /** Kind byte of PortStatReq/Resp. */
    public static final int KIND_PORT_STAT = 0;
    /** Kind byte of SessionSocket. */
    public static final int KIND_SESSION_SOCKET = 1;

    private static final int PORTS = 44;

    private PortStatCodec() {}

    @Override
    public byte[] encodePlain(PortMessage m) {
        byte[] f = GutesFrames.newFrame(GutesRoute.PROTO_ACCESS, m.subtype(), LENGTH, m.routingId(), 0, FLAGS);
        Le.putInt64(f, 28, m.targetTid());
        Le.putInt32(f, 36, m.linkId());
        if (m instanceof SessionSocket s) {
            f[40] = KIND_SESSION_SOCKET;
            f[41] = (byte) s.subType();
            for (int i = 0; i < s.relayPorts().size(); i++) {
                Le.putInt16(f, PORTS + 2 * i, s.relayPorts().get(i));
            }
        } else {
            f[40] = KIND_PORT_STAT;
            f[41] = 1;
        }
        return GutesFrames.finish(f);
    }

    @Override
    public PortMessage decode(byte[] f) throws FrameException {
        boolean response = f.length > 1 && (f[1] & 0xFF) == GutesMessage.SUB_PORT_STAT_RESP;
        GutesFrames.require(
                f, response ? GutesMessage.SUB_PORT_STAT_RESP : GutesMessage.SUB_PORT_STAT_REQ, LENGTH, "port-stat");
        long routingId = GutesFrames.id(f);
        long tid = Le.int64(f, 28);
        int linkId = Le.int32(f, 36);
        int kind = f[40] & 0xFF;
        if (response) {
            if (kind != KIND_PORT_STAT) {
                throw new FrameException("port-stat: 0xCB with kind " + kind);
            }
            return new PortStatResp(routingId, tid, linkId);
        }
        if (kind == KIND_PORT_STAT) {
            return new PortStatReq(routingId, tid, linkId);
        }
        if (kind != KIND_SESSION_SOCKET) {
            throw new FrameException("port-stat: unknown kind " + kind);
        }
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < SessionSocket.MAX_PORTS && Le.uint16(f, PORTS + 2 * i) != 0; i++) {
            ports.add(Le.uint16(f, PORTS + 2 * i));
        }
        return new SessionSocket(routingId, tid, linkId, f[41] & 0xFF, ports);
    }
}
