import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from '../helpers/agent-client.js';
import { FakeConnector } from '../helpers/connector.js';
import { Customer } from '../helpers/customer.js';
import { addAgent, FAST, startHandoffApp } from '../helpers/handoff-app.js';
import { BACKENDS } from './handoff-backends.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// A grace period longer than the restart, as in production: the agent's console reconnects in time.
const OPTIONS = { ...FAST, requeueGraceSeconds: 30 };

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`handoff across a restart (${backend.name})`, () => {
    it('loses nothing queued or assigned when the server restarts', async () => {
      const { storage, reopen } = await backend.open();
      const connector = new FakeConnector();
      await connector.start();
      cleanups.push(() => connector.stop());
      const first = await startHandoffApp(storage, OPTIONS);
      const creds = await addAgent(storage, 'maria', ['billing'], { displayName: 'Maria' });
      const maria = await (await new AgentClient(first.url).login(creds.username, creds.password)).connect();
      const waiting = new Customer(first.url, connector.url);
      const talking = new Customer(first.url, connector.url);
      await waiting.say('agent');
      await talking.say('agent');
      const assignedId = (await storage.tickets.openFor(talking.conversationId))?.id ?? '';
      await maria.ok('POST', `/agent/api/tickets/${assignedId}/accept`);
      await maria.disconnect();
      await first.stop();

      const second = await startHandoffApp(await reopen(), OPTIONS);
      cleanups.push(() => second.stop());
      // Same cookie: sessions live in the database, not in the process.
      const again = Object.assign(new AgentClient(second.url), {
        cookie: maria.cookie,
        csrf: maria.csrf,
        agent: maria.agent,
      });
      await again.connect();
      const { tickets } = await again.ok('GET', '/agent/api/tickets');
      const byConversation = new Map(tickets.map((t: { conversationId: string }) => [t.conversationId, t]));
      expect(byConversation.get(waiting.conversationId)).toMatchObject({ state: 'queued', position: 1 });
      expect(byConversation.get(talking.conversationId)).toMatchObject({
        state: 'assigned',
        assignedAgentId: maria.agent?.id,
      });

      // The stored conversation reference still reaches the customer, from the new process.
      const asNew = new Customer(second.url, connector.url, { conversationId: talking.conversationId });
      await asNew.say('are you still there?');
      await again.waitFor(
        (e) => e.type === 'message' && (e.message as { text?: string }).text === 'are you still there?',
      );
      await again.ok('POST', `/agent/api/tickets/${assignedId}/messages`, { text: 'Yes, still here.' });
      await connector.waitFor(() => connector.texts(talking.conversationId).includes('Yes, still here.'));
      const detail = await again.ok('GET', `/agent/api/tickets/${assignedId}`);
      expect(detail.transcript.map((i: { text?: string }) => i.text)).toEqual(
        expect.arrayContaining([
          'agent',
          'Maria has joined the conversation.',
          'are you still there?',
          'Yes, still here.',
        ]),
      );
      const stillWaiting = new Customer(second.url, connector.url, {
        conversationId: waiting.conversationId,
      });
      await stillWaiting.say('hello?');
      expect(connector.texts(waiting.conversationId)).not.toContain('bot: hello?');
    });
  });
}
