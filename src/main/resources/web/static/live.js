// The live view: one HLS player at a time (every viewer keeps a camera session busy). hls.js is
// loaded only when the view is first opened; browsers with native HLS use that instead.

const HLS_SCRIPT = 'static/vendor/hls.min.js';
const RETRY_MS = 3000;

let hlsLoading = null;

function loadHls() {
  if (window.Hls) return Promise.resolve(window.Hls);
  if (!hlsLoading) {
    hlsLoading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = HLS_SCRIPT;
      s.onload = () => (window.Hls ? resolve(window.Hls) : reject(new Error('hls.js did not load')));
      s.onerror = () => { hlsLoading = null; reject(new Error('hls.js could not be fetched')); };
      document.head.appendChild(s);
    });
  }
  return hlsLoading;
}

export class LiveView {
  constructor() {
    this.section = document.getElementById('live');
    this.video = document.getElementById('live-video');
    this.title = document.getElementById('live-name');
    this.status = document.getElementById('live-status');
    this.hls = null;
    this.cam = null;
    this.retry = null;
    document.getElementById('live-close').addEventListener('click', () => this.close());
    this.video.addEventListener('timeupdate', () => this.showProgress());
  }

  /** Opens the player for a camera, closing any other one first. */
  async open(cam) {
    this.close();
    this.cam = cam;
    this.section.hidden = false;
    this.title.textContent = cam.name;
    this.counts = { loaded: 0, buffered: 0 };
    this.video.dataset.slug = cam.slug;
    this.video.dataset.fragsLoaded = '0';
    this.video.dataset.fragsBuffered = '0';
    this.say('Starting ' + cam.name + '… an on-demand camera needs a few seconds.');
    this.section.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    await this.attach();
  }

  async attach() {
    const cam = this.cam;
    if (!cam) return;
    let Hls = null;
    try {
      Hls = await loadHls();
    } catch (e) {
      Hls = null;
    }
    if (this.cam !== cam) return;
    if (Hls && Hls.isSupported()) {
      this.video.dataset.engine = 'hls.js ' + Hls.version;
      const hls = new Hls({ backBufferLength: 30, manifestLoadingMaxRetry: 2, liveDurationInfinity: true });
      this.hls = hls;
      hls.on(Hls.Events.MANIFEST_PARSED, () => {
        this.say('Playing ' + cam.name + '.');
        this.video.play().catch(() => this.say('Press play to start the video.'));
      });
      hls.on(Hls.Events.FRAG_LOADED, () => {
        this.counts.loaded++;
        this.video.dataset.fragsLoaded = String(this.counts.loaded);
      });
      hls.on(Hls.Events.FRAG_BUFFERED, () => {
        this.counts.buffered++;
        this.video.dataset.fragsBuffered = String(this.counts.buffered);
      });
      hls.on(Hls.Events.ERROR, (ev, data) => {
        if (!data.fatal) return;
        const waiting = data.details === 'manifestLoadError' && data.response && data.response.code === 404;
        this.say(waiting ? 'Waiting for ' + cam.name + ' to stream…' : 'Player error: ' + data.details + '; retrying.');
        this.restartSoon();
      });
      hls.loadSource(cam.live_hls);
      hls.attachMedia(this.video);
    } else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
      this.video.dataset.engine = 'native';
      this.video.src = cam.live_hls;
      this.video.addEventListener('error', () => this.restartSoon(), { once: true });
      this.video.play().catch(() => this.say('Press play to start the video.'));
    } else {
      this.say('This browser cannot play HLS.');
    }
  }

  restartSoon() {
    this.detach();
    if (this.retry || !this.cam) return;
    this.retry = setTimeout(() => { this.retry = null; this.attach(); }, RETRY_MS);
  }

  detach() {
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
    this.video.removeAttribute('src');
    this.video.load();
  }

  close() {
    if (this.retry) {
      clearTimeout(this.retry);
      this.retry = null;
    }
    this.detach();
    this.cam = null;
    this.section.hidden = true;
  }

  showProgress() {
    if (!this.cam) return;
    const b = this.video.buffered;
    const ahead = b.length ? Math.max(0, b.end(b.length - 1) - this.video.currentTime) : 0;
    this.say('Playing ' + this.cam.name + ': ' + this.video.currentTime.toFixed(1) + ' s, '
      + ahead.toFixed(1) + ' s buffered, ' + this.counts.loaded + ' segments loaded.');
  }

  say(text) {
    this.status.textContent = text;
  }
}
