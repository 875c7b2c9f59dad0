package dev.gwellbridge.wire;

/**
 * The accessId or accessToken handed over by the cloud is malformed. The message names the field
 * and the problem and never contains the credential itself.
 */
public final class CredentialFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** accessId is neither an unsigned nor a signed 64-bit decimal number. */
        ACCESS_ID_INVALID,
        /** accessToken has fewer than 128 characters. */
        TOKEN_TOO_SHORT,
        /** accessToken has a non-hex character among its first 128. */
        TOKEN_NOT_HEX
    }

    private final Problem problem;

    CredentialFormatException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The credential field at fault: {@code accessId} or {@code accessToken}. */
    public String field() {
        return problem == Problem.ACCESS_ID_INVALID ? "accessId" : "accessToken";
    }
}
