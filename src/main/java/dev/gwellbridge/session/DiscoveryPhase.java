package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.wire.DetectReq2Codec;
import dev.gwellbridge.wire.GutesHeader;
import dev.gwellbridge.wire.Ipv4Endpoint;
import dev.gwellbridge.wire.ListFrmRequestCodec;
import dev.gwellbridge.wire.ServerAddress;
import dev.gwellbridge.wire.ServerEntry;
import dev.gwellbridge.wire.ServerListCodec;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 1, connect (GWELL-PROTOCOL.md §7.2). A configured or cached server is used as it is, with no
 * probe. Otherwise the list servers are asked for a server list (all at once, 2 s; the first
 * non-empty list wins, else the built-in list), then the candidates are probed in order with a
 * DetectReq2, 2 s each; the first one that answers with any datagram of at least 24 bytes is the
 * server. Leaves at that answer.
 */
final class DiscoveryPhase extends Phase {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryPhase.class);

    private final List<Ipv4Endpoint> listServers;
    private final List<Ipv4Endpoint> candidates = new ArrayList<>();
    private boolean askingLists;
    private int probing = -1;
    private long deadline = Long.MAX_VALUE;

    DiscoveryPhase(SessionContext ctx) {
        super(ctx);
        this.listServers = ctx.config.discovery().listServers();
    }

    @Override
    SessionPhase id() {
        return SessionPhase.CONNECT;
    }

    @Override
    void enter() {
        if (ctx.config.server().isPresent()) {
            ctx.server = ctx.config.server().get();
            complete();
            return;
        }
        if (listServers.isEmpty()) {
            probeBuiltIn();
            return;
        }
        askingLists = true;
        for (Ipv4Endpoint list : listServers) {
            ctx.send(list, ListFrmRequestCodec.INSTANCE.encodePlain(ctx.entropy.listFrmRequest()));
        }
        deadline = ctx.now + Timeouts.LIST_SERVER_WAIT;
    }

    @Override
    void onServerDatagram(byte[] datagram) {
        ctx.counters.malformed++;
    }

    @Override
    void onPeerDatagram(Ipv4Endpoint from, byte[] d) {
        if (askingLists && listServers.contains(from)) {
            List<ServerEntry> list = ServerListCodec.scan(d);
            if (!list.isEmpty()) {
                LOG.debug("Camera {}: list server {} named {} servers", ctx.label, from, list.size());
                askingLists = false;
                for (ServerEntry e : list) {
                    candidates.add(e.address().endpoint());
                }
                probeNext();
            }
            return;
        }
        if (probing >= 0 && candidates.subList(0, probing + 1).contains(from) && d.length >= GutesHeader.SIZE) {
            ctx.server = from;
            ctx.serverConfirmed = true;
            LOG.info("Camera {}: P2P server {} answered", ctx.label, from);
            complete();
            return;
        }
        ctx.malformed("unexpected during discovery", d);
    }

    @Override
    void onTick() {
        if (isComplete() || ctx.now < deadline) {
            return;
        }
        if (askingLists) {
            askingLists = false;
            probeBuiltIn();
        } else {
            probeNext();
        }
    }

    private void probeBuiltIn() {
        for (ServerAddress a : ctx.config.discovery().p2pServers()) {
            candidates.add(a.endpoint());
        }
        probeNext();
    }

    private void probeNext() {
        probing++;
        if (probing >= candidates.size()) {
            deadline = Long.MAX_VALUE;
            ctx.fail(FailureReason.SERVER_UNREACHABLE, "no P2P server answered (" + candidates.size() + " probed)");
            return;
        }
        ctx.send(candidates.get(probing), DetectReq2Codec.INSTANCE.encode(ctx.entropy.detectReq2(), null));
        deadline = ctx.now + Timeouts.SERVER_PROBE_WAIT;
    }

    @Override
    long nextWakeup() {
        return isComplete() ? Long.MAX_VALUE : deadline;
    }
}
