// New-ticket alerts: a desktop notification (Notification API) and a short beep (Web Audio).
// Browsers only allow both after a user gesture, so we ask/unlock on the first click or key press.

let audioContext = null;

function unlock() {
  window.removeEventListener('pointerdown', unlock, true);
  window.removeEventListener('keydown', unlock, true);
  if ('Notification' in window && Notification.permission === 'default') {
    try {
      const asked = Notification.requestPermission();
      if (asked && typeof asked.catch === 'function') asked.catch(() => {});
    } catch {
      /* old callback-style API or blocked: ignore */
    }
  }
  const Ctx = window.AudioContext ?? window.webkitAudioContext;
  if (Ctx && !audioContext) {
    try {
      audioContext = new Ctx();
    } catch {
      audioContext = null;
    }
  }
  if (audioContext?.state === 'suspended') audioContext.resume().catch(() => {});
}

/** Arms the one-time permission request and audio unlock on the first user gesture. */
export function armAlertsOnFirstGesture() {
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
}

/** Two soft sine tones (~0.3 s in all). Silent when audio is not unlocked yet. */
export function beep() {
  const ctx = audioContext;
  if (!ctx) return;
  try {
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const start = ctx.currentTime + 0.01;
    [880, 1175].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const t0 = start + i * 0.16;
      osc.type = 'sine';
      osc.frequency.setValueAtTime(freq, t0);
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.18, t0 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.14);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + 0.15);
    });
  } catch {
    /* audio is a nicety */
  }
}

/** Shows a desktop notification when allowed; clicking it focuses the console and calls onClick. */
export function notify(title, body, tag, onClick) {
  if (!('Notification' in window) || Notification.permission !== 'granted') return null;
  try {
    const n = new Notification(title, { body, tag, silent: true });
    n.onclick = () => {
      window.focus();
      n.close();
      onClick?.();
    };
    return n;
  } catch {
    return null;
  }
}
