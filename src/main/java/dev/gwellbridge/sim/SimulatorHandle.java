package dev.gwellbridge.sim;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A running simulator: the server's address, the cameras, the record of client violations and the
 * source the cameras send. {@link #close()} stops the loop and closes every socket. Thread-safe.
 */
public final class SimulatorHandle implements AutoCloseable {
    private final SimulatorLoop loop;
    private final InetSocketAddress serverAddress;
    private final List<SimCameraHandle> cameras;
    private final VideoSource source;
    private final long seed;

    SimulatorHandle(SimulatorLoop loop, InetSocketAddress serverAddress, VideoSource source, long seed) {
        this.loop = loop;
        this.serverAddress = serverAddress;
        this.source = source;
        this.seed = seed;
        List<SimCameraHandle> handles = new ArrayList<>();
        for (SimCamera c : loop.world().cameras()) {
            CameraIdentity id = c.identity();
            SimCameraInfo info =
                    new SimCameraInfo(id.name(), id.deviceId(), id.tid(), id.accessId(), id.accessToken(), c.address());
            handles.add(new SimCameraHandle(loop, c, info));
        }
        this.cameras = List.copyOf(handles);
    }

    /** The server's UDP address; its TCP relay listener has the same port. */
    public InetSocketAddress serverAddress() {
        return serverAddress;
    }

    /** Every camera, in order. */
    public List<SimCameraHandle> cameras() {
        return cameras;
    }

    /** Camera {@code index} (0-based). */
    public SimCameraHandle camera(int index) {
        return cameras.get(index);
    }

    /** What every camera's client needs, in order. */
    public List<SimCameraInfo> cameraInfos() {
        return cameras.stream().map(SimCameraHandle::info).toList();
    }

    /** The client violations recorded so far. */
    public Violations violations() {
        return loop.world().violations();
    }

    /** Both directions of the server's UDP link lose every datagram for {@code duration} from now. */
    public void serverBlackout(Duration duration) {
        loop.call(now -> loop.world().server().blackout(duration.toMillis(), now));
    }

    /** A snapshot of the traffic counters. */
    public SimCounters counters() {
        SimCounters[] out = new SimCounters[1];
        loop.call(now -> out[0] = loop.world().counters(loop.sendFailures()));
        return out[0];
    }

    /** The H.264 the cameras send (one pass; a looping camera repeats it). */
    public VideoSource source() {
        return source;
    }

    /** The run seed. */
    public long seed() {
        return seed;
    }

    @Override
    public void close() {
        loop.close();
    }

    @Override
    public String toString() {
        return "SimulatorHandle[server=" + serverAddress + ", cameras=" + cameras.size() + "]";
    }
}
