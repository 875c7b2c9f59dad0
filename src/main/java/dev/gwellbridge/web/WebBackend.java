package dev.gwellbridge.web;

import dev.gwellbridge.camera.AccountPort;
import dev.gwellbridge.camera.BridgeStatus;
import dev.gwellbridge.camera.CameraControl;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.StreamUrls;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the page reads and drives, provided by the application's wiring.
 *
 * @param cameras the camera supervisor's command side
 * @param account the Wyze account as the page manages it
 * @param bridge the bridge status, read for every request and for the live feed (must be cheap)
 * @param urls the stream URLs of a slug (usually {@code MediaPort::urls})
 * @param announce republishes MQTT discovery and states; returns a refusal when MQTT is off
 * @param logTail recent log lines, oldest first (redacted again before they leave)
 * @param alive whether the process loop is alive, for the watchdog's {@code healthz}
 * @param clock time for uptimes and the debug bundle's timestamp
 */
public record WebBackend(
        CameraControl cameras,
        AccountPort account,
        Supplier<BridgeStatus> bridge,
        Function<String, StreamUrls> urls,
        Supplier<CommandResult> announce,
        Supplier<List<String>> logTail,
        BooleanSupplier alive,
        InstantSource clock) {

    public WebBackend {
        Objects.requireNonNull(cameras, "cameras");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(announce, "announce");
        Objects.requireNonNull(logTail, "logTail");
        Objects.requireNonNull(alive, "alive");
        Objects.requireNonNull(clock, "clock");
    }
}
