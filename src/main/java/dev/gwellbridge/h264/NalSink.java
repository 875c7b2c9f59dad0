package dev.gwellbridge.h264;

/** Receives the NAL units an {@link AnnexBSplitter} finds, on the splitter's thread. */
@FunctionalInterface
public interface NalSink {

    /** A complete, well-formed unit. */
    void accept(NalUnit nal);

    /**
     * The first two bytes of the next unit arrived (it is not complete yet): enough to tell whether
     * it starts a new picture, so the previous picture can be handed on without waiting for the
     * whole unit. Not called for units that turn out shorter than two bytes.
     */
    default void unitStarts(int header, int secondByte) {}
}
