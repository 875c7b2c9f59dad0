package dev.gwellbridge.sim;

import dev.gwellbridge.h264.FrameRate;
import dev.gwellbridge.h264.H264Fixtures;
import dev.gwellbridge.h264.NalUnit;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SimWorld} on a virtual clock with a recording output: no sockets, no threads, no wall
 * clock. Time moves only through {@link #advance}, which ticks the world every 5 ms.
 */
final class SimHarness {
    static final InetAddress LOOPBACK = loopback();
    static final InetSocketAddress SERVER = new InetSocketAddress(LOOPBACK, 28_800);
    static final InstantSource WALL = InstantSource.fixed(Instant.parse("2026-11-20T10:00:00Z"));

    final SimulatorConfig config;
    final List<CameraIdentity> identities;
    final VideoSource source;
    final RecordingOutput out = new RecordingOutput();
    final Violations violations = new Violations();
    final SimWorld world;
    long now = 1_000;

    SimHarness(SimulatorConfig config, VideoSource source) {
        this(
                config,
                CameraIdentity.generate(
                        new SimRandom(config.seed()).derive("identities"),
                        config.cameras(),
                        config.mode(),
                        config.sharedAccount()),
                source);
    }

    SimHarness(SimulatorConfig config, List<CameraIdentity> identities, VideoSource source) {
        this.config = config;
        this.identities = identities;
        this.source = source;
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            addresses.add(camera(i));
        }
        this.world = new SimWorld(config, SERVER, identities, addresses, source, out, violations, now, WALL);
    }

    static SimHarness lan(int cameras) {
        return new SimHarness(SimulatorConfig.builder().cameras(cameras).build(), fixtureSource());
    }

    static InetSocketAddress camera(int index) {
        return new InetSocketAddress(LOOPBACK, 40_000 + index);
    }

    static InetSocketAddress client(int n) {
        return new InetSocketAddress(LOOPBACK, 50_000 + n);
    }

    /** Ten pictures at 20 fps (from the SPS): an IDR of 2500 bytes, then P pictures of 1200 bytes. */
    static VideoSource fixtureSource() {
        List<NalUnit> nals = new ArrayList<>();
        nals.add(H264Fixtures.SPS_640X360_20);
        nals.add(H264Fixtures.PPS);
        nals.add(H264Fixtures.idrSlice(2500));
        for (int i = 0; i < 9; i++) {
            nals.add(H264Fixtures.pSlice(1200));
        }
        return VideoSource.fromAnnexB(H264Fixtures.annexB(nals), FrameRate.FALLBACK);
    }

    void toServer(InetSocketAddress from, byte[] datagram) {
        world.onUdp(PeerOutput.SERVER, from, datagram, now);
    }

    void toCamera(int index, InetSocketAddress from, byte[] datagram) {
        world.onUdp(index, from, datagram, now);
    }

    /** Moves the clock forward by {@code ms}, ticking every 5 ms. */
    void advance(long ms) {
        long target = now + ms;
        while (now < target) {
            now = Math.min(target, now + 5);
            world.tick(now);
        }
    }

    CameraIdentity identity(int index) {
        return identities.get(index);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
