package dev.gwellbridge.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answer to one Supervisor lookup: a value, or the plain-English reason there is none (shown on
 * the page and logged, e.g. "no MQTT service is installed"). Never carries secrets in the reason.
 */
public final class SupervisorResult<T> {
    private final T value;
    private final String reason;

    private SupervisorResult(T value, String reason) {
        this.value = value;
        this.reason = reason;
    }

    public static <T> SupervisorResult<T> of(T value) {
        return new SupervisorResult<>(Objects.requireNonNull(value, "value"), "");
    }

    public static <T> SupervisorResult<T> failed(String reason) {
        return new SupervisorResult<>(null, Objects.requireNonNull(reason, "reason"));
    }

    /** The value, empty when the lookup failed. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    public boolean isPresent() {
        return value != null;
    }

    /** Why there is no value; empty when there is one. */
    public String reason() {
        return reason;
    }

    /** Transforms the value; a failure stays a failure. */
    public <U> SupervisorResult<U> map(Function<? super T, ? extends U> f) {
        return value == null ? failed(reason) : of(f.apply(value));
    }

    @Override
    public String toString() {
        return value == null ? "SupervisorResult[failed: " + reason + "]" : "SupervisorResult[" + value + "]";
    }
}
