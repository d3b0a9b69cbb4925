/*
 * Tulay chat widget: a one-line embed for any website.
 *   <script src="https://HOST/widget.js" data-title="Support" data-locale="fil"></script>
 * Options: data-title, data-locale (en | fil | ur, or a tag such as fil-PH), data-websocket="false".
 * Loads the official Web Chat bundle from HOST (no CDN) on first open, gets a token from
 * HOST/api/directline/token (the Direct Line secret, if any, stays on the server).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.TulayWidget) return;
  var origin = new URL(script.src, location.href).origin;
  var data = script.dataset;
  var useWebSocket = data.websocket !== 'false';
  var storageKey = 'tulay-webchat:' + origin;

  // Web Chat has no Filipino or Urdu strings and does not treat ur-PK as right-to-left: both here.
  var LANGS = {
    en: {
      tag: 'en-US',
      name: 'English',
      dir: 'ltr',
      ui: {
        title: 'Chat with us',
        open: 'Open chat',
        close: 'Close chat',
        pick: 'Choose your language',
        language: 'Language',
        error: 'Chat is unavailable right now. Please try again.',
        retry: 'Try again',
      },
      strings: {},
    },
    fil: {
      tag: 'fil-PH',
      name: 'Filipino',
      dir: 'ltr',
      ui: {
        title: 'Makipag-chat sa amin',
        open: 'Buksan ang chat',
        close: 'Isara ang chat',
        pick: 'Piliin ang iyong wika',
        language: 'Wika',
        error: 'Hindi available ang chat ngayon. Pakisubukang muli.',
        retry: 'Subukang muli',
      },
      strings: {
        TEXT_INPUT_PLACEHOLDER: 'I-type ang iyong mensahe',
        TEXT_INPUT_SEND_BUTTON_ALT: 'Ipadala',
        TEXT_INPUT_ALT: 'Kahon ng mensahe',
        CONNECTIVITY_STATUS_ALT_CONNECTING: 'Kumokonekta…',
        CONNECTIVITY_STATUS_ALT_CONNECTED: 'Nakakonekta',
        CONNECTIVITY_STATUS_ALT_FATAL: 'Hindi makakonekta.',
        CONNECTIVITY_STATUS_ALT_RECONNECTING: 'Naputol ang koneksyon. Kumokonekta muli…',
        ACTIVITY_STATUS_SEND_STATUS_ALT_SENDING: 'Ipinapadala',
        ACTIVITY_STATUS_SEND_FAILED_RETRY: 'Hindi naipadala. [Subukang muli][RETRY].',
        ACTIVITY_STATUS_TIMESTAMP_JUST_NOW: 'Ngayon lang',
        TRANSCRIPT_NEW_MESSAGES: 'Mga bagong mensahe',
      },
    },
    ur: {
      tag: 'ur-PK',
      name: 'اردو',
      dir: 'rtl',
      ui: {
        title: 'ہم سے بات کریں',
        open: 'چیٹ کھولیں',
        close: 'چیٹ بند کریں',
        pick: 'اپنی زبان منتخب کریں',
        language: 'زبان',
        error: 'چیٹ ابھی دستیاب نہیں۔ دوبارہ کوشش کریں۔',
        retry: 'دوبارہ کوشش کریں',
      },
      strings: {
        TEXT_INPUT_PLACEHOLDER: 'اپنا پیغام لکھیں',
        TEXT_INPUT_SEND_BUTTON_ALT: 'بھیجیں',
        TEXT_INPUT_ALT: 'پیغام کا خانہ',
        CONNECTIVITY_STATUS_ALT_CONNECTING: 'رابطہ ہو رہا ہے…',
        CONNECTIVITY_STATUS_ALT_CONNECTED: 'رابطہ ہو گیا',
        CONNECTIVITY_STATUS_ALT_FATAL: 'رابطہ نہیں ہو سکا۔',
        CONNECTIVITY_STATUS_ALT_RECONNECTING: 'رابطہ منقطع ہو گیا۔ دوبارہ رابطہ ہو رہا ہے…',
        ACTIVITY_STATUS_SEND_STATUS_ALT_SENDING: 'بھیجا جا رہا ہے',
        ACTIVITY_STATUS_SEND_FAILED_RETRY: 'بھیجا نہیں جا سکا۔ [دوبارہ کوشش کریں][RETRY]۔',
        ACTIVITY_STATUS_TIMESTAMP_JUST_NOW: 'ابھی ابھی',
        TRANSCRIPT_NEW_MESSAGES: 'نئے پیغامات',
      },
    },
  };

  /** 'fil-PH', 'tl', 'ur_PK', 'EN-gb' → a key of LANGS, or undefined. */
  function normalize(value) {
    var base = String(value || '')
      .toLowerCase()
      .split(/[-_]/)[0];
    if (base === 'tl') base = 'fil';
    return LANGS[base] ? base : undefined;
  }

  function saved() {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey) || 'null') || {};
    } catch (e) {
      return {};
    }
  }
  function save(patch) {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(Object.assign(saved(), patch)));
    } catch (e) {
      /* private mode */
    }
  }

  // data-locale, else the page's <html lang>, else what the customer picked (asked on first open).
  var lang = normalize(data.locale) || normalize(document.documentElement.lang) || normalize(saved().lang);
  var state = { open: false, directLine: null, store: null, loading: null };

  var css = [
    '.tulay-bubble{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:60px;height:60px;border-radius:50%;border:0;background:#0b5cff;color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.25);cursor:pointer;display:flex;align-items:center;justify-content:center}',
    '.tulay-bubble:focus-visible{outline:3px solid #ffb400;outline-offset:3px}',
    '.tulay-panel{position:fixed;bottom:92px;right:20px;z-index:2147483000;width:380px;max-width:calc(100vw - 24px);height:580px;max-height:calc(100vh - 112px);background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.3);display:none;flex-direction:column;overflow:hidden;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Nastaliq Urdu",sans-serif}',
    '.tulay-panel.tulay-open{display:flex}',
    '.tulay-header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:#0b5cff;color:#fff}',
    '.tulay-header h2{flex:1;margin:0;font-size:16px;font-weight:600}',
    '.tulay-header select{border-radius:6px;border:0;padding:3px 4px;font-size:13px}',
    '.tulay-header button{background:transparent;border:0;color:#fff;font-size:22px;line-height:1;cursor:pointer;padding:2px 6px}',
    '.tulay-body{flex:1;min-height:0;position:relative}',
    '.tulay-center{display:flex;flex-direction:column;align-items:center;justify-content:center;height:100%;gap:12px;padding:24px;text-align:center}',
    '.tulay-center button{padding:10px 18px;border-radius:8px;border:1px solid #0b5cff;background:#fff;color:#0b5cff;font-size:15px;cursor:pointer;min-width:160px}',
    '@media (max-width:480px){.tulay-panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}}',
  ].join('\n');

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      node.appendChild(c);
    });
    return node;
  }

  var style = el('style', { text: css });
  var bubble = el('button', {
    type: 'button',
    class: 'tulay-bubble',
    id: 'tulay-chat-button',
    'aria-expanded': 'false',
    onclick: toggle,
  });
  bubble.innerHTML =
    '<svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
  var title = el('h2', { id: 'tulay-chat-title' });
  var picker = el(
    'select',
    {
      'aria-label': 'Language',
      id: 'tulay-chat-language',
      onchange: function () {
        choose(picker.value);
      },
    },
    Object.keys(LANGS).map(function (k) {
      return el('option', { value: k, text: LANGS[k].name });
    }),
  );
  var closeButton = el('button', { type: 'button', text: '×', onclick: toggle });
  var body = el('div', { class: 'tulay-body' });
  var panel = el(
    'section',
    { class: 'tulay-panel', id: 'tulay-chat-panel', role: 'dialog', 'aria-labelledby': 'tulay-chat-title' },
    [el('div', { class: 'tulay-header' }, [title, picker, closeButton]), body],
  );

  function ui() {
    return LANGS[lang || 'en'].ui;
  }
  function label() {
    var u = ui();
    title.textContent = data.title || u.title;
    bubble.setAttribute('aria-label', state.open ? u.close : u.open);
    closeButton.setAttribute('aria-label', u.close);
    picker.setAttribute('aria-label', u.language);
    picker.value = lang || 'en';
    panel.setAttribute('dir', LANGS[lang || 'en'].dir);
  }

  function toggle() {
    state.open = !state.open;
    panel.classList.toggle('tulay-open', state.open);
    bubble.setAttribute('aria-expanded', String(state.open));
    label();
    if (state.open) lang ? start() : askLanguage();
  }

  function askLanguage() {
    body.innerHTML = '';
    body.appendChild(
      el(
        'div',
        { class: 'tulay-center' },
        [el('p', { text: ui().pick })].concat(
          Object.keys(LANGS).map(function (k) {
            return el('button', {
              type: 'button',
              lang: LANGS[k].tag,
              text: LANGS[k].name,
              onclick: function () {
                choose(k);
              },
            });
          }),
        ),
      ),
    );
  }

  function choose(key) {
    lang = normalize(key) || 'en';
    save({ lang: lang });
    label();
    if (state.open) start();
  }

  function loadWebChat() {
    if (window.WebChat) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var s = el('script', { src: origin + '/webchat/webchat.js', async: '' });
      s.onload = resolve;
      s.onerror = function () {
        reject(new Error('Web Chat could not be loaded'));
      };
      document.head.appendChild(s);
    });
  }

  function postJson(url, token) {
    return fetch(url, { method: 'POST', headers: token ? { Authorization: 'Bearer ' + token } : {} }).then(
      function (res) {
        if (!res.ok) throw new Error(url + ' answered ' + res.status);
        return res.json();
      },
    );
  }

  /** Resumes this tab's conversation after a page change; else starts a new one. */
  function connect() {
    var last = saved();
    // An expired token fails the refresh (403): then a new conversation starts.
    var resume =
      last.conversationId && last.token && last.domain
        ? postJson(last.domain + '/tokens/refresh', last.token).then(function (r) {
            return {
              token: r.token,
              expires_in: r.expires_in,
              conversationId: last.conversationId,
              domain: last.domain,
            };
          })
        : Promise.reject(new Error('nothing to resume'));
    return resume
      .catch(function () {
        return postJson(origin + '/api/directline/token');
      })
      .then(function (t) {
        var domain = t.domain || origin + '/v3/directline';
        save({ conversationId: t.conversationId, token: t.token, domain: domain });
        var options = {
          token: t.token,
          domain: domain,
          webSocket: useWebSocket,
          conversationStartProperties: { locale: LANGS[lang].tag },
        };
        if (last.conversationId === t.conversationId) options.conversationId = t.conversationId;
        state.directLine = window.WebChat.createDirectLine(options);
        state.store = window.WebChat.createStore();
      });
  }

  function start() {
    if (!state.loading) {
      body.innerHTML = '';
      state.loading = loadWebChat().then(connect);
      state.loading.catch(function () {
        state.loading = null;
        showError();
      });
    }
    state.loading.then(render, function () {
      /* shown by showError */
    });
  }

  function render() {
    var l = LANGS[lang];
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        locale: l.tag,
        dir: l.dir,
        overrideLocalizedStrings: l.strings,
        styleOptions: {
          hideUploadButton: true,
          accent: '#0b5cff',
          botAvatarInitials: 'K',
          bubbleBorderRadius: 10,
          bubbleFromUserBorderRadius: 10,
        },
      },
      body,
    );
    var input = body.querySelector('input, textarea');
    if (input) input.focus();
  }

  function showError() {
    body.innerHTML = '';
    body.appendChild(
      el('div', { class: 'tulay-center', role: 'alert' }, [
        el('p', { text: ui().error }),
        el('button', { type: 'button', text: ui().retry, onclick: start }),
      ]),
    );
  }

  // Web Chat refreshes its token itself; keep the latest so the next page can resume with it.
  window.addEventListener('pagehide', function () {
    if (state.directLine && state.directLine.token) save({ token: state.directLine.token });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && state.open) toggle();
  });

  function mount() {
    document.head.appendChild(style);
    document.body.appendChild(panel);
    document.body.appendChild(bubble);
    label();
  }
  // The embed may sit in <head> without defer: wait for <body>.
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
  window.TulayWidget = {
    open: function () {
      if (!state.open) toggle();
    },
    close: function () {
      if (state.open) toggle();
    },
  };
})();
