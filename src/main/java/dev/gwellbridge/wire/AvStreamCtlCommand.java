package dev.gwellbridge.wire;

import java.util.Optional;

/** The LE32 command of an AVSTREAMCTL message (GWELL-PROTOCOL.md §10.2). */
public enum AvStreamCtlCommand {
    /** Viewer asks for a stream (on CTRL). */
    INITREQ(1),
    /** Camera accepts. */
    ACCEPT(2),
    /** Camera refuses. */
    REJECT(3),
    STOP(4),
    CLOSE(5),
    /** Viewer's START on DATA; the camera's echo of it is called STARTED. */
    START(6);

    private final int code;

    AvStreamCtlCommand(int code) {
        this.code = code;
    }

    /** The value on the wire. */
    public int code() {
        return code;
    }

    /** The command for a wire value, if it is a known one. */
    public static Optional<AvStreamCtlCommand> fromCode(int code) {
        for (AvStreamCtlCommand c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
