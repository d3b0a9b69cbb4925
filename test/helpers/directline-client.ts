import type { Activity as DlActivity, DirectLineOptions } from 'botframework-directlinejs';
import { WebSocket as WsWebSocket } from 'ws';
import { FetchXMLHttpRequest } from './xhr.js';

// botframework-directlinejs reads the globals XMLHttpRequest (via rxjs ajax) and WebSocket.
const g = globalThis as Record<string, unknown>;
g.XMLHttpRequest ??= FetchXMLHttpRequest;
g.WebSocket ??= WsWebSocket;

const { ConnectionStatus, DirectLine } = await import('botframework-directlinejs');
export { ConnectionStatus, DirectLine };
export type { DlActivity, DirectLineOptions };

type Dl = InstanceType<typeof DirectLine>;

/** A DirectLine client that records everything it receives. */
export function connect(options: DirectLineOptions): {
  dl: Dl;
  received: DlActivity[];
  statuses: number[];
  end(): void;
} {
  const dl = new DirectLine(options);
  const received: DlActivity[] = [];
  const statuses: number[] = [];
  const statusSub = dl.connectionStatus$.subscribe((s) => statuses.push(s));
  const sub = dl.activity$.subscribe({ next: (a) => received.push(a), error: () => undefined });
  return {
    dl,
    received,
    statuses,
    end() {
      sub.unsubscribe();
      statusSub.unsubscribe();
      dl.end();
    },
  };
}

/** Posts through the real client; resolves with the activity id or rejects with the ajax error. */
export function post(dl: Dl, activity: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    dl.postActivity({ from: { id: 'ignored-by-server' }, ...activity } as DlActivity).subscribe({
      next: resolve,
      error: reject,
    });
  });
}

export const texts = (list: DlActivity[]): string[] =>
  list.filter((a) => a.type === 'message').map((a) => (a as { text?: string }).text ?? '');
