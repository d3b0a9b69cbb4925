import type { EventBus, HandoffEvent, HandoffListener } from './ports.js';

/** One process: listeners are called on a later tick, like a real bus, so publishers never re-enter. */
export class MemoryEventBus implements EventBus {
  readonly kind = 'memory';
  private readonly listeners = new Set<HandoffListener>();

  constructor(private readonly onError: (err: unknown) => void = () => undefined) {}

  publish(event: HandoffEvent): Promise<void> {
    // A JSON round trip gives listeners the same shapes the PostgreSQL bus delivers.
    const copy = JSON.parse(JSON.stringify(event)) as HandoffEvent;
    setImmediate(() => {
      for (const listener of this.listeners) {
        try {
          listener(copy);
        } catch (err) {
          this.onError(err);
        }
      }
    });
    return Promise.resolve();
  }

  subscribe(listener: HandoffListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}
