// Camera cards: one per camera, updated in place so typing in a field is never interrupted.
import { postJson, describeResult, copyText, el } from './api.js';
import { snippets } from './snippets.js';

const STATUS_CLASS = {
  streaming: 'ok', starting: 'busy', reconnecting: 'busy', idle: 'idle',
  backoff: 'warn', error: 'bad', offline: 'bad', disabled: 'idle',
};

export class CameraCard {
  constructor(cam, onWatch) {
    this.id = cam.id;
    this.onWatch = onWatch;
    this.fields = {};
    const fact = (key, label) => {
      const dd = el('dd', { 'data-field': key });
      this.fields[key] = dd;
      return [el('dt', { text: label }), dd];
    };
    this.name = el('h3', { class: 'name' });
    this.status = el('span', { class: 'status badge' });
    this.message = el('p', { class: 'message' });
    this.snapshot = el('img', { class: 'snapshot', alt: 'Latest snapshot', hidden: true });
    this.snapshot.addEventListener('load', () => { this.snapshot.hidden = false; this.noSnapshot.hidden = true; });
    this.snapshot.addEventListener('error', () => { this.snapshot.hidden = true; this.noSnapshot.hidden = false; });
    this.noSnapshot = el('p', { class: 'muted no-snapshot', text: 'No snapshot yet.' });
    this.result = el('p', { class: 'result', role: 'status' });

    this.quality = el('select', { name: 'quality', 'aria-label': 'Quality' },
      el('option', { value: 'hd', text: 'HD' }), el('option', { value: 'sd', text: 'SD' }));
    this.quality.addEventListener('change', () => this.send('quality', { quality: this.quality.value }));

    this.pinInput = el('input', { name: 'lan_ip', placeholder: '192.168.1.50', inputmode: 'decimal', 'aria-label': 'LAN IP to pin' });
    const pinForm = el('form', { class: 'pin' },
      el('label', { text: 'Pin LAN IP ' }, this.pinInput),
      el('button', { type: 'submit', text: 'Pin' }),
      el('button', { type: 'button', class: 'link', text: 'Unpin', onclick: () => this.send('lan_ip', { lan_ip: '' }) }));
    pinForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.send('lan_ip', { lan_ip: this.pinInput.value.trim() });
    });

    this.urlRtsp = el('code', { class: 'url rtsp' });
    this.urlHls = el('code', { class: 'url hls' });
    this.snippetBox = el('div', { class: 'snippets' });

    this.root = el('article', { class: 'card', 'data-id': cam.id, 'data-slug': cam.slug },
      el('header', null, this.name, this.status),
      this.message,
      this.snapshot, this.noSnapshot,
      el('dl', { class: 'facts' },
        ...fact('slug', 'Slug'), ...fact('model', 'Model'), ...fact('firmware', 'Firmware'),
        ...fact('device', 'Device id / MAC'), ...fact('lan_ip', 'LAN IP'), ...fact('transport', 'Transport'),
        ...fact('switch', 'Stream switch'), ...fact('reconnects', 'Reconnects'),
        ...fact('frame', 'Last frame'), ...fact('rate', 'Frame rate / bitrate')),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'start', text: 'Start', onclick: () => this.send('start') }),
        el('button', { type: 'button', class: 'stop', text: 'Stop', onclick: () => this.send('stop') }),
        el('button', { type: 'button', class: 'restart', text: 'Restart', onclick: () => this.send('restart') }),
        el('button', { type: 'button', class: 'snap', text: 'Snapshot', title: 'May wake an idle camera',
          onclick: () => this.send('snapshot', { wake: true }) }),
        el('label', { class: 'inline', text: 'Quality ' }, this.quality),
        el('button', { type: 'button', class: 'watch', text: 'Watch live', onclick: () => this.onWatch(this.cam) })),
      pinForm,
      el('div', { class: 'urls' },
        el('span', { text: 'RTSP' }), this.urlRtsp, this.copyButton(() => this.cam.rtsp_url, 'Copy RTSP URL'),
        el('span', { text: 'HLS' }), this.urlHls, this.copyButton(() => this.cam.hls_url, 'Copy HLS URL')),
      el('details', null, el('summary', { text: 'Snippets for Home Assistant, Frigate and go2rtc' }), this.snippetBox),
      this.result);
    this.update(cam);
    if (cam.has_snapshot) {
      this.refreshSnapshot(cam.snapshot_url);
    }
  }

  copyButton(textFn, label) {
    return el('button', { type: 'button', class: 'copy', text: 'Copy', title: label, 'aria-label': label,
      onclick: async (ev) => {
        const ok = await copyText(textFn() || '');
        ev.target.textContent = ok ? 'Copied' : 'Select and copy';
        setTimeout(() => { ev.target.textContent = 'Copy'; }, 1500);
      } });
  }

  update(cam) {
    const prev = this.cam;
    this.cam = cam;
    this.root.dataset.slug = cam.slug;
    this.root.dataset.status = cam.status;
    this.name.textContent = cam.name;
    this.status.textContent = cam.status;
    this.status.className = 'status badge ' + (STATUS_CLASS[cam.status] || 'idle');
    const reason = cam.reason ? cam.reason + ': ' : '';
    this.message.textContent = cam.message || (cam.reason_text ? reason + cam.reason_text : '');
    this.message.hidden = !this.message.textContent;
    const f = this.fields;
    f.slug.textContent = cam.slug;
    f.model.textContent = cam.model + (cam.model_id ? ' (' + cam.model_id + ')' : '');
    f.firmware.textContent = cam.firmware || 'unknown';
    f.device.textContent = cam.id + ' / ' + cam.mac;
    f.lan_ip.textContent = cam.lan_ip || 'unknown (pin it below)';
    f.transport.textContent = cam.transport === 'none' ? 'none' : cam.transport + ' (' + cam.transport_detail + ')';
    f.switch.textContent = (cam.stream_on ? 'ON' : 'OFF') + ', ' + cam.mode.replace('_', '-') + (cam.enabled ? '' : ', disabled in options');
    f.reconnects.textContent = String(cam.reconnects);
    f.frame.textContent = cam.last_frame_age_s === null ? 'none yet' : cam.last_frame_age_s + ' s ago';
    f.rate.textContent = cam.fps + ' fps / ' + cam.bitrate_kbps + ' kbit/s';
    if (document.activeElement !== this.quality) {
      this.quality.value = cam.quality;
    }
    if (document.activeElement !== this.pinInput && !this.pinInput.value) {
      this.pinInput.placeholder = cam.lan_ip || '192.168.1.50';
    }
    this.urlRtsp.textContent = cam.rtsp_url || 'not available yet';
    this.urlHls.textContent = cam.hls_url || 'not available yet';
    if (prev && !prev.has_snapshot && cam.has_snapshot && !this.snapshot.getAttribute('src')) {
      this.refreshSnapshot(cam.snapshot_url);
    }
    if (!prev || prev.rtsp_url !== cam.rtsp_url || prev.hls_url !== cam.hls_url || prev.slug !== cam.slug) {
      this.renderSnippets(cam);
    }
  }

  renderSnippets(cam) {
    this.snippetBox.replaceChildren();
    for (const s of snippets(cam)) {
      this.snippetBox.append(el('div', { class: 'snippet' },
        el('div', { class: 'snippet-head' }, el('strong', { text: s.title }), this.copyButton(() => s.text, 'Copy ' + s.title)),
        el('pre', { text: s.text })));
    }
  }

  refreshSnapshot(url) {
    this.snapshot.src = url;
  }

  async send(action, body) {
    this.result.textContent = action + '…';
    this.result.className = 'result';
    const r = await postJson('api/cameras/' + encodeURIComponent(this.id) + '/' + action, body || {});
    const d = describeResult(r);
    this.result.textContent = d.text;
    this.result.className = 'result ' + (d.ok ? 'ok' : 'bad');
    if (d.ok && action === 'lan_ip') {
      this.pinInput.value = '';
    }
  }
}
