import { afterEach, describe, expect, it } from 'vitest';
import { TURN_ERROR_TEXT } from '../../src/bot/index.js';
import { THANKS_CARD, startTeamsTestBot, type TeamsTestRig } from '../fixtures/teams/test-bot.js';
import { postActivity, teamsFixture } from '../helpers/teams.js';

// Card actions, proactive sends and handoff events through the real server and CloudAdapter.
let rig: TeamsTestRig;
afterEach(() => rig.close());

describe('Teams Adaptive Card actions', () => {
  it('handles Action.Submit as a message with the verb and data', async () => {
    rig = await startTeamsTestBot();
    await postActivity(rig.server.url, teamsFixture('card-submit'));
    expect(rig.teams.texts()).toEqual([
      'submit:feedback:{"articleId":"it-vpn-reset","helpful":true,"comment":"Worked first time"}',
    ]);
  });

  it('answers Action.Execute with an adaptiveCard/action invoke response carrying the new card', async () => {
    rig = await startTeamsTestBot();
    const res = await postActivity(rig.server.url, teamsFixture('card-execute-invoke'));
    expect(res).toEqual({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: THANKS_CARD },
    });
    expect(rig.teams.sent).toEqual([]);
  });

  it('answers Action.Execute with a message response', async () => {
    rig = await startTeamsTestBot();
    const activity = teamsFixture('card-execute-invoke');
    (activity.value as { action: { data: Record<string, unknown> } }).action.data.helpful = false;
    const res = await postActivity(rig.server.url, activity);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Sorry it did not help.',
    });
  });

  it('answers an unknown verb with an error body and its status', async () => {
    rig = await startTeamsTestBot();
    const activity = teamsFixture('card-execute-invoke');
    (activity.value as { action: { verb: string } }).action.verb = 'launchRocket';
    const res = await postActivity(rig.server.url, activity);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });
});

describe('Teams proactive messages and handoff events', () => {
  it('delivers a proactive message to the Teams service URL', async () => {
    rig = await startTeamsTestBot();
    const question = teamsFixture('personal-message');
    await postActivity(rig.server.url, question);
    const reference = rig.bot.references[0]!;
    await rig.server.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('Your ticket was resolved.');
    });
    const proactive = rig.teams.sent[1]!;
    expect(proactive).toMatchObject({ conversationId: question.conversation.id, status: 201 });
    // botbuilder gives the continuation a fresh id; Teams posts it as a new message, not a reply.
    expect(proactive.replyToId).not.toBe(question.id);
    expect(proactive.activity.text).toBe('Your ticket was resolved.');
  });

  it('never sends handoff.initiate to Teams, and still sends the rest of the turn', async () => {
    rig = await startTeamsTestBot();
    await postActivity(rig.server.url, teamsFixture('personal-message', { text: 'agent' }));
    expect(rig.teams.sent.map((s) => s.activity.type)).toEqual(['message']);
    expect(rig.teams.texts()).toEqual(['Connecting you to a person.']);
  });

  it('without the middleware the event reaches Teams, is rejected and fails the turn', async () => {
    rig = await startTeamsTestBot({}, []);
    await postActivity(rig.server.url, teamsFixture('personal-message', { text: 'agent' }));
    expect(rig.teams.sent[0]).toMatchObject({
      status: 400,
      activity: { type: 'event', name: 'handoff.initiate' },
    });
    expect(rig.teams.texts()).toEqual([TURN_ERROR_TEXT]);
  });
});
