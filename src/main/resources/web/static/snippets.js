// Ready-to-paste configuration for other software, built from a camera's LAN URLs.

export function snippets(cam) {
  const rtsp = cam.rtsp_url || 'rtsp://BRIDGE_HOST:8554/' + cam.slug;
  return [
    {
      title: 'Home Assistant Generic Camera',
      text: 'Settings > Devices & services > Add integration > Generic Camera\n'
        + 'Stream source URL: ' + rtsp + '\n'
        + 'RTSP transport protocol: TCP\n'
        + 'Still image URL: (leave empty)',
    },
    {
      title: 'Frigate',
      text: 'cameras:\n'
        + '  ' + cam.slug + ':\n'
        + '    ffmpeg:\n'
        + '      inputs:\n'
        + '        - path: ' + rtsp + '\n'
        + '          input_args: preset-rtsp-generic\n'
        + '          roles:\n'
        + '            - detect\n'
        + '            - record\n',
    },
    {
      title: 'go2rtc',
      text: 'streams:\n'
        + '  ' + cam.slug + ': ' + rtsp + '\n',
    },
  ];
}

/** Topics and example payloads for Node-RED users (the topic tree of the MQTT contract). */
export function topicList(baseTopic, slugs) {
  const b = baseTopic || 'wyzegw';
  const lines = [
    b + '/bridge/availability                online | offline (retained)',
    b + '/bridge/state                       {"version":…,"handshake_queue":0,"cloud":{"auth":"ok",…},"cameras":{"streaming":…}} (retained)',
    b + '/bridge/event                       {"event_type":"camera_added",…}',
    b + '/bridge/request/<action>            refresh_cameras | announce | start_all | stop_all | restart_streams | health_check',
    '                                           payload: anything, or {"transaction":"42"}',
    b + '/bridge/response/<action>           {"status":"ok","transaction":"42","data":{…}}',
  ];
  for (const slug of (slugs.length ? slugs : ['<camera>'])) {
    const c = b + '/' + slug + '/';
    lines.push('');
    lines.push(c + 'availability   online | offline (retained)');
    lines.push(c + 'status         idle | starting | streaming | reconnecting | backoff | error | offline | disabled (retained)');
    lines.push(c + 'stream/set     ON | OFF            (state on ' + c + 'stream/state)');
    lines.push(c + 'quality/set    hd | sd             (state on ' + c + 'quality/state)');
    lines.push(c + 'restart/set    anything; "force" also restarts during backoff');
    lines.push(c + 'snapshot/set   anything; "wake" also starts an idle camera (JPEG on ' + c + 'snapshot)');
    lines.push(c + 'info           {"model":…,"firmware":…,"lan_ip":…,"transport":…,"rtsp_url":…} (retained)');
    lines.push(c + 'stats          {"fps":20,"bitrate_kbps":…,"last_frame_age_s":…,"reconnects":0} (every 30 s)');
    lines.push(c + 'event          {"event_type":"stream_started","ts":"…"}');
  }
  return lines.join('\n');
}
