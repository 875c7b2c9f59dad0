// Talking to the bridge. Every URL is relative, so the page works under any ingress prefix.

/** GET a JSON document. */
export async function getJson(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  return { status: res.status, body: await readJson(res) };
}

/** POST a JSON body (state changes are POST + JSON only). Resolves to { status, body }. */
export async function postJson(path, payload) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(payload || {}),
  });
  return { status: res.status, body: await readJson(res) };
}

async function readJson(res) {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch (e) {
    return { error: 'bad_response', message: 'The bridge answered with something that is not JSON (' + res.status + ').' };
  }
}

/** A one-line description of a command answer for the page. */
export function describeResult(r) {
  const b = r.body || {};
  if (r.status >= 200 && r.status < 300 && b.ok !== false) {
    return { ok: true, text: b.message || 'Done.' };
  }
  const code = b.reason || b.error || ('http_' + r.status);
  return { ok: false, text: code + ': ' + (b.message || 'refused') };
}

/**
 * The live feed (Server-Sent Events). EventSource reconnects by itself after a dropped stream; when
 * the browser gives up (readyState CLOSED, e.g. after an error status), start a new one after a pause.
 */
export function openFeed(handlers, onState) {
  let source = null;
  let retryTimer = null;
  const connect = () => {
    retryTimer = null;
    onState('connecting');
    source = new EventSource('api/events');
    source.onopen = () => onState('live');
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        onState('offline');
        source.close();
        if (!retryTimer) {
          retryTimer = setTimeout(connect, 3000);
        }
      } else {
        onState('reconnecting');
      }
    };
    for (const [name, fn] of Object.entries(handlers)) {
      source.addEventListener(name, (ev) => {
        let data;
        try {
          data = JSON.parse(ev.data);
        } catch (e) {
          return;
        }
        fn(data);
      });
    }
  };
  connect();
  return () => source && source.close();
}

/** Copies text, also inside the ingress iframe where the async clipboard may be denied. */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (e) {
    // fall through to the selection-based copy
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch (e) {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Builds an element: el('p', { class: 'x', text: 'hi' }, child...). Text is never parsed as HTML. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') {
      node.textContent = v;
    } else if (k === 'class') {
      node.className = v;
    } else if (k.startsWith('on') && typeof v === 'function') {
      node.addEventListener(k.slice(2), v);
    } else if (v !== undefined && v !== null && v !== false) {
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    if (c !== null && c !== undefined) {
      node.append(c);
    }
  }
  return node;
}

/** "3 h 4 min" style durations. */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return d + ' d ' + h + ' h';
  if (h > 0) return h + ' h ' + m + ' min';
  if (m > 0) return m + ' min ' + (s % 60) + ' s';
  return s + ' s';
}

export function localTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleTimeString();
}
