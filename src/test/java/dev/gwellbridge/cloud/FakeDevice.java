package dev.gwellbridge.cloud;

/**
 * One camera the fake cloud lists and hands P2P credentials for, so full-stack tests can point the
 * real cloud client at simulated cameras.
 *
 * @param mac the device id ({@code GW_...})
 * @param model the product model ({@code GW_GC1}, ...)
 * @param nickname the name shown in the Wyze app
 * @param lanIp the LAN address in {@code device_params.ip}, empty when unknown
 * @param accessId the signed 64-bit access id Mars answers with
 * @param accessToken the access token Mars answers with
 */
public record FakeDevice(
        String mac, String model, String nickname, String lanIp, String accessId, String accessToken) {}
