package dev.gwellbridge.web;

/**
 * A request the API refuses, with the HTTP status, a snake_case code and a plain-English message
 * (never containing secrets). Stackless: it is control flow, not a fault.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiError badRequest(String field, String expected) {
        return new ApiError(400, "bad_request", field + ": expected " + expected);
    }

    static ApiError forbidden(String why) {
        return new ApiError(403, "forbidden", why);
    }

    static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
