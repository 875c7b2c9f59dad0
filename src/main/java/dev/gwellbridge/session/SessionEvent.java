package dev.gwellbridge.session;

import dev.gwellbridge.camera.FailureReason;
import dev.gwellbridge.camera.Transport;
import dev.gwellbridge.wire.DeviceEntry;
import dev.gwellbridge.wire.Ipv4Endpoint;
import java.util.List;

/** Something a session reports to whoever runs it. */
public sealed interface SessionEvent
        permits SessionEvent.PhaseReached,
                SessionEvent.TransportChosen,
                SessionEvent.Streaming,
                SessionEvent.Video,
                SessionEvent.Stats,
                SessionEvent.Discovered,
                SessionEvent.Ended {

    /** A phase was entered at {@code atMillis} (the machine's clock). */
    record PhaseReached(SessionPhase phase, long atMillis) implements SessionEvent {}

    /** The camera path was chosen (GWELL-PROTOCOL.md §11.5). */
    record TransportChosen(Transport transport) implements SessionEvent {}

    /** The camera accepted the stream; {@code transport} is the path its ACCEPT came over. */
    record Streaming(Transport transport) implements SessionEvent {}

    /**
     * H.264 Annex B bytes, in stream order: {@code buffer[offset..offset+length)}. The array is not
     * reused by the machine, but consumers should still copy what they keep.
     */
    @SuppressWarnings("ArrayRecordComponent") // a view, never compared
    record Video(byte[] buffer, int offset, int length) implements SessionEvent {}

    /** The periodic statistics (every 30 s while streaming). */
    record Stats(SessionStats stats) implements SessionEvent {}

    /**
     * A working server and the account's device list, learned in init-info: the result of a
     * discovery session, and the device list a camera session received (for the cache of §11.9).
     */
    record Discovered(Ipv4Endpoint server, List<DeviceEntry> devices) implements SessionEvent {
        public Discovered {
            devices = List.copyOf(devices);
        }
    }

    /**
     * The session is over; nothing follows.
     *
     * @param reason why it failed, or {@code null} when it was closed on request or a discovery
     *     session completed
     * @param detail a sentence for the log and the user
     */
    record Ended(FailureReason reason, String detail) implements SessionEvent {}
}
