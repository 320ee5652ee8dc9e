/**
 * The bootstrap script put at the top of every HTML document the preview shows. It runs inside the opaque-origin
 * frame, before the page's own scripts, and turns what would need the network into messages to the preview:
 * link clicks and form submissions (`navigate`, `submit`), leaving by script (`leaving`), `fetch` and
 * `XMLHttpRequest` (`fetch`, answered by `fetch-result`). URLs are resolved against the page's address on the
 * published port, not the frame's own URL. It is plain JavaScript, kept as text: it runs outside the app's bundle.
 */

const SOURCE = String.raw`(function (cfg) {
  'use strict';
  var base = cfg.href;
  var post = function (m) { m.layerlab = 'preview'; m.token = cfg.token; parent.postMessage(m, '*'); };
  var abs = function (u) { try { return new URL(String(u), base).href; } catch (e) { return String(u); } };
  var samePage = function (u) { var a = new URL(u), b = new URL(base); return a.origin + a.pathname + a.search === b.origin + b.pathname + b.search; };

  window.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target instanceof Element ? e.target.closest('a[href], area[href]') : null;
    if (!a) return;
    var href = a.getAttribute('href');
    if (href === null || /^\s*javascript:/i.test(href) || a.hasAttribute('download')) return;
    e.preventDefault();
    var u = abs(href);
    if (u.indexOf('#') >= 0 && samePage(u)) {
      var id = decodeURIComponent(u.slice(u.indexOf('#') + 1));
      var el = id ? document.getElementById(id) || document.getElementsByName(id)[0] : document.body;
      if (el) el.scrollIntoView();
      return;
    }
    post({ t: 'navigate', url: u });
  });

  function submit(form, submitter) {
    var method = submitter && submitter.hasAttribute('formmethod') ? submitter.formMethod : form.method;
    if (method === 'dialog') return;
    var action = submitter && submitter.hasAttribute('formaction') ? submitter.getAttribute('formaction') : form.getAttribute('action');
    var enctype = submitter && submitter.hasAttribute('formenctype') ? submitter.formEnctype : form.enctype;
    var data;
    try { data = submitter ? new FormData(form, submitter) : new FormData(form); } catch (e) { data = new FormData(form); }
    var pending = [];
    data.forEach(function (v, k) {
      pending.push(typeof v === 'string' ? Promise.resolve([k, v]) : v.text().then(function (text) { return [k, { filename: v.name, type: v.type, content: text }]; }));
    });
    Promise.all(pending).then(function (entries) {
      post({ t: 'submit', method: method, action: abs(action || base), enctype: enctype, entries: entries });
    });
  }
  window.addEventListener('submit', function (e) {
    if (e.defaultPrevented) return;
    e.preventDefault();
    submit(e.target, e.submitter);
  });
  HTMLFormElement.prototype.submit = function () { submit(this, null); };
  window.addEventListener('beforeunload', function () { post({ t: 'leaving' }); });

  var seq = 0;
  var waiting = new Map();
  window.addEventListener('message', function (e) {
    var m = e.data;
    if (e.source !== parent || !m || m.layerlab !== 'preview' || m.t !== 'fetch-result') return;
    var done = waiting.get(m.id);
    if (!done) return;
    waiting.delete(m.id);
    done(m);
  });
  function bridge(method, url, headers, body) {
    return new Promise(function (resolve) {
      var id = ++seq;
      waiting.set(id, resolve);
      var m = { t: 'fetch', id: id, method: method, url: url, headers: headers };
      if (body !== undefined) m.body = body;
      post(m);
    });
  }
  function bodyText(body, headers) {
    if (body === undefined || body === null) return Promise.resolve(undefined);
    var r = new Response(body);
    var type = r.headers.get('content-type');
    if (type && !Object.keys(headers).some(function (k) { return k.toLowerCase() === 'content-type'; })) headers['content-type'] = type;
    return r.text();
  }
  var refused = function (m, url) {
    console.error('Layerlab preview: ' + m.error + ' (' + url + ')');
    return new TypeError('Failed to fetch: ' + m.error);
  };

  window.fetch = function (input, init) {
    init = init || {};
    var isReq = input instanceof Request;
    var url = abs(isReq ? input.url : input);
    var method = String(init.method || (isReq ? input.method : 'GET')).toUpperCase();
    var headers = {};
    new Headers(init.headers || (isReq ? input.headers : undefined)).forEach(function (v, k) { headers[k] = v; });
    var body = init.body !== undefined ? bodyText(init.body, headers) : isReq && method !== 'GET' && method !== 'HEAD' ? input.clone().text() : Promise.resolve(undefined);
    return body.then(function (text) { return bridge(method, url, headers, text); }).then(function (m) {
      if (!m.ok) throw refused(m, url);
      var empty = m.status === 204 || m.status === 205 || m.status === 304 || method === 'HEAD';
      var res = new Response(empty ? null : m.body, { status: m.status < 200 || m.status > 599 ? 200 : m.status, statusText: m.statusText, headers: m.headers });
      Object.defineProperty(res, 'url', { value: m.url });
      return res;
    });
  };

  function XHR() {
    this.readyState = 0; this.status = 0; this.statusText = ''; this.responseText = ''; this.response = '';
    this.responseType = ''; this.responseURL = ''; this.timeout = 0; this.withCredentials = false;
    this.upload = { addEventListener: function () {}, removeEventListener: function () {} };
    this._h = {}; this._rh = {}; this._l = {}; this._gen = 0;
  }
  XHR.UNSENT = 0; XHR.OPENED = 1; XHR.HEADERS_RECEIVED = 2; XHR.LOADING = 3; XHR.DONE = 4;
  XHR.prototype.addEventListener = function (type, fn) { (this._l[type] = this._l[type] || []).push(fn); };
  XHR.prototype.removeEventListener = function (type, fn) { this._l[type] = (this._l[type] || []).filter(function (f) { return f !== fn; }); };
  XHR.prototype._fire = function (type) {
    var ev = { type: type, target: this, currentTarget: this, lengthComputable: false, loaded: 0, total: 0 };
    var h = this['on' + type];
    if (typeof h === 'function') h.call(this, ev);
    (this._l[type] || []).slice().forEach(function (f) { (typeof f === 'function' ? f : f.handleEvent).call(this, ev); }, this);
  };
  XHR.prototype._state = function (s) { this.readyState = s; this._fire('readystatechange'); };
  XHR.prototype.open = function (method, url) { this._m = String(method).toUpperCase(); this._u = abs(url); this._h = {}; this._gen++; this._state(1); };
  XHR.prototype.setRequestHeader = function (k, v) { this._h[k] = String(v); };
  XHR.prototype.overrideMimeType = function () {};
  XHR.prototype.getResponseHeader = function (k) { var v = this._rh[String(k).toLowerCase()]; return v === undefined ? null : v; };
  XHR.prototype.getAllResponseHeaders = function () { var h = this._rh; return Object.keys(h).map(function (k) { return k + ': ' + h[k] + '\r\n'; }).join(''); };
  XHR.prototype.abort = function () { this._gen++; if (this.readyState > 0 && this.readyState < 4) { this._state(4); this._fire('abort'); this._fire('loadend'); } this.readyState = 0; };
  XHR.prototype.send = function (body) {
    var self = this, gen = this._gen, headers = Object.assign({}, this._h);
    var text = this._m === 'GET' || this._m === 'HEAD' ? Promise.resolve(undefined) : bodyText(body, headers);
    this._fire('loadstart');
    text.then(function (t) { return bridge(self._m, self._u, headers, t); }).then(function (m) {
      if (gen !== self._gen) return;
      if (!m.ok) { refused(m, self._u); self._state(4); self._fire('error'); self._fire('loadend'); return; }
      self.status = m.status; self.statusText = m.statusText; self._rh = m.headers; self.responseURL = m.url;
      self._state(2); self._state(3);
      self.responseText = m.body;
      if (self.responseType === 'json') { try { self.response = JSON.parse(m.body); } catch (e) { self.response = null; } }
      else self.response = m.body;
      self._state(4); self._fire('load'); self._fire('loadend');
    });
  };
  window.XMLHttpRequest = XHR;
})`;

/** The script text for the document at `href` (its address on the published port), answering to `token`. */
export function frameScript(href: string, token: string): string {
  const cfg = JSON.stringify({ href, token }).replace(/</g, '\\u003c');
  return `${SOURCE}(${cfg});`;
}
