import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/**
 * A tiny stand-in for the Bot Framework connector: the bot's replies and proactive messages go
 * to the activity's serviceUrl, i.e. here; tests read what each customer received.
 */
export class FakeConnector {
  readonly received: { conversationId: string; activity: Partial<Activity>; at: number }[] = [];
  private server: Server | undefined;
  private waiters: (() => void)[] = [];
  private n = 0;
  /** Called for every activity as it arrives (the benchmark timestamps with it). */
  onActivity: ((conversationId: string, activity: Partial<Activity>) => void) | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method === 'POST' && match) {
          const conversationId = decodeURIComponent(match[1] ?? '');
          const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Partial<Activity>;
          this.received.push({ conversationId, activity, at: Date.now() });
          this.onActivity?.(conversationId, activity);
          this.waiters.splice(0).forEach((w) => w());
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        const member = /^\/v3\/conversations\/[^/]+\/members\/([^/?]+)/.exec(req.url ?? '');
        // Teams' member lookup (TeamsInfo.getMember): the employee's directory identity.
        if (req.method === 'GET' && member) {
          res.end(
            JSON.stringify({
              id: decodeURIComponent(member[1] ?? ''),
              name: 'Juan Dela Cruz',
              email: 'juan@kidlat.example',
            }),
          );
          return;
        }
        res.end(JSON.stringify({ id: `act-${++this.n}` }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
    return this.url;
  }

  to(conversationId: string, type = 'message'): Partial<Activity>[] {
    return this.received
      .filter((r) => r.conversationId === conversationId && r.activity.type === type)
      .map((r) => r.activity);
  }

  texts(conversationId: string): string[] {
    return this.to(conversationId)
      .map((a) => a.text ?? '')
      .filter(Boolean);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'connector activity'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`FakeConnector: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
