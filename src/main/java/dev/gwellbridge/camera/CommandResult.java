package dev.gwellbridge.camera;

/**
 * The outcome of a command.
 *
 * @param ok whether it was accepted
 * @param reason snake_case reason when refused (e.g. {@code rate_limited}, {@code unknown_camera}),
 *     empty when ok
 * @param message a plain-English sentence
 */
public record CommandResult(boolean ok, String reason, String message) {

    public static CommandResult accepted(String message) {
        return new CommandResult(true, "", message);
    }

    public static CommandResult refused(String reason, String message) {
        return new CommandResult(false, reason, message);
    }
}
