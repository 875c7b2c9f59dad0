package dev.gwellbridge.wire;

import dev.gwellbridge.crypto.Le;

/**
 * Codec of {@link Subscribe} (GWELL-PROTOCOL.md §6.5). Header: proto/ID per {@link GutesRoute},
 * sqnum, flags 0x00020000 (mode 2).
 *
 * <pre>
 * Device-id mode, 36 bytes:
 * Off Size Field
 * 24  1    0
 * 25  1    0x01 (device-id mode)
 * 26  2    zero
 * 28  8    LE64 device id (the reference sends its own accessId)
 *
 * Token mode, 28 + n bytes:
 * 24  1    n / 80 (number of 80-byte token records)
 * 25  3    zero
 * 28  n    extra token data X
 * </pre>
 *
 * <p>Byte 25 tells the modes apart.
 */
public final class SubscribeCodec implements GutesCodec<Subscribe> {
    public static final SubscribeCodec INSTANCE = new SubscribeCodec();

    /** Flags word of both modes. */
    public static final int FLAGS = 0x00020000;
    /** Length of a device-id mode frame. */
    public static final int DEVICE_ID_LENGTH = 36;

    private static final int TOKEN = 28;

    private SubscribeCodec() {}

    @Override
    public byte[] encodePlain(Subscribe m) {
        GutesRoute r = m.route();
        if (m instanceof SubscribeDeviceId d) {
            byte[] f = GutesFrames.newFrame(r.proto(), m.subtype(), DEVICE_ID_LENGTH, r.id(), m.sqnum(), FLAGS);
            f[25] = 0x01;
            Le.putInt64(f, 28, d.deviceId());
            return GutesFrames.finish(f);
        }
        Octets data = ((SubscribeToken) m).tokenData();
        byte[] f = GutesFrames.newFrame(r.proto(), m.subtype(), TOKEN + data.length(), r.id(), m.sqnum(), FLAGS);
        f[24] = (byte) (data.length() / SubscribeToken.RECORD_SIZE);
        data.copyTo(f, TOKEN);
        return GutesFrames.finish(f);
    }

    @Override
    public Subscribe decode(byte[] f) throws FrameException {
        GutesFrames.require(f, GutesMessage.SUB_SUBSCRIBE, TOKEN, "subscribe");
        GutesRoute route = GutesRoute.read(f);
        int sqnum = GutesFrames.sqnum(f);
        if (f[25] == 0x01) {
            if (f.length < DEVICE_ID_LENGTH) {
                throw new FrameException("subscribe: device-id mode needs 36 bytes");
            }
            return new SubscribeDeviceId(route, sqnum, Le.int64(f, 28));
        }
        int n = f.length - TOKEN;
        if ((f[24] & 0xFF) != (n / SubscribeToken.RECORD_SIZE & 0xFF) || f[25] != 0) {
            throw new FrameException("subscribe: record count does not match " + n + " token bytes");
        }
        return new SubscribeToken(route, sqnum, Octets.of(f, TOKEN, n));
    }
}
