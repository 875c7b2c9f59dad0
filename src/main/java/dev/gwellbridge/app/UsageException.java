package dev.gwellbridge.app;

/** A command-line mistake; the message names the option and the expected form. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
