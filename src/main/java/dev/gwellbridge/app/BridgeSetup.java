package dev.gwellbridge.app;

import dev.gwellbridge.camera.AccountPort;
import dev.gwellbridge.camera.CredentialSource;
import dev.gwellbridge.camera.StreamConnector;
import dev.gwellbridge.config.DataDir;
import dev.gwellbridge.config.Options;
import dev.gwellbridge.web.WebSettings;
import java.time.InstantSource;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Everything {@link Bridge} needs that differs between the add-on, a local run and the demo.
 *
 * @param problems plain-English option problems, shown on the page and in {@code bridge/state}
 * @param credentials the camera list and P2P credentials (the Wyze cloud, or the simulator)
 * @param account the account as the page manages it
 * @param connector opens protocol sessions
 * @param web where the page listens and who may open it
 * @param broker the chosen MQTT broker (or why MQTT is off)
 * @param advertiseHost the host put into stream URLs
 * @param ingressSlug the add-on's full slug for links back to the page, empty outside the add-on
 * @param ffmpeg the ffmpeg executable
 * @param logTail recent log lines for the page
 */
record BridgeSetup(
        Options options,
        List<String> problems,
        DataDir dataDir,
        String installIdHex,
        CredentialSource credentials,
        AccountPort account,
        StreamConnector connector,
        WebSettings web,
        BrokerChoice broker,
        String advertiseHost,
        String ingressSlug,
        String ffmpeg,
        LogTail logTail,
        InstantSource clock,
        RandomGenerator random) {

    BridgeSetup {
        problems = List.copyOf(problems);
    }
}
