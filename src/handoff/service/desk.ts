import { AppError } from '../../errors/index.js';
import type { Agent } from '../agents/ports.js';
import { entriesToItems, relayedMessage, toTranscriptItem, type TranscriptItem } from '../relay/index.js';
import { toTicketView, type Ticket, type TicketState, type TicketView } from '../tickets/index.js';
import { TicketAccess } from './access.js';
import type { HandoffDeps } from './deps.js';
import { AgentHandover, type TransferTarget } from './handover.js';
import type { TicketEvents } from './events.js';
import type { CustomerNotifier } from './notifier.js';
import type { QueueWatch } from './queue.js';

export type { TransferTarget } from './handover.js';

export interface NoteView {
  id: string;
  at: string;
  agentId: string;
  text: string;
}

/** The agent side: what the console API does, with who-may-do-what checked here, not in the routes. */
export class AgentDesk {
  private readonly lastTyping = new Map<string, number>();
  private readonly access: TicketAccess;
  private readonly handover: AgentHandover;

  constructor(
    private readonly deps: HandoffDeps,
    private readonly events: TicketEvents,
    private readonly notifier: CustomerNotifier,
    private readonly queue: QueueWatch,
  ) {
    this.access = new TicketAccess(deps);
    this.handover = new AgentHandover(deps, events, notifier, queue, this.access);
  }

  canSee(agent: Agent, t: Pick<Ticket, 'queue' | 'assignedAgentId'>): boolean {
    return this.access.canSee(agent, t);
  }

  async list(agent: Agent, states: TicketState[], mine: boolean): Promise<TicketView[]> {
    const tickets = await this.deps.tickets.list(mine ? { states, agentId: agent.id } : { states });
    const visible = tickets.filter((t) => this.canSee(agent, t));
    const positions = new Map<string, Map<string, number>>();
    for (const q of new Set(visible.filter((t) => t.state === 'queued').map((t) => t.queue))) {
      positions.set(q, await this.events.positions(q));
    }
    const now = this.deps.clock.now();
    return visible.map((t) => toTicketView(t, now, positions.get(t.queue)?.get(t.id)));
  }

  async detail(
    agent: Agent,
    id: string,
  ): Promise<{ ticket: TicketView; transcript: TranscriptItem[]; notes: NoteView[] }> {
    const ticket = await this.access.load(agent, id);
    const [view, entries, notes] = await Promise.all([
      this.events.view(ticket),
      this.deps.transcripts.list(ticket.conversationId),
      this.deps.tickets.notes(id),
    ]);
    return { ticket: view, transcript: entriesToItems(entries), notes: notes.map(noteView) };
  }

  async accept(agent: Agent, id: string): Promise<TicketView> {
    const ticket = await this.access.load(agent, id);
    if (ticket.state === 'offline')
      throw new AppError(
        'CONFLICT',
        'tickets: answer an offline ticket through its contact, then resolve it',
      );
    const { ticket: claimed, changed } = await this.access.move(
      ticket,
      { to: 'assigned', from: ['queued'], agentId: agent.id },
      'someone else already accepted this ticket',
    );
    if (changed) {
      this.deps.logger.info({ ticketId: id, agentId: agent.id }, 'handoff: accepted');
      await this.notifier.agentJoined(claimed, agent.displayName);
      await this.events.ticketChanged(claimed);
      this.queue.refreshSoon(claimed.queue);
    }
    return this.events.view(claimed);
  }

  async send(agent: Agent, id: string, text: string): Promise<TranscriptItem> {
    const ticket = this.access.assignedTo(agent, await this.access.load(agent, id));
    const activity = relayedMessage(
      ticket,
      { role: 'agent', agentId: agent.id, name: agent.displayName },
      text,
    );
    try {
      await this.deps.relay.send(ticket, [activity]);
    } catch (err) {
      this.deps.logger.warn(
        { err: (err as Error).message, ticketId: id },
        'handoff: relay to the customer failed',
      );
      throw new AppError(
        'BAD_GATEWAY',
        'relay: the message could not be delivered to the customer; try again',
      );
    }
    await this.events.line(ticket, activity, 'out');
    return toTranscriptItem(activity, 'out', this.deps.clock.now(), 'agent') as TranscriptItem;
  }

  /** Shows "typing…" to the customer; at most every 2 s per ticket, channels throttle anyway. */
  async typing(agent: Agent, id: string): Promise<void> {
    const ticket = this.access.assignedTo(agent, await this.access.load(agent, id));
    const now = Date.now();
    if (now - (this.lastTyping.get(id) ?? 0) < 2000) return;
    this.lastTyping.set(id, now);
    await this.deps.relay.send(ticket, [{ type: 'typing' }]).catch((err: unknown) => {
      this.deps.logger.debug({ err: (err as Error).message, ticketId: id }, 'handoff: typing not delivered');
    });
  }

  async note(agent: Agent, id: string, text: string): Promise<NoteView> {
    const ticket = await this.access.load(agent, id);
    return noteView(
      await this.deps.tickets.addNote({
        ticketId: ticket.id,
        agentId: agent.id,
        text,
        at: this.deps.clock.now(),
      }),
    );
  }

  transfer(agent: Agent, id: string, target: TransferTarget): Promise<TicketView> {
    return this.handover.transfer(agent, id, target);
  }

  resolve(agent: Agent, id: string, note?: string): Promise<TicketView> {
    return this.handover.resolve(agent, id, note);
  }
}

const noteView = (n: { id: string; at: Date; agentId: string; text: string }): NoteView => ({
  id: n.id,
  at: n.at.toISOString(),
  agentId: n.agentId,
  text: n.text,
});
