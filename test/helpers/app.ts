import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOverrides } from '../../src/app.js';
import { parseConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logging/index.js';

export interface RunningApp {
  app: App;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts a real Tulay on a throwaway port with its own data folder. */
export async function startApp(
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
): Promise<RunningApp> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'tulay-app-'));
  const config = parseConfig({ PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'test', DATA_DIR: dataDir, ...env });
  const app = await createApp(config, createLogger({ level: config.log.level, pretty: false }), overrides);
  const { url } = await app.listen();
  return { app, url, dataDir, stop: () => app.stop() };
}

let seq = 0;
/** A Bot Framework message activity as a channel would POST it. */
export function messageActivity(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    type: 'message',
    id: `act-${seq}`,
    text,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/never-called',
    deliveryMode: 'expectReplies',
    conversation: { id: `conv-${process.pid}-${seq}` },
    from: { id: 'user-1', name: 'Test User', role: 'user' },
    recipient: { id: 'tulay', name: 'Tulay', role: 'bot' },
    locale: 'en-US',
    timestamp: new Date().toISOString(),
    ...extra,
  };
}

export async function postActivity(
  url: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: {
    activities?: { type: string; text?: string; attachments?: unknown[] }[];
    error?: { code: string; message: string };
  };
}> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as never) : {} };
}
