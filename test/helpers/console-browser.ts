// Browser plumbing for the agent console e2e tests: launch headless Chromium, stub the
// Notification and Web Audio APIs so alerts can be counted, and small polling helpers.
// Launch options and the "skip unless CI/TULAY_REQUIRE_BROWSER" rule live in the shared helper.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, CHROMIUM_PATH, launchBrowser } from './browser.js';

/** undefined when the browser tests can run; otherwise why they are skipped (browser.ts warns). */
export const browserSkipReason = (): string | undefined =>
  browserAvailable ? undefined : `${CHROMIUM_PATH} not found`;

export const launchChromium = (): Promise<Browser> => launchBrowser();

/**
 * Runs in the page before its scripts: Notification starts at "default" and records
 * requestPermission() and every notification; oscillators started by the beep are counted.
 */
function installAlertProbes(): void {
  const w = window as unknown as {
    __alerts: {
      permissionRequests: number;
      notifications: { title: string; body?: string }[];
      tones: number;
    };
    Notification: unknown;
    AudioContext: typeof AudioContext;
  };
  w.__alerts = { permissionRequests: 0, notifications: [], tones: 0 };
  class ProbeNotification {
    static permission: NotificationPermission = 'default';
    static requestPermission(): Promise<NotificationPermission> {
      w.__alerts.permissionRequests += 1;
      ProbeNotification.permission = 'granted';
      return Promise.resolve('granted');
    }
    onclick: (() => void) | null = null;
    constructor(title: string, options?: { body?: string }) {
      w.__alerts.notifications.push({ title, body: options?.body });
    }
    close(): void {}
  }
  w.Notification = ProbeNotification;
  const Real = w.AudioContext;
  if (Real) {
    w.AudioContext = class extends Real {
      override createOscillator(): OscillatorNode {
        w.__alerts.tones += 1;
        return super.createOscillator();
      }
    };
  }
}

export interface AlertProbe {
  permissionRequests: number;
  notifications: { title: string; body?: string }[];
  tones: number;
}

export async function newConsolePage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(installAlertProbes);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

export const alerts = (page: Page): Promise<AlertProbe> =>
  page.evaluate(() => (window as unknown as { __alerts: AlertProbe }).__alerts);

export const xssFlag = (page: Page): Promise<unknown> =>
  page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

/** Polls fn until it returns something truthy (or throws after timeoutMs with the label). */
export async function until<T>(
  label: string,
  fn: () => Promise<T> | T,
  timeoutMs = 8000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${label}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Logs in through the form. */
export async function loginThroughUi(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/agent`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-submit').click();
  await page.locator('#console-view').waitFor({ state: 'visible' });
}
