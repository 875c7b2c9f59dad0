package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.DeviceList;
import dev.gwellbridge.wire.FrameException;
import dev.gwellbridge.wire.GutesClassifier;
import dev.gwellbridge.wire.GutesMessage;
import dev.gwellbridge.wire.InitInfoMsg;
import dev.gwellbridge.wire.RoutingId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 3, init-info (GWELL-PROTOCOL.md §6.3, §6.4). Sends InitInfoMsg and collects the routing id
 * (0x0D) and the device list (0xA7). Leaves as soon as the routing id and a device list are known —
 * the received one or, when the server skips 0xA7 for a later session of the account, the one
 * supplied from discovery (§11.9) — else at the first 3 s read timeout or after 10 frames. While no
 * device list is known the same InitInfoMsg goes out again every second, four times at most, so lost
 * datagrams do not end the session; each repeat opens a fresh 3 s read.
 *
 * <p>The codecs reject implausible lists (count outside 1..32, non-printable names); entries with a
 * zero TID are dropped here too. Target: the device whose name equals the device id (ignoring case,
 * since ids are upper-cased); a single-device list is used whatever its name (the reference's
 * "first device" fallback); in a longer list without the camera, the session fails with {@code
 * device_not_found} rather than stream another camera under this one's name.
 */
final class InitInfoPhase extends Phase {
    private static final Logger LOG = LoggerFactory.getLogger(InitInfoPhase.class);

    private List<DeviceEntry> received = List.of();
    private int frames;
    private long deadline = Long.MAX_VALUE;
    private InitInfoMsg request;
    private final RequestRepeat repeat =
            new RequestRepeat(Timeouts.INIT_INFO_RESENDS, Timeouts.INIT_INFO_RESEND, Timeouts.INIT_INFO_READ);

    InitInfoPhase(SessionContext ctx) {
        super(ctx);
    }

    @Override
    SessionPhase id() {
        return SessionPhase.INIT_INFO;
    }

    @Override
    void enter() {
        request = new InitInfoMsg(ctx.accessId, ctx.nextSqnum());
        ctx.toServer(request);
        deadline = ctx.now + Timeouts.INIT_INFO_READ;
        repeat.sent(ctx.now);
    }

    @Override
    void onServerDatagram(byte[] d) {
        frames++;
        deadline = ctx.now + Timeouts.INIT_INFO_READ;
        try {
            GutesMessage m = GutesClassifier.atClient(d, ctx.sessionKey);
            if (m instanceof RoutingId r && ctx.routingId == 0) {
                ctx.routingId = r.routingId();
            } else if (m instanceof DeviceList list && received.isEmpty()) {
                received = list.devices().stream().filter(e -> e.tid() != 0).toList();
                if (received.isEmpty()) {
                    ctx.malformed("device list with zero TIDs only", d);
                }
            }
        } catch (FrameException e) {
            ctx.malformed(e.getMessage(), d);
        }
        if (ctx.routingId != 0
                && (!received.isEmpty() || !ctx.config.knownDevices().isEmpty())) {
            finish();
        } else if (frames >= Timeouts.INIT_INFO_MAX_FRAMES) {
            finish();
        }
    }

    @Override
    void onTick() {
        if (isComplete()) {
            return;
        }
        boolean unanswered = received.isEmpty() && ctx.config.knownDevices().isEmpty();
        deadline = repeat.onTick(ctx.now, unanswered, deadline, () -> {
            LOG.debug("Camera {}: no device list yet, InitInfoMsg again ({})", ctx.label, repeat.repeats());
            ctx.toServer(request);
        });
        if (ctx.now >= deadline) {
            finish();
        }
    }

    private void finish() {
        deadline = Long.MAX_VALUE;
        repeat.stop();
        if (ctx.routingId == 0) {
            LOG.debug("Camera {}: no routing id; later frames carry the accessId", ctx.label);
        }
        ctx.devices = received.isEmpty() ? ctx.config.knownDevices() : received;
        if (ctx.devices.isEmpty()) {
            ctx.fail(FailureReason.DEVICE_NOT_FOUND, "the P2P server sent no device list");
            return;
        }
        if (!received.isEmpty()) {
            ctx.event(new SessionEvent.Discovered(ctx.server, received));
        }
        if (ctx.config.mode() == SessionMode.DISCOVERY) {
            complete();
            return;
        }
        Optional<DeviceEntry> target = select(ctx.devices, ctx.config.deviceId());
        if (target.isEmpty()) {
            ctx.fail(
                    FailureReason.DEVICE_NOT_FOUND,
                    "the device list ("
                            + ctx.devices.stream().map(DeviceEntry::name).collect(Collectors.joining(", "))
                            + ") does not name " + ctx.config.deviceId());
            return;
        }
        ctx.cameraTid = target.get().tid();
        complete();
    }

    /** The camera in {@code devices}, by the rules in the class comment. */
    static Optional<DeviceEntry> select(List<DeviceEntry> devices, String deviceId) {
        String wanted = deviceId.trim().toUpperCase(Locale.ROOT);
        for (DeviceEntry d : devices) {
            if (d.name().equals(deviceId) || d.name().toUpperCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(d);
            }
        }
        return devices.size() == 1 ? Optional.of(devices.get(0)) : Optional.empty();
    }

    @Override
    long nextWakeup() {
        return Math.min(deadline, repeat.dueAt());
    }
}
