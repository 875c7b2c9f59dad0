package dev.gwellbridge.camera;

/**
 * Where players find a camera's stream.
 *
 * @param rtsp the LAN RTSP URL, e.g. {@code rtsp://192.168.1.10:8554/front_door}
 * @param hls the LAN HLS URL of the RTSP server, e.g. {@code http://192.168.1.10:8888/front_door/index.m3u8}
 * @param liveHls the page-relative URL of the bridge's own HLS playlist, e.g. {@code hls/front_door/index.m3u8}
 */
public record StreamUrls(String rtsp, String hls, String liveHls) {}
