package dev.gwellbridge.session;

import dev.gwellbridge.crypto.Le;
import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.DecryptedFrame;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesCipher;
import dev.gwellbridge.wire.Inner;
import dev.gwellbridge.wire.InnerCodec;
import dev.gwellbridge.wire.MeterCodec;
import dev.gwellbridge.wire.MtpDatagram;
import dev.gwellbridge.wire.MtpDatagramParser;
import dev.gwellbridge.wire.NetworkDetect;
import dev.gwellbridge.wire.PassthroughControl;
import dev.gwellbridge.wire.PassthroughData;
import dev.gwellbridge.wire.PortMessage;
import dev.gwellbridge.wire.PortStatCodec;
import dev.gwellbridge.wire.PortStatReq;
import dev.gwellbridge.wire.PortStatResp;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import dev.gwellbridge.wire.SessionSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Names what a client datagram or TCP frame carries, decoded with our own codecs, e.g. {@code
 * G:a4} (CALLING), {@code M:meter-req:r1} (own meter request, round 1) or {@code
 * K:CTRL:initreq:hand} (a hand-made INITREQ segment). Used to compare the client messages of a
 * replay with a recorded session by kind and order.
 */
final class Kinds {
    private final Rc5x32 sessionKey;
    private final int dataConv;
    private final int ctrlConv;

    Kinds(Rc5x32 sessionKey, int dataConv, int ctrlConv) {
        this.sessionKey = sessionKey;
        this.dataConv = dataConv;
        this.ctrlConv = ctrlConv;
    }

    List<String> of(byte[] d) {
        List<String> out = new ArrayList<>();
        if (d.length > 0 && (d[0] & 0xFF) == 0xC0) {
            mtp(d, "", out);
        } else {
            gutes(d, out);
        }
        return out;
    }

    private void gutes(byte[] d, List<String> out) {
        DecryptedFrame f;
        try {
            f = GutesCipher.robustDecrypt(d, sessionKey);
        } catch (FrameException e) {
            out.add("G:?");
            return;
        }
        byte[] p = f.frame();
        int sub = f.subtype();
        try {
            switch (sub) {
                case 0xB0 -> out.add(p[25] == 1 ? "G:b0:devid" : "G:b0:token");
                case 0xB9 -> {
                    Inner inner = InnerCodec.INSTANCE.decode(p);
                    if (inner instanceof NetworkDetect) {
                        out.add("G:b9:detect");
                    } else if (inner instanceof PassthroughControl) {
                        out.add("G:b9:control");
                    } else {
                        out.add("G:b9:data");
                        mtp(((PassthroughData) inner).payload().toByteArray(), "P:", out);
                    }
                }
                case 0xCA, 0xCB -> {
                    PortMessage m = PortStatCodec.INSTANCE.decode(p);
                    if (m instanceof SessionSocket s) {
                        out.add("G:ca:socket" + s.subType());
                    } else if (m instanceof PortStatReq) {
                        out.add("G:ca:portstat");
                    } else if (m instanceof PortStatResp) {
                        out.add("G:cb");
                    }
                }
                default -> out.add(String.format("G:%02x", sub));
            }
        } catch (FrameException e) {
            out.add(String.format("G:%02x:?", sub));
        }
    }

    private void mtp(byte[] d, String prefix, List<String> out) {
        MtpDatagram dg;
        try {
            dg = MtpDatagramParser.parse(d, 0, d.length, dataConv, ctrlConv);
        } catch (FrameException e) {
            out.add(prefix + "M:?");
            return;
        }
        dg.control().ifPresent(c -> {
            switch (c.command()) {
                case 0x01 -> {
                    if (RelayRegistrationCodec.matches(d, 0, d.length)) {
                        out.add(prefix + "M:registration");
                    } else {
                        try {
                            out.add(prefix + "M:meter-req:r"
                                    + MeterCodec.decode(d, c.offset(), d.length - c.offset())
                                            .round());
                        } catch (FrameException e) {
                            out.add(prefix + "M:meter-req:?");
                        }
                    }
                }
                case 0x02 -> out.add(prefix + "M:meter-ack");
                case 0x25 -> out.add(prefix + "M:create-kcp");
                default -> out.add(prefix + "M:ctrl-" + c.command());
            }
        });
        for (MtpDatagram.SegmentRef s : dg.segments()) {
            String ch = s.conv() == dataConv ? "DATA" : s.conv() == ctrlConv ? "CTRL" : "?";
            if (!s.isPush()) {
                out.add(prefix + "K:" + ch + ":" + (s.cmd() == 82 ? "ack" : "cmd" + s.cmd()));
                continue;
            }
            int o = s.dataOffset();
            int type = s.dataLength() > 0 ? d[o] & 0xFF : -1;
            if (type == AvMessage.TYPE_AVSTREAMCTL && s.dataLength() >= 12) {
                int cmd = Le.int32(d, o + 8);
                if (cmd == 1) {
                    int una = Le.int32(d, s.offset() + 16);
                    out.add(prefix + "K:" + ch + ":initreq:" + (una == 0 ? "hand" : "engine"));
                } else {
                    out.add(prefix + "K:" + ch + ":avctl" + cmd);
                }
            } else if (type == AvMessage.TYPE_AV_DATA && s.dataLength() == 32 && d[o + 1] == 2) {
                out.add(prefix + "K:" + ch + ":avinit");
            } else {
                out.add(prefix + "K:" + ch + ":push" + type);
            }
        }
    }
}
