package dev.gwellbridge.sim;

import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.RelayRegistration;
import dev.gwellbridge.wire.RelayRegistrationCodec;
import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP relay connections on the server's port (GWELL-PROTOCOL.md §8.5, §11.4, §13.1): the first
 * frame must be a relay registration naming a camera; later frames go to that camera, and the
 * camera's frames come back on the same connection (the camera logic is attached to the server's
 * listener, as in the loopback relay-only run). Repeated registrations refresh the attachment. A
 * connection whose first frame is anything else, or names an unknown camera, is closed. Confined
 * to the loop thread.
 */
final class RelayDesk {
    private static final Logger LOG = LoggerFactory.getLogger(RelayDesk.class);

    private final LongFunction<SimCamera> cameraByTid;
    private final PeerOutput out;
    private long refused;

    RelayDesk(LongFunction<SimCamera> cameraByTid, PeerOutput out) {
        this.cameraByTid = cameraByTid;
        this.out = out;
    }

    /** Bytes received on a connection. */
    void onData(RelayLink link, byte[] data, int off, int len, long now) {
        List<byte[]> frames = link.framer().feed(data, off, len);
        for (byte[] frame : frames) {
            if (link.closed()) {
                return;
            }
            onFrame(link, frame, now);
        }
    }

    private void onFrame(RelayLink link, byte[] frame, long now) {
        boolean registration = RelayRegistrationCodec.matches(frame, 0, frame.length);
        if (link.camera() == null) {
            SimCamera camera = registration ? cameraOf(frame) : null;
            if (camera == null) {
                refused++;
                LOG.debug("relay {}: first frame is not a registration for a known camera, closing", link);
                link.markClosed();
                out.close(link);
                return;
            }
            link.register(camera);
            LOG.debug("relay {}: registered for {}", link, camera.identity().deviceId());
            camera.attachRelay(link, now);
        } else if (registration) {
            link.camera().attachRelay(link, now);
        } else {
            link.camera().onRelayFrame(link, frame, now);
        }
    }

    private SimCamera cameraOf(byte[] frame) {
        try {
            RelayRegistration r = RelayRegistrationCodec.decode(frame, 0, frame.length);
            return cameraByTid.apply(r.cameraTid());
        } catch (FrameException e) {
            return null;
        }
    }

    /** The peer closed the connection. */
    void onClosed(RelayLink link) {
        link.markClosed();
    }

    /** Connections closed because their first frame was not a valid registration. */
    long refused() {
        return refused;
    }
}
