package dev.gwellbridge.app;

import dev.gwellbridge.camera.AccountCredentials;
import dev.gwellbridge.camera.AccountFields;
import dev.gwellbridge.camera.AccountPort;
import dev.gwellbridge.camera.CameraId;
import dev.gwellbridge.camera.CameraInfo;
import dev.gwellbridge.camera.CloudStatus;
import dev.gwellbridge.camera.CommandResult;
import dev.gwellbridge.camera.CredentialException;
import dev.gwellbridge.camera.CredentialSource;
import dev.gwellbridge.camera.P2pCredential;
import dev.gwellbridge.config.Secrets;
import dev.gwellbridge.sim.SimCameraInfo;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * The account of demo mode: the simulator's cameras and their P2P credentials, handed out the way
 * the Wyze cloud would hand them out. The page shows it as a demo account; saving credentials is
 * refused with an explanation, because there is no cloud to test them against.
 */
public final class SimulatedAccount implements CredentialSource, AccountPort {
    private static final Duration VALIDITY = Duration.ofDays(7);

    private final List<SimCameraInfo> cameras;
    private final InstantSource clock;

    public SimulatedAccount(List<SimCameraInfo> cameras, InstantSource clock) {
        this.cameras = List.copyOf(cameras);
        this.clock = clock;
        for (SimCameraInfo c : cameras) {
            Secrets.register(c.accessToken());
        }
    }

    @Override
    public List<CameraInfo> cameras(boolean forceRefresh) {
        return cameras.stream()
                .map(c -> new CameraInfo(
                        CameraId.of(c.deviceId()),
                        c.name(),
                        CameraId.of(c.deviceId()).modelId(),
                        "simulated",
                        c.lanAddress().getAddress().getHostAddress(),
                        true))
                .toList();
    }

    @Override
    public P2pCredential credential(CameraId id, boolean forceFresh) throws CredentialException {
        for (SimCameraInfo c : cameras) {
            if (CameraId.of(c.deviceId()).equals(id)) {
                return new P2pCredential(
                        c.accessId(), c.accessToken(), clock.instant().plus(VALIDITY));
            }
        }
        throw new CredentialException("unexpected_response", "The simulator has no camera " + id + ".", null);
    }

    @Override
    public CloudStatus status() {
        return new CloudStatus("ok", "Demo mode: cameras come from the built-in simulator.", null, 0, "none");
    }

    @Override
    public AccountFields fields() {
        return new AccountFields("", false, false, false, false, "none");
    }

    @Override
    public CommandResult testAndSave(AccountCredentials credentials) {
        return CommandResult.refused(
                "demo_mode", "Demo mode uses simulated cameras; run the bridge with `run` to use a Wyze account.");
    }
}
