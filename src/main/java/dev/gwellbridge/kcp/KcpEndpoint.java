package dev.gwellbridge.kcp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KCP engine following stock {@code ikcp.c} function by function, configured and behaving like
 * the GWell reference client's engine (GWELL-PROTOCOL.md §9.3, §9.4). Sans-IO: the owner calls
 * {@link #input}, {@link #send}, {@link #recv}, {@link #update} and {@link #check} with its own
 * clock; output goes to a {@link KcpOutput}.
 *
 * <p>Differences from stock, all taken from the reference and its recorded vectors:
 *
 * <ul>
 *   <li>no congestion window ({@code nc = 1}, and the reference never grows {@code cwnd});
 *   <li>a timeout retransmission grows the segment's RTO linearly ({@code rto += rx_rto} with nodelay
 *       0), and the first transmission schedules {@code resendts = current + rto} without stock's
 *       {@code rx_rto >> 3} extra (vector {@code kcp_scn_retransmit_schedule}: 10010, 10210, 10610,
 *       11210);
 *   <li>window probe segments carry {@code ts = current} unless ACKs precede them in the same flush
 *       (vector {@code kcp_scn_wask_wins});
 *   <li>a segment reaching {@code dead_link} transmissions is only counted, the link is kept;
 *   <li>no "window reopened" WINS after the application drains a full receive queue;
 *   <li>the receive window is taken as configured (64 is possible), not raised to 128.
 * </ul>
 *
 * <p>Unlike the reference, {@link #recv()} reassembles fragmented messages as stock does; the
 * reference returns only the first fragment's data, which is a bug (§9.4).
 *
 * <p>Sequence numbers and times are 32-bit and compared with signed differences, exactly like
 * stock ({@code _itimediff}); {@code long} clock arguments are truncated to 32 bits. Not
 * thread-safe: an engine is confined to the thread that drives it.
 */
public final class KcpEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(KcpEndpoint.class);

    /** Probe flag: send a WASK at the next flush. */
    public static final int IKCP_ASK_SEND = 1;
    /** Probe flag: send a WINS at the next flush. */
    public static final int IKCP_ASK_TELL = 2;
    /** Stock receive window default; a message may have at most this many fragments minus one. */
    public static final int IKCP_WND_RCV = 128;
    /** Initial window-probe wait in ms. */
    public static final int IKCP_PROBE_INIT = 7000;
    /** Longest window-probe wait in ms. */
    public static final int IKCP_PROBE_LIMIT = 120_000;

    private static final int IKCP_OVERHEAD = KcpSegment.IKCP_OVERHEAD;
    private static final int IKCP_CMD_PUSH = KcpSegment.IKCP_CMD_PUSH;
    private static final int IKCP_CMD_ACK = KcpSegment.IKCP_CMD_ACK;
    private static final int IKCP_CMD_WASK = KcpSegment.IKCP_CMD_WASK;
    private static final int IKCP_CMD_WINS = KcpSegment.IKCP_CMD_WINS;
    /** Keeps a segment's linearly growing RTO far from 32-bit wrap-around. */
    private static final int RTO_GROWTH_CAP = 1 << 29;

    /** {@code IKCPSEG}: a queued or buffered segment. */
    private static final class Segment {
        int frg;
        int ts;
        int sn;
        int una;
        int resendts;
        int rto;
        int fastack;
        int xmit;
        byte[] data;
    }

    private final int conv;
    private final int mtu;
    private final int mss;
    private final int sndWnd;
    private final int rcvWnd;
    private final int nodelay;
    private final int interval;
    private final int fastresend;
    private final int deadLink;
    private final int rxMinrto;
    private final int rxMaxrto;
    private final KcpOutput output;
    private final byte[] buffer;

    private int sndUna;
    private int sndNxt;
    private int rcvNxt;
    private int rmtWnd = IKCP_WND_RCV;
    private long rxSrtt;
    private long rxRttval;
    private int rxRto;
    private int current;
    private int tsFlush;
    private boolean updated;
    private int tsProbe;
    private int probeWait;
    private int probe;

    private final ArrayDeque<Segment> sndQueue = new ArrayDeque<>();
    private final ArrayDeque<Segment> rcvQueue = new ArrayDeque<>();
    private final ArrayDeque<Segment> sndBuf = new ArrayDeque<>();
    private final ArrayList<Segment> rcvBuf = new ArrayList<>();
    private int[] ackList = new int[32];
    private int ackCount;

    private long segmentsReceived;
    private long segmentsSent;
    private long acksSent;
    private long messagesSent;
    private long messagesReceived;
    private long retransmissions;
    private long fastRetransmissions;
    private long droppedAhead;
    private long duplicates;
    private long convMismatches;
    private long malformedInputs;
    private long deadLinkTransmissions;
    private long windowProbesSent;
    private long windowAnswersSent;
    private long outputCalls;

    /** {@code ikcp_create} followed by {@code ikcp_nodelay}, {@code ikcp_wndsize} and {@code ikcp_setmtu}. */
    public KcpEndpoint(int conv, KcpConfig config, KcpOutput output) {
        this.conv = conv;
        this.mtu = config.mtu();
        this.mss = config.mss();
        this.sndWnd = config.sndWnd();
        this.rcvWnd = config.rcvWnd();
        this.nodelay = config.nodelay();
        this.interval = config.effectiveInterval();
        this.fastresend = config.fastResend();
        this.deadLink = config.deadLink();
        this.rxMinrto = config.minRto();
        this.rxMaxrto = config.maxRto();
        this.rxRto = config.initialRto();
        this.output = output;
        this.buffer = new byte[mtu];
    }

    /** {@code ikcp_send} for a whole array. */
    public int send(byte[] data) {
        return send(data, 0, data.length);
    }

    /**
     * {@code ikcp_send}: queues one message, split into at most 127 fragments of up to MSS bytes.
     *
     * @return 0, -1 for a negative length, -2 for a message needing 128 fragments or more
     */
    public int send(byte[] data, int off, int len) {
        if (len < 0) {
            return -1;
        }
        int count = len <= mss ? 1 : (len + mss - 1) / mss;
        if (count >= IKCP_WND_RCV) {
            return -2;
        }
        int p = off;
        int left = len;
        for (int i = 0; i < count; i++) {
            int size = Math.min(left, mss);
            Segment seg = new Segment();
            seg.data = Arrays.copyOfRange(data, p, p + size);
            seg.frg = count - i - 1;
            sndQueue.addLast(seg);
            p += size;
            left -= size;
        }
        messagesSent++;
        return 0;
    }

    /**
     * {@code ikcp_peeksize}: size of the next complete message, or -1 when none is complete.
     */
    public int peekSize() {
        Segment first = rcvQueue.peekFirst();
        if (first == null) {
            return -1;
        }
        if (first.frg == 0) {
            return first.data.length;
        }
        if (rcvQueue.size() < first.frg + 1) {
            return -1;
        }
        int length = 0;
        for (Segment seg : rcvQueue) {
            length += seg.data.length;
            if (seg.frg == 0) {
                break;
            }
        }
        return length;
    }

    /**
     * {@code ikcp_recv}: takes the next complete message, reassembling its fragments.
     *
     * @return the message, or {@code null} when no complete message is queued
     */
    public byte[] recv() {
        int size = peekSize();
        if (size < 0) {
            return null;
        }
        Segment seg = rcvQueue.pollFirst();
        byte[] out;
        if (seg.frg == 0) {
            out = seg.data;
        } else {
            out = new byte[size];
            int p = 0;
            while (seg != null) {
                System.arraycopy(seg.data, 0, out, p, seg.data.length);
                p += seg.data.length;
                if (seg.frg == 0) {
                    break;
                }
                seg = rcvQueue.pollFirst();
            }
        }
        moveReceived();
        messagesReceived++;
        return out;
    }

    /**
     * {@code ikcp_input}: feeds received bytes holding one or more segments.
     *
     * @param now the caller's clock in ms; it becomes {@code current} for RTT samples
     * @return 0; -1 when shorter than a header or a segment's conv differs (segments before it are
     *     kept); -2 when a segment's data runs past the end; -3 for an unknown cmd
     */
    public int input(byte[] data, int off, int len, long now) {
        current = (int) now;
        if (len < IKCP_OVERHEAD) {
            malformedInputs++;
            return -1;
        }
        boolean flag = false;
        int maxack = 0;
        int p = off;
        int size = len;
        while (size >= IKCP_OVERHEAD) {
            int segConv = KcpSegmentCodec.int32(data, p);
            if (segConv != conv) {
                convMismatches++;
                if (LOG.isTraceEnabled()) {
                    LOG.trace("kcp {}: conv mismatch {}", Integer.toHexString(conv), Integer.toHexString(segConv));
                }
                return -1;
            }
            int cmd = data[p + 4] & 0xFF;
            int frg = data[p + 5] & 0xFF;
            int wnd = (data[p + 6] & 0xFF) | (data[p + 7] & 0xFF) << 8;
            int ts = KcpSegmentCodec.int32(data, p + 8);
            int sn = KcpSegmentCodec.int32(data, p + 12);
            int una = KcpSegmentCodec.int32(data, p + 16);
            long segLen = KcpSegmentCodec.int32(data, p + 20) & 0xFFFF_FFFFL;
            p += IKCP_OVERHEAD;
            size -= IKCP_OVERHEAD;
            if (size < segLen) {
                malformedInputs++;
                return -2;
            }
            if (cmd < IKCP_CMD_PUSH || cmd > IKCP_CMD_WINS) {
                malformedInputs++;
                return -3;
            }
            segmentsReceived++;
            rmtWnd = wnd;
            parseUna(una);
            shrinkBuf();
            if (cmd == IKCP_CMD_ACK) {
                if (itimediff(current, ts) >= 0) {
                    updateAck(itimediff(current, ts));
                }
                parseAck(sn);
                shrinkBuf();
                if (!flag) {
                    flag = true;
                    maxack = sn;
                } else if (itimediff(sn, maxack) > 0) {
                    maxack = sn;
                }
            } else if (cmd == IKCP_CMD_PUSH) {
                if (itimediff(sn, rcvNxt + rcvWnd) < 0) {
                    ackPush(sn, ts);
                    if (itimediff(sn, rcvNxt) >= 0) {
                        Segment seg = new Segment();
                        seg.frg = frg;
                        seg.ts = ts;
                        seg.sn = sn;
                        seg.una = una;
                        seg.data = Arrays.copyOfRange(data, p, p + (int) segLen);
                        parseData(seg);
                    } else {
                        duplicates++;
                    }
                } else {
                    droppedAhead++;
                    if (LOG.isTraceEnabled()) {
                        LOG.trace(
                                "kcp {}: sn {} beyond rcv_nxt {} + rcv_wnd {}",
                                Integer.toHexString(conv),
                                Integer.toUnsignedString(sn),
                                Integer.toUnsignedString(rcvNxt),
                                rcvWnd);
                    }
                }
            } else if (cmd == IKCP_CMD_WASK) {
                probe |= IKCP_ASK_TELL;
            }
            p += (int) segLen;
            size -= (int) segLen;
        }
        if (flag) {
            parseFastack(maxack);
        }
        return 0;
    }

    /** {@code ikcp_update_ack}: the RTT estimator. */
    private void updateAck(int rtt) {
        if (rxSrtt == 0) {
            rxSrtt = rtt;
            rxRttval = rtt / 2;
        } else {
            long delta = Math.abs(rtt - rxSrtt);
            rxRttval = (3 * rxRttval + delta) / 4;
            rxSrtt = (7 * rxSrtt + rtt) / 8;
            if (rxSrtt < 1) {
                rxSrtt = 1;
            }
        }
        long rto = rxSrtt + Math.max(interval, 4 * rxRttval);
        rxRto = (int) Math.min(Math.max(rxMinrto, rto), rxMaxrto);
    }

    /** {@code ikcp_shrink_buf}. */
    private void shrinkBuf() {
        Segment first = sndBuf.peekFirst();
        sndUna = first != null ? first.sn : sndNxt;
    }

    /** {@code ikcp_parse_ack}. */
    private void parseAck(int sn) {
        if (itimediff(sn, sndUna) < 0 || itimediff(sn, sndNxt) >= 0) {
            return;
        }
        for (Iterator<Segment> it = sndBuf.iterator(); it.hasNext(); ) {
            Segment seg = it.next();
            if (sn == seg.sn) {
                it.remove();
                break;
            }
            if (itimediff(sn, seg.sn) < 0) {
                break;
            }
        }
    }

    /** {@code ikcp_parse_una}. */
    private void parseUna(int una) {
        while (!sndBuf.isEmpty() && itimediff(una, sndBuf.peekFirst().sn) > 0) {
            sndBuf.pollFirst();
        }
    }

    /** {@code ikcp_parse_fastack}. */
    private void parseFastack(int sn) {
        if (itimediff(sn, sndUna) < 0 || itimediff(sn, sndNxt) >= 0) {
            return;
        }
        for (Segment seg : sndBuf) {
            if (itimediff(sn, seg.sn) < 0) {
                break;
            } else if (sn != seg.sn) {
                seg.fastack++;
            }
        }
    }

    /** {@code ikcp_ack_push}. */
    private void ackPush(int sn, int ts) {
        if (2 * ackCount + 2 > ackList.length) {
            ackList = Arrays.copyOf(ackList, ackList.length * 2);
        }
        ackList[2 * ackCount] = sn;
        ackList[2 * ackCount + 1] = ts;
        ackCount++;
    }

    /** {@code ikcp_parse_data}: files a new segment into {@code rcv_buf}, then moves what is in order. */
    private void parseData(Segment newseg) {
        int sn = newseg.sn;
        if (itimediff(sn, rcvNxt + rcvWnd) >= 0 || itimediff(sn, rcvNxt) < 0) {
            return;
        }
        int i = rcvBuf.size() - 1;
        boolean repeat = false;
        for (; i >= 0; i--) {
            Segment seg = rcvBuf.get(i);
            if (seg.sn == sn) {
                repeat = true;
                break;
            }
            if (itimediff(sn, seg.sn) > 0) {
                break;
            }
        }
        if (repeat) {
            duplicates++;
        } else {
            rcvBuf.add(i + 1, newseg);
        }
        moveReceived();
    }

    /** Moves in-order segments from {@code rcv_buf} to {@code rcv_queue} (shared by parse_data and recv). */
    private void moveReceived() {
        int k = 0;
        int n = rcvBuf.size();
        while (k < n && rcvBuf.get(k).sn == rcvNxt && rcvQueue.size() < rcvWnd) {
            rcvQueue.addLast(rcvBuf.get(k));
            rcvNxt++;
            k++;
        }
        if (k > 0) {
            rcvBuf.subList(0, k).clear();
        }
    }

    /** {@code ikcp_wnd_unused}. */
    private int wndUnused() {
        int n = rcvQueue.size();
        return n < rcvWnd ? rcvWnd - n : 0;
    }

    /**
     * {@code ikcp_flush}: sends pending ACKs, window probes, new data within the window and due
     * retransmissions. Does nothing before the first {@link #update}.
     */
    public void flush() {
        if (!updated) {
            return;
        }
        int wnd = wndUnused();
        int ptr = 0;
        int probeSn = 0;
        int probeTs = current;
        for (int i = 0; i < ackCount; i++) {
            if (ptr + IKCP_OVERHEAD > mtu) {
                emit(ptr);
                ptr = 0;
            }
            probeSn = ackList[2 * i];
            probeTs = ackList[2 * i + 1];
            KcpSegmentCodec.encodeHeader(buffer, ptr, conv, IKCP_CMD_ACK, 0, wnd, probeTs, probeSn, rcvNxt, 0);
            ptr += IKCP_OVERHEAD;
            acksSent++;
        }
        ackCount = 0;

        if (rmtWnd == 0) {
            if (probeWait == 0) {
                probeWait = IKCP_PROBE_INIT;
                tsProbe = current + probeWait;
            } else if (itimediff(current, tsProbe) >= 0) {
                if (probeWait < IKCP_PROBE_INIT) {
                    probeWait = IKCP_PROBE_INIT;
                }
                probeWait += probeWait / 2;
                if (probeWait > IKCP_PROBE_LIMIT) {
                    probeWait = IKCP_PROBE_LIMIT;
                }
                tsProbe = current + probeWait;
                probe |= IKCP_ASK_SEND;
            }
        } else {
            tsProbe = 0;
            probeWait = 0;
        }
        if ((probe & IKCP_ASK_SEND) != 0) {
            ptr = emitIfFull(ptr, IKCP_OVERHEAD);
            KcpSegmentCodec.encodeHeader(buffer, ptr, conv, IKCP_CMD_WASK, 0, wnd, probeTs, probeSn, rcvNxt, 0);
            ptr += IKCP_OVERHEAD;
            windowProbesSent++;
        }
        if ((probe & IKCP_ASK_TELL) != 0) {
            ptr = emitIfFull(ptr, IKCP_OVERHEAD);
            KcpSegmentCodec.encodeHeader(buffer, ptr, conv, IKCP_CMD_WINS, 0, wnd, probeTs, probeSn, rcvNxt, 0);
            ptr += IKCP_OVERHEAD;
            windowAnswersSent++;
        }
        probe = 0;

        int cwnd = Math.min(sndWnd, rmtWnd);
        while (itimediff(sndNxt, sndUna + cwnd) < 0 && !sndQueue.isEmpty()) {
            Segment seg = sndQueue.pollFirst();
            seg.ts = current;
            seg.sn = sndNxt++;
            seg.una = rcvNxt;
            seg.resendts = current;
            seg.rto = rxRto;
            seg.fastack = 0;
            seg.xmit = 0;
            sndBuf.addLast(seg);
        }

        int resent = fastresend > 0 ? fastresend : Integer.MAX_VALUE;
        for (Segment seg : sndBuf) {
            boolean needsend = false;
            if (seg.xmit == 0) {
                needsend = true;
                seg.xmit++;
                seg.rto = rxRto;
                seg.resendts = current + seg.rto;
            } else if (itimediff(current, seg.resendts) >= 0) {
                needsend = true;
                seg.xmit++;
                retransmissions++;
                int step = nodelay == 0 ? rxRto : rxRto / 2;
                seg.rto = Math.min(seg.rto + step, RTO_GROWTH_CAP);
                seg.resendts = current + seg.rto;
            } else if (seg.fastack >= resent) {
                needsend = true;
                seg.xmit++;
                seg.fastack = 0;
                seg.resendts = current + seg.rto;
                fastRetransmissions++;
            }
            if (needsend) {
                seg.ts = current;
                seg.una = rcvNxt;
                int need = IKCP_OVERHEAD + seg.data.length;
                ptr = emitIfFull(ptr, need);
                KcpSegmentCodec.encodeHeader(
                        buffer, ptr, conv, IKCP_CMD_PUSH, seg.frg, wnd, seg.ts, seg.sn, seg.una, seg.data.length);
                System.arraycopy(seg.data, 0, buffer, ptr + IKCP_OVERHEAD, seg.data.length);
                ptr += need;
                segmentsSent++;
                if (seg.xmit >= deadLink) {
                    deadLinkTransmissions++;
                }
            }
        }
        if (ptr > 0) {
            emit(ptr);
        }
    }

    private int emitIfFull(int ptr, int need) {
        if (ptr + need > mtu) {
            emit(ptr);
            return 0;
        }
        return ptr;
    }

    private void emit(int len) {
        outputCalls++;
        output.output(buffer, len);
    }

    /**
     * {@code ikcp_update}: call repeatedly (the client: every 10 ms); flushes whenever the interval
     * has elapsed.
     */
    public void update(long now) {
        current = (int) now;
        if (!updated) {
            updated = true;
            tsFlush = current;
        }
        int slap = itimediff(current, tsFlush);
        if (slap >= 10_000 || slap < -10_000) {
            tsFlush = current;
            slap = 0;
        }
        if (slap >= 0) {
            tsFlush += interval;
            if (itimediff(current, tsFlush) >= 0) {
                tsFlush = current + interval;
            }
            flush();
        }
    }

    /**
     * {@code ikcp_check}: when {@link #update} should next be called, in the caller's clock (at most
     * one interval ahead; {@code now} when it is due already).
     */
    public long check(long now) {
        int cur = (int) now;
        if (!updated) {
            return now;
        }
        int flushAt = tsFlush;
        if (itimediff(cur, flushAt) >= 10_000 || itimediff(cur, flushAt) < -10_000) {
            flushAt = cur;
        }
        if (itimediff(cur, flushAt) >= 0) {
            return now;
        }
        int tmFlush = itimediff(flushAt, cur);
        int tmPacket = Integer.MAX_VALUE;
        for (Segment seg : sndBuf) {
            int diff = itimediff(seg.resendts, cur);
            if (diff <= 0) {
                return now;
            }
            tmPacket = Math.min(tmPacket, diff);
        }
        int minimal = Math.min(Math.min(tmPacket, tmFlush), interval);
        return now + minimal;
    }

    /**
     * Moves the send sequence past {@code count} segments sent by hand on this conv (the fork's fix,
     * GWELL-PROTOCOL.md §15 item 7): after INITREQ segments sn 0..count-1 built with {@link
     * KcpManualSegments}, the engine's own segments must start at sn = count.
     *
     * @throws IllegalStateException when the engine already has unacknowledged segments
     */
    public void advanceSendSequence(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("kcp: negative count");
        }
        if (!sndBuf.isEmpty()) {
            throw new IllegalStateException("kcp: segments in flight, cannot move the send sequence");
        }
        sndNxt += count;
        sndUna = sndNxt;
    }

    /** {@code ikcp_waitsnd}: segments queued or in flight. */
    public int waitSnd() {
        return sndBuf.size() + sndQueue.size();
    }

    public int conv() {
        return conv;
    }

    public int sndUna() {
        return sndUna;
    }

    public int sndNxt() {
        return sndNxt;
    }

    public int rcvNxt() {
        return rcvNxt;
    }

    /** Remote window from the last segment received. */
    public int rmtWnd() {
        return rmtWnd;
    }

    /** Current RTO estimate in ms. */
    public int rxRto() {
        return rxRto;
    }

    /** Out-of-order segments held in {@code rcv_buf}. */
    public int rcvBufCount() {
        return rcvBuf.size();
    }

    /** In-order segments waiting in {@code rcv_queue} for {@link #recv()}. */
    public int rcvQueueCount() {
        return rcvQueue.size();
    }

    /** Segments in flight in {@code snd_buf}. */
    public int sndBufCount() {
        return sndBuf.size();
    }

    /** The receive window this engine advertises when its queue is empty. */
    public int rcvWnd() {
        return rcvWnd;
    }

    /** The MSS: largest data per segment. */
    public int mss() {
        return mss;
    }

    public KcpCounters counters() {
        return new KcpCounters(
                segmentsReceived,
                segmentsSent,
                acksSent,
                messagesSent,
                messagesReceived,
                retransmissions,
                fastRetransmissions,
                droppedAhead,
                duplicates,
                convMismatches,
                malformedInputs,
                deadLinkTransmissions,
                windowProbesSent,
                windowAnswersSent,
                outputCalls);
    }

    /** {@code _itimediff}: signed 32-bit difference. */
    static int itimediff(int later, int earlier) {
        return later - earlier;
    }
}
