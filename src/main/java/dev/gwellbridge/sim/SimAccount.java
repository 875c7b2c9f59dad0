package dev.gwellbridge.sim;

import dev.gwellbridge.wire.AccessCredentials;
import dev.gwellbridge.wire.CertifyReqCodec;
import dev.gwellbridge.wire.DeviceEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One P2P account the server knows: the credential it verifies CertifyReq with and the cameras in
 * its device list. Confined to the loop thread.
 */
final class SimAccount {
    private final AccessCredentials credentials;
    private final CertifyReqCodec certify;
    private final List<SimCamera> cameras = new ArrayList<>();
    private long deviceListSession;

    SimAccount(AccessCredentials credentials) {
        this.credentials = credentials;
        this.certify = CertifyReqCodec.forCredentials(credentials);
    }

    long accessId() {
        return credentials.accessId();
    }

    CertifyReqCodec certify() {
        return certify;
    }

    void add(SimCamera camera) {
        cameras.add(camera);
    }

    /** The account's camera with this TID, or null. */
    SimCamera camera(long tid) {
        for (SimCamera c : cameras) {
            if (c.identity().tid() == tid) {
                return c;
            }
        }
        return null;
    }

    /** The 0xA7 entries: TID and device id of every camera, in order. */
    List<DeviceEntry> deviceEntries() {
        List<DeviceEntry> out = new ArrayList<>(cameras.size());
        for (SimCamera c : cameras) {
            out.add(new DeviceEntry(c.identity().tid(), 0, 0, c.identity().deviceId()));
        }
        return out;
    }

    /**
     * Whether the device-list caching quirk withholds 0xA7 from the session with this routing id:
     * another session of the account got the list already.
     */
    boolean listCachedFor(long routingId) {
        return deviceListSession != 0 && deviceListSession != routingId;
    }

    /** Notes that the session with this routing id got the device list. */
    void listSentTo(long routingId) {
        if (deviceListSession == 0) {
            deviceListSession = routingId;
        }
    }
}
