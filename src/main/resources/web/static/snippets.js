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

/** Topics and example payloads for Node-RED users. */
export function topicList(baseTopic, slugs) {
  const b = baseTopic || 'wyzegw';
  const lines = [
    b + '/bridge/availability              online | offline (retained)',
    b + '/bridge/state                     {"version":…,"cameras":{"streaming":…}} (retained)',
    b + '/bridge/request/refresh_cameras   publish anything; answer on ' + b + '/bridge/response/refresh_cameras',
    b + '/bridge/request/announce          publish anything',
  ];
  for (const slug of (slugs.length ? slugs : ['<camera>'])) {
    lines.push('');
    lines.push(b + '/' + slug + '/availability   online | offline');
    lines.push(b + '/' + slug + '/status         idle | starting | streaming | reconnecting | backoff | error | offline | disabled');
    lines.push(b + '/' + slug + '/stream/set     ON | OFF            (state on ' + b + '/' + slug + '/stream/state)');
    lines.push(b + '/' + slug + '/quality/set    hd | sd');
    lines.push(b + '/' + slug + '/restart/set    anything');
    lines.push(b + '/' + slug + '/snapshot/set   anything (wake: also start the camera)');
    lines.push(b + '/' + slug + '/event          {"event_type":"stream_started","ts":"…"}');
  }
  return lines.join('\n');
}
