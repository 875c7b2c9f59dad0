package dev.gwellbridge.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * AVSTREAMCTL message (type 3, 76 bytes, GWELL-PROTOCOL.md §10.2). Layout in {@link
 * AvStreamCtlCodec}.
 *
 * @param sub byte 1: 0x02 in INITREQ, 0x00 in START
 * @param streamId random non-zero id of the stream (a camera given 0 accepts but never sends video)
 * @param command LE32 command, see {@link AvStreamCtlCommand}; unknown values are kept as they are
 * @param reason LE32 reason
 * @param connectionType LE32 connection type (INITREQ: 1)
 * @param callAction LE32 call action (INITREQ: 1)
 * @param avKey the 32-byte "av key" field (INITREQ: {@code 02 00 … 00}; in ACCEPT the "accept key",
 *     never used)
 * @param channelField LE16 channel field (INITREQ: 0)
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString compare contents
public record AvStreamCtl(
        int sub,
        int streamId,
        int command,
        int reason,
        int connectionType,
        int callAction,
        byte[] avKey,
        int channelField) {
    /** Length of the av-key field. */
    public static final int AV_KEY_LENGTH = 32;

    public AvStreamCtl {
        if (sub < 0 || sub > 0xFF || channelField < 0 || channelField > 0xFFFF) {
            throw new IllegalArgumentException("avstreamctl: sub or channel field out of range");
        }
        if (avKey.length != AV_KEY_LENGTH) {
            throw new IllegalArgumentException("avstreamctl: av key must be 32 bytes");
        }
        avKey = avKey.clone();
    }

    /** The INITREQ the viewer sends: sub 2, connection type 1, call action 1, av key {@code 02 00…}. */
    public static AvStreamCtl initReq(int streamId) {
        byte[] key = new byte[AV_KEY_LENGTH];
        key[0] = 2;
        return new AvStreamCtl(2, streamId, AvStreamCtlCommand.INITREQ.code(), 0, 1, 1, key, 0);
    }

    /** The viewer's START: sub 0, command 6, everything else zero. */
    public static AvStreamCtl start(int streamId) {
        return of(AvStreamCtlCommand.START, streamId);
    }

    /** A message with sub 0 and every field but the command and stream id zero (ACCEPT, STARTED …). */
    public static AvStreamCtl of(AvStreamCtlCommand command, int streamId) {
        return new AvStreamCtl(0, streamId, command.code(), 0, 0, 0, new byte[AV_KEY_LENGTH], 0);
    }

    @Override
    public byte[] avKey() {
        return avKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvStreamCtl m
                && m.sub == sub
                && m.streamId == streamId
                && m.command == command
                && m.reason == reason
                && m.connectionType == connectionType
                && m.callAction == callAction
                && m.channelField == channelField
                && Arrays.equals(m.avKey, avKey);
    }

    @Override
    public int hashCode() {
        int h = sub;
        for (int v : new int[] {streamId, command, reason, connectionType, callAction, channelField}) {
            h = h * 31 + v;
        }
        return h * 31 + Arrays.hashCode(avKey);
    }

    @Override
    public String toString() {
        return String.format(
                "AvStreamCtl[sub=%d, streamId=0x%08x, command=%d, reason=%d, connectionType=%d, callAction=%d,"
                        + " avKey=%s, channelField=%d]",
                sub,
                streamId,
                command,
                reason,
                connectionType,
                callAction,
                HexFormat.of().formatHex(avKey),
                channelField);
    }
}
