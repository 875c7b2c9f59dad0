package dev.gwellbridge.config;

/**
 * One invalid option: the field's path in the JSON (e.g. {@code rtsp_port}, {@code cameras[1].mac})
 * and what was expected. The value is included only when it is not a secret.
 */
public record OptionsProblem(String field, String expected, String got) {

    /** One line for logs and the page: {@code rtsp_port: expected a port 1-65535, got 70000}. */
    public String message() {
        return field + ": expected " + expected + (got.isEmpty() ? "" : ", got " + got);
    }
}
