// The ingress page: bridge and account panels, camera cards, live view and diagnostics, kept
// current by the server's live feed (api/events), never by polling.
import { getJson, postJson, describeResult, openFeed, el, duration, localTime } from './api.js';
import { CameraCard } from './cards.js';
import { LiveView } from './live.js';
import { topicList } from './snippets.js';

const $ = (id) => document.getElementById(id);
const cards = new Map();
let bridge = null;
let live = null;
const fed = { cameras: false, account: false };

function renderBridge(b) {
  bridge = b;
  bridge.receivedAt = Date.now();
  $('bridge-version').textContent = b.version;
  $('version').textContent = b.version;
  tickUptime();
  const m = b.mqtt;
  let mqtt;
  if (!m.enabled) {
    mqtt = 'MQTT is off: ' + (m.message || 'no broker configured');
  } else if (m.connected) {
    mqtt = 'connected to ' + m.broker;
  } else {
    mqtt = 'not connected to ' + (m.broker || 'the broker') + (m.message ? ' (' + m.message + ')' : '');
  }
  $('bridge-mqtt').textContent = mqtt;
  $('bridge-mqtt').className = m.enabled && m.connected ? 'ok' : 'bad';
  $('bridge-base-topic').textContent = m.base_topic;
  $('bridge-discovery').textContent = m.discovery_prefix;
  $('bridge-cloud').textContent = b.cloud.auth + (b.cloud.message ? ': ' + b.cloud.message : '');
  $('bridge-cloud').className = b.cloud.auth === 'ok' ? 'ok' : 'bad';
  $('bridge-backoff').textContent = b.cloud.backoff_until ? 'until ' + localTime(b.cloud.backoff_until) : 'none';
  $('bridge-queue').textContent = String(b.handshake_queue);
  const c = b.cameras;
  $('bridge-cameras').textContent = c.total + ' total, ' + c.online + ' online, ' + c.streaming + ' streaming, ' + c.error + ' in error';
  const list = $('problem-list');
  list.replaceChildren(...b.problems.map((p) => el('li', { text: p })));
  $('problems').hidden = b.problems.length === 0;
  renderTopics();
}

// Counted on from the server's figure, so a browser clock that is off does not matter.
function tickUptime() {
  if (!bridge) return;
  $('bridge-uptime').textContent = duration(bridge.uptime_s + (Date.now() - bridge.receivedAt) / 1000);
}

function renderAccount(a) {
  const source = { options: 'the add-on options (they win over this page)', page: 'this page', none: 'none yet' };
  $('account-source').textContent = 'Active credentials: ' + (source[a.source] || a.source);
  const c = a.cloud;
  let auth = 'Wyze login: ' + c.auth + (c.message ? ' - ' + c.message : '');
  if (c.backoff_until) auth += ' Next attempt after ' + localTime(c.backoff_until) + '.';
  $('account-auth').textContent = auth;
  $('account-auth').className = c.auth === 'ok' ? 'ok' : 'bad';
  $('cred-email-state').textContent = a.email ? 'set: ' + a.email : 'not set';
  for (const f of ['password', 'api_id', 'api_key', 'totp_key']) {
    $('cred-' + f + '-state').textContent = a[f + '_set'] ? 'set' : 'not set';
  }
}

async function saveCredentials(ev) {
  ev.preventDefault();
  const form = $('cred-form');
  const body = {};
  for (const name of ['email', 'password', 'api_id', 'api_key', 'totp_key']) {
    body[name] = form.elements[name].value;
  }
  $('cred-save').disabled = true;
  $('cred-result').textContent = 'Logging in to Wyze…';
  $('cred-result').className = 'result';
  try {
    const r = await postJson('api/credentials', body);
    const d = describeResult(r);
    let text = d.ok ? 'Saved. ' + d.text : d.text;
    if (!d.ok && r.body && r.body.backoff_until) text += ' Retry after ' + localTime(r.body.backoff_until) + '.';
    $('cred-result').textContent = text;
    $('cred-result').className = 'result ' + (d.ok ? 'ok' : 'bad');
    if (r.body && r.body.account) renderAccount(r.body.account);
    if (d.ok) {
      for (const name of ['password', 'api_id', 'api_key', 'totp_key']) form.elements[name].value = '';
    }
  } catch (e) {
    $('cred-result').textContent = 'The bridge could not be reached: ' + e.message;
    $('cred-result').className = 'result bad';
  } finally {
    $('cred-save').disabled = false;
  }
}

function upsertCamera(cam) {
  let card = cards.get(cam.id);
  if (card) {
    card.update(cam);
  } else {
    card = new CameraCard(cam, (c) => live.open(c));
    cards.set(cam.id, card);
    placeCards();
  }
  if (live.cam && live.cam.id === cam.id) live.cam = cam;
}

function placeCards() {
  const sorted = [...cards.values()].sort((a, b) => a.cam.slug.localeCompare(b.cam.slug));
  $('cameras').replaceChildren(...sorted.map((c) => c.root));
  $('no-cameras').hidden = cards.size > 0;
  renderTopics();
}

function replaceCameras(list) {
  const seen = new Set(list.map((c) => c.id));
  for (const id of [...cards.keys()]) {
    if (!seen.has(id)) cards.delete(id);
  }
  list.forEach(upsertCamera);
  placeCards();
}

function removeCamera(msg) {
  cards.delete(msg.id);
  if (live.cam && live.cam.id === msg.id) live.close();
  placeCards();
}

function addEvent(e) {
  const text = localTime(e.ts) + '  ' + e.slug + '  ' + e.event_type
    + (e.reason ? ' (' + e.reason + ')' : '') + (e.detail ? ': ' + e.detail : '') + (e.command ? ' [' + e.command + ']' : '');
  const list = $('events');
  list.prepend(el('li', { text }));
  while (list.children.length > 50) list.lastChild.remove();
}

function renderTopics() {
  $('topics').textContent = topicList(bridge ? bridge.mqtt.base_topic : '', [...cards.values()].map((c) => c.cam.slug).sort());
}

async function bridgeAction(path, label) {
  $('bridge-result').textContent = label + '…';
  $('bridge-result').className = 'result';
  const d = describeResult(await postJson(path, {}));
  $('bridge-result').textContent = d.text;
  $('bridge-result').className = 'result ' + (d.ok ? 'ok' : 'bad');
}

async function loadLog() {
  const r = await getJson('api/logs');
  const pre = $('log-tail');
  pre.hidden = false;
  pre.textContent = (r.body.lines || []).join('\n') || 'The log is empty.';
  pre.scrollTop = pre.scrollHeight;
}

function setFeedState(state) {
  const words = { live: 'live', connecting: 'connecting…', reconnecting: 'reconnecting…', offline: 'offline, retrying…' };
  $('feed-state').textContent = words[state] || state;
  $('feed-state').dataset.state = state;
}

async function start() {
  live = new LiveView();
  $('cred-form').addEventListener('submit', saveCredentials);
  $('announce').addEventListener('click', () => bridgeAction('api/announce', 'Announcing'));
  $('refresh').addEventListener('click', () => bridgeAction('api/refresh', 'Refreshing the camera list'));
  $('load-log').addEventListener('click', loadLog);
  setInterval(tickUptime, 1000);
  // A first picture without waiting for the feed; the feed's own first messages supersede it.
  getJson('api/cameras').then((r) => { if (!fed.cameras && Array.isArray(r.body)) replaceCameras(r.body); }).catch(() => {});
  getJson('api/account').then((r) => { if (!fed.account && r.status === 200) renderAccount(r.body); }).catch(() => {});
  openFeed({
    bridge: renderBridge,
    account: (a) => { fed.account = true; renderAccount(a); },
    cameras: (list) => { fed.cameras = true; replaceCameras(list); },
    camera: upsertCamera,
    removed: removeCamera,
    event: addEvent,
    snapshot: (s) => { const c = cards.get(s.id); if (c) c.refreshSnapshot(s.snapshot_url); },
  }, setFeedState);
}

start();
