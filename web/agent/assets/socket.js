// Live updates over /agent/ws with automatic reconnection (exponential backoff with jitter).

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/**
 * connectSocket({ onMessage, onStatus, onOpen, onUnauthorized }) → { send, close, reconnectNow }
 * onOpen(reconnected) fires on every successful connection; reconnected=true after a drop, which
 * is when the caller refetches what it may have missed.
 */
export function connectSocket({ onMessage, onStatus, onOpen, onUnauthorized }) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/agent/ws`;
  let ws = null;
  let attempt = 0;
  let timer = null;
  let stopped = false;
  let everOpened = false;

  function open() {
    timer = null;
    if (stopped) return;
    onStatus(everOpened ? 'reconnecting' : 'connecting');
    try {
      ws = new WebSocket(url);
    } catch {
      schedule();
      return;
    }
    ws.addEventListener('open', () => {
      const reconnected = everOpened;
      everOpened = true;
      attempt = 0;
      onStatus('live');
      onOpen(reconnected);
    });
    ws.addEventListener('message', (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (data && typeof data.type === 'string') onMessage(data);
    });
    ws.addEventListener('close', (event) => {
      ws = null;
      if (stopped) return;
      if (event.code === 4401) {
        stopped = true;
        onStatus('offline');
        onUnauthorized();
        return;
      }
      if (event.code === 4403) {
        // Refused for good (cross-origin): retrying cannot help.
        stopped = true;
        onStatus('offline');
        return;
      }
      onStatus('reconnecting');
      schedule();
    });
    // 'error' is always followed by 'close'; nothing to do here.
  }

  function schedule() {
    if (stopped || timer) return;
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.8 + Math.random() * 0.4);
    attempt += 1;
    timer = setTimeout(open, delay);
  }

  function reconnectNow() {
    if (stopped || (ws && ws.readyState <= WebSocket.OPEN)) return;
    clearTimeout(timer);
    timer = null;
    attempt = 0;
    open();
  }

  const onOnline = () => reconnectNow();
  window.addEventListener('online', onOnline);

  open();

  return {
    send(message) {
      if (ws && ws.readyState === WebSocket.OPEN) {
        ws.send(JSON.stringify(message));
        return true;
      }
      return false;
    },
    reconnectNow,
    close() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      if (ws) ws.close(1000, 'logout');
      ws = null;
    },
  };
}
