import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Browser tests use Debian's chromium through playwright-core. In CI (CI=true) or with
 * TULAY_REQUIRE_BROWSER=1 a missing chromium is an error; on a developer machine without it
 * the suites skip and say so.
 */
export const CHROMIUM_PATH = process.env.TULAY_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BROWSER_REQUIRED = process.env.CI === 'true' || process.env.TULAY_REQUIRE_BROWSER === '1';

const present = existsSync(CHROMIUM_PATH);
if (!present && BROWSER_REQUIRED) {
  throw new Error(
    `Browser tests are required here but ${CHROMIUM_PATH} does not exist (apt-get install chromium)`,
  );
}
if (!present) console.warn(`[tests] browser suites SKIPPED: ${CHROMIUM_PATH} not found`);

export const browserAvailable = present;

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}
