package dev.gwellbridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.crypto.Rc5x32;
import dev.gwellbridge.wire.AvMessage;
import dev.gwellbridge.wire.AvMessageCodec;
import dev.gwellbridge.wire.AvStreamCtl;
import dev.gwellbridge.wire.AvStreamCtlCodec;
import dev.gwellbridge.wire.AvStreamCtlCommand;
import dev.gwellbridge.wire.ViewerAvInitCodec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The camera's AV handshake state machine (§10.2, §10.3, §13.2 items 6–9), message by message. */
class AvHandshakeTest {
    private static final Rc5x32 KEY = Rc5x32.of(HexFormat.of().parseHex("d0d1d2d3d4d5d6d7"));
    private static final int STREAM = 0x5EED1234;

    /** Everything the handshake asked for, as text. */
    private final List<String> events = new ArrayList<>();

    private final AvHandshake av = new AvHandshake(KEY, 1_000, new AvHandshake.Listener() {
        @Override
        public void sendCtrl(byte[] message) {
            events.add("ctrl " + describe(message));
        }

        @Override
        public void sendData(byte[] message) {
            events.add("data " + describe(message));
        }

        @Override
        public void startVideo(long now) {
            events.add("video @" + now);
        }

        @Override
        public void stopVideo(long now) {
            events.add("stop @" + now);
        }

        @Override
        public void violation(ViolationKind kind, String detail, long now) {
            events.add(kind + " @" + now);
        }
    });

    private static String describe(byte[] message) {
        try {
            AvStreamCtl c = AvStreamCtlCodec.decode(message, 0, message.length);
            String name =
                    AvStreamCtlCommand.fromCode(c.command()).map(Enum::name).orElse("?");
            return name + " " + Integer.toHexString(c.streamId()) + " key0=" + c.avKey()[0];
        } catch (Exception e) {
            return "raw " + HexFormat.of().formatHex(message);
        }
    }

    private static byte[] initReq(int streamId) {
        return AvStreamCtlCodec.encode(AvStreamCtl.initReq(streamId));
    }

    private static byte[] start(int streamId) {
        return AvStreamCtlCodec.encode(AvStreamCtl.start(streamId));
    }

    @Test
    void acceptsTheFirstInitReqOnCtrlAndAnnouncesStartedOnData() {
        av.onCtrl(initReq(STREAM), 10);
        assertThat(events).containsExactly("ctrl ACCEPT 5eed1234 key0=2", "data START 5eed1234 key0=0");
        assertThat(av.accepted()).isTrue();
        assertThat(av.streamId()).isEqualTo(STREAM);
    }

    @Test
    void startsVideoOnceStartAndAvInitArrived() {
        av.onCtrl(initReq(STREAM), 10);
        av.onData(start(STREAM), 20);
        assertThat(av.streaming()).isFalse();
        av.onData(ViewerAvInitCodec.encode(KEY), 30);
        assertThat(av.streaming()).isTrue();
        assertThat(events).endsWith("video @30");
    }

    @Test
    void ignoresRenewalsOfTheSameStream() {
        av.onCtrl(initReq(STREAM), 10);
        av.onData(start(STREAM), 20);
        av.onData(ViewerAvInitCodec.encode(KEY), 30);
        events.clear();
        av.onCtrl(initReq(STREAM), 15_000);
        assertThat(events).isEmpty();
        assertThat(av.streaming()).isTrue();
    }

    @Test
    void theRenewalTimerStopsVideoOnlyWithoutRenewals() {
        av.onCtrl(initReq(STREAM), 0);
        av.onData(start(STREAM), 0);
        av.onData(ViewerAvInitCodec.encode(KEY), 0);
        av.tick(19_000, 20_000);
        av.onCtrl(initReq(STREAM), 19_000);
        av.tick(38_000, 20_000);
        assertThat(av.streaming()).isTrue();
        av.tick(39_000, 20_000);
        assertThat(av.streaming()).isFalse();
        assertThat(events).endsWith("stop @39000");
    }

    @Test
    void neverStartsWithoutAvInitAndRecordsItOnce() {
        av.onCtrl(initReq(STREAM), 0);
        av.onData(start(STREAM), 5);
        av.tick(999, 0);
        assertThat(events).noneMatch(e -> e.startsWith("MISSING_AV_INIT"));
        av.tick(1_000, 0);
        av.tick(5_000, 0);
        assertThat(events).filteredOn(e -> e.startsWith("MISSING_AV_INIT")).containsExactly("MISSING_AV_INIT @1000");
        assertThat(av.streaming()).isFalse();
    }

    @Test
    void anAvInitUnderAnotherKeyIsRecordedAndDoesNotStart() {
        av.onCtrl(initReq(STREAM), 0);
        av.onData(start(STREAM), 0);
        av.onData(ViewerAvInitCodec.encode(Rc5x32.of(new byte[8])), 7);
        assertThat(events).contains("BAD_AV_INIT @7");
        assertThat(av.streaming()).isFalse();
    }

    @Test
    void startBeforeAcceptIsRecordedAndIgnored() {
        av.onData(start(STREAM), 3);
        av.onCtrl(initReq(STREAM), 4);
        av.onData(ViewerAvInitCodec.encode(KEY), 5);
        assertThat(events).startsWith("START_BEFORE_ACCEPT @3");
        assertThat(av.streaming()).as("the early START does not count").isFalse();
    }

    @Test
    void streamIdZeroIsAcceptedButNeverStreams() {
        av.onCtrl(initReq(0), 0);
        av.onData(start(0), 1);
        av.onData(ViewerAvInitCodec.encode(KEY), 2);
        assertThat(events).contains("STREAM_ID_ZERO @0", "ctrl ACCEPT 0 key0=2");
        assertThat(av.streaming()).isFalse();
    }

    @Test
    void aWrongAvKeyIsAcceptedButNeverStreams() {
        byte[] key = new byte[AvStreamCtl.AV_KEY_LENGTH];
        key[0] = 1;
        av.onCtrl(AvStreamCtlCodec.encode(new AvStreamCtl(2, STREAM, 1, 0, 1, 1, key, 0)), 0);
        av.onData(start(STREAM), 1);
        av.onData(ViewerAvInitCodec.encode(KEY), 2);
        assertThat(events).contains("BAD_AV_KEY @0");
        assertThat(av.streaming()).isFalse();
    }

    @Test
    void aNewStreamIdRestartsTheHandshake() {
        av.onCtrl(initReq(STREAM), 0);
        av.onData(start(STREAM), 0);
        av.onData(ViewerAvInitCodec.encode(KEY), 0);
        av.onCtrl(initReq(0x77), 100);
        assertThat(av.streaming()).isFalse();
        assertThat(events).endsWith("stop @100", "ctrl ACCEPT 77 key0=2", "data START 77 key0=0");
    }

    @Test
    void stopOrCloseOnCtrlStopsVideo() {
        av.onCtrl(initReq(STREAM), 0);
        av.onData(start(STREAM), 0);
        av.onData(ViewerAvInitCodec.encode(KEY), 0);
        av.onCtrl(AvStreamCtlCodec.encode(AvStreamCtl.of(AvStreamCtlCommand.CLOSE, STREAM)), 50);
        assertThat(av.streaming()).isFalse();
    }

    @Test
    void otherAvDataFromTheViewerIsIgnored() {
        av.onCtrl(initReq(STREAM), 0);
        events.clear();
        av.onData(AvMessageCodec.encode(new AvMessage(AvMessage.TYPE_AV_DATA, 0, new byte[40]), KEY), 1);
        av.onData(new byte[] {9, 9}, 2);
        assertThat(events).isEmpty();
    }
}
