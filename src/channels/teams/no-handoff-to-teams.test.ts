import { EventFactory, TestAdapter, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { teamsFixture } from '../../../test/helpers/teams.js';
import { NoHandoffEventToTeams } from './no-handoff-to-teams.js';

async function send(incoming: Activity, outgoing: (context: TurnContext) => Partial<Activity>[]) {
  const adapter = new TestAdapter();
  const context = new TurnContext(adapter, incoming);
  let responses: ResourceResponse[] = [];
  await new NoHandoffEventToTeams().onTurn(context, async () => {
    responses = await context.sendActivities(outgoing(context));
  });
  return { sent: adapter.activeQueue, responses };
}

const handoff = (context: TurnContext) => EventFactory.createHandoffInitiation(context, { queue: 'it' });

describe('NoHandoffEventToTeams', () => {
  it('drops handoff.initiate on Teams and sends the rest, keeping one response per activity', async () => {
    const { sent, responses } = await send(teamsFixture('personal-message'), (c) => [
      { type: 'message', text: 'One moment' },
      handoff(c),
      { type: 'message', text: 'Connecting you' },
    ]);
    expect(sent.map((a) => a.text)).toEqual(['One moment', 'Connecting you']);
    expect(responses).toHaveLength(3);
    expect(responses[1]).toEqual({ id: '' });
    expect(responses[0]?.id).not.toBe('');
  });

  it('sends nothing when the handoff event is all there is', async () => {
    const { sent, responses } = await send(teamsFixture('personal-message'), (c) => [handoff(c)]);
    expect(sent).toEqual([]);
    expect(responses).toEqual([{ id: '' }]);
  });

  it('leaves other channels and other events alone', async () => {
    const webchat = { ...teamsFixture('personal-message'), channelId: 'webchat' };
    const onWeb = await send(webchat, (c) => [handoff(c)]);
    expect(onWeb.sent.map((a) => a.name)).toEqual(['handoff.initiate']);
    const typing = await send(teamsFixture('personal-message'), () => [{ type: 'typing' }]);
    expect(typing.sent.map((a) => a.type)).toEqual(['typing']);
  });
});
