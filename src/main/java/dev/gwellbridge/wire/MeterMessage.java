package dev.gwellbridge.wire;

/**
 * Meter request or ack (68 bytes, GWELL-PROTOCOL.md §8.3); layout in {@link MeterCodec}.
 *
 * @param ack true for the ack (command 0x02), false for the request (0x01)
 * @param linkId the call's linkId
 * @param sourceId LE64 source id (the client's probes: accessId)
 * @param destinationId LE64 destination id (the client's probes: camera TID)
 * @param round LE32 round number; the client counts its own probes from 1
 * @param timeMs sender's wall-clock time in ms
 */
public record MeterMessage(boolean ack, int linkId, long sourceId, long destinationId, int round, long timeMs)
        implements SessionControlMessage {

    @Override
    public int command() {
        return ack ? CMD_METER_ACK : CMD_METER_REQUEST;
    }
}
