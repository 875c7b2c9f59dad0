package dev.gwellbridge.sim;

import dev.gwellbridge.wire.MtpStreamFramer;
import java.net.InetSocketAddress;

/**
 * One TCP connection accepted on the server's port. Its first frame must be a relay registration
 * (GWELL-PROTOCOL.md §8.3, §11.4); after that it carries MTP frames between the viewer and the
 * camera it registered for. Confined to the loop thread.
 */
final class RelayLink {
    private final long id;
    private final InetSocketAddress remote;
    private final MtpStreamFramer framer = new MtpStreamFramer();
    private SimCamera camera;
    private boolean closed;

    RelayLink(long id, InetSocketAddress remote) {
        this.id = id;
        this.remote = remote;
    }

    long id() {
        return id;
    }

    InetSocketAddress remote() {
        return remote;
    }

    MtpStreamFramer framer() {
        return framer;
    }

    /** The camera this connection registered for, or null before the registration. */
    SimCamera camera() {
        return camera;
    }

    void register(SimCamera camera) {
        this.camera = camera;
    }

    boolean closed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    @Override
    public String toString() {
        return "RelayLink[" + id + ", " + remote + "]";
    }
}
