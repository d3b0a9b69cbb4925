import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t as say } from '../../src/dialogs/index.js';
import { handoffText, type TicketView } from '../../src/handoff/index.js';
import { label as handoffLabel } from '../../src/handoff/card-labels.js';
import { AgentClient } from '../helpers/agent-client.js';
import { addAgent } from '../helpers/handoff-app.js';
import {
  BOT_APP_PASSWORD,
  CONNECTOR_TOKEN,
  TEAMS_BOT,
  TEAMS_SERVICE_URL,
  adaptiveCards,
  fromMember,
  inOwnConversation,
  nextInConversation,
  startTeamsProduct,
  teamsMember,
  visibleText,
  type CardActionJson,
  type SentToTeams,
  type TeamsProduct,
} from '../helpers/teams-product.js';

// The real Tulay (knowledge base, signals, handoff, agent API, Teams-aware SupportBot) with
// Bot Framework credentials: recorded Teams payloads go in signed, replies go out to the Teams
// service URL with the bot's connector token. Only Microsoft's services are nocked.
const MARIA = teamsMember('maria-santos');
const AHMED = teamsMember('ahmed-raza');
const BEARER = `Bearer ${CONNECTOR_TOKEN}`;

let app: TeamsProduct;
beforeAll(async () => {
  app = await startTeamsProduct([MARIA, AHMED], {
    // Misconfigured on purpose: even a channel list naming Teams must not send handoff.initiate there.
    HANDOFF_PROTOCOL_CHANNELS: 'msteams',
  });
});
afterAll(async () => {
  // Whatever the tests did, Teams never received a handoff event (it would answer 400).
  if (app) {
    expect(app.teams.sent.filter((s) => s.activity.type === 'event')).toEqual([]);
    await app.stop();
  }
});

const knowledge = () => app.running.app.knowledge!;
const storage = () => app.running.app.storage;

/** The button titled `title` on the cards of a message Tulay sent to Teams. */
function cardButton(sent: SentToTeams, title: string): CardActionJson {
  const action = adaptiveCards(sent.activity)
    .flatMap((c) => c.actions ?? [])
    .find((a) => a.title === title);
  if (!action) throw new Error(`no "${title}" button in ${JSON.stringify(sent.activity.attachments)}`);
  return action;
}

/** A button anywhere in the sent cards (card actions or an ActionSet in the body). */
function findAction(sent: SentToTeams, title: string): CardActionJson | undefined {
  const walk = (node: unknown): CardActionJson | undefined => {
    if (Array.isArray(node)) return node.map(walk).find(Boolean);
    if (!node || typeof node !== 'object') return undefined;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && o.title === title)
      return o as unknown as CardActionJson;
    return walk(Object.values(o));
  };
  return walk(adaptiveCards(sent.activity));
}

/** An `adaptiveCard/action` invoke (recorded payload) pressing `action` in `conversation`. */
function executeInvoke(
  conversation: Activity['conversation'],
  action: CardActionJson,
  from = MARIA,
): Activity {
  return nextInConversation('card-execute-invoke', conversation, {
    from: fromMember(from),
    value: {
      action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: action.data },
      trigger: 'manual',
    },
  });
}

describe('Teams: Bot Framework authentication', () => {
  it('refuses activities without a valid Bot Connector token, and sends nothing to Teams', async () => {
    const unsigned = inOwnConversation('personal-message');
    expect((await app.send(unsigned, { token: null })).status).toBe(401);
    const wrongService = inOwnConversation('personal-message');
    const forged = await app.auth.sign('https://smba.trafficmanager.net/emea/');
    expect((await app.send(wrongService, { token: forged })).status).toBe(401);
    const otherBot = inOwnConversation('personal-message');
    const notForUs = await app.auth.sign(TEAMS_SERVICE_URL, {
      audience: '11111111-2222-3333-4444-555555555555',
    });
    expect((await app.send(otherBot, { token: notForUs })).status).toBe(401);
    for (const a of [unsigned, wrongService, otherBot]) {
      expect(app.teams.to(a.conversation.id)).toEqual([]);
      expect(await storage().transcripts.list(a.conversation.id)).toEqual([]);
    }
  });
});

describe('Teams: personal chat', () => {
  it('answers an employee with the internal article on a card with Universal Actions', async () => {
    const question = 'My VPN is not connecting when I work from home';
    const activity = inOwnConversation('personal-message', { text: question });
    const res = await app.send(activity);
    expect(res.status).toBe(200);

    const sent = app.teams.to(activity.conversation.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ replyToId: activity.id, status: 201, authorization: BEARER });
    // The bot got its connector token from Entra with its own credentials.
    expect(app.auth.tokenRequests[0]).toEqual({
      clientId: TEAMS_BOT.appId,
      clientSecret: BOT_APP_PASSWORD,
      scope: 'https://api.botframework.com/.default',
      grantType: 'client_credentials',
    });

    const article = knowledge().getArticle('it-vpn-troubleshoot', 'en', 'internal')?.article;
    expect(article?.audience).toBe('internal');
    const [card] = adaptiveCards(sent[0]!.activity);
    expect(card?.body?.[0]?.text).toBe(article?.title);
    expect(card?.body?.[1]?.text).toBe(article?.answer);
    expect(sent[0]!.activity.summary).toBe(article?.title);

    // Teams gets Universal Actions (Action.Execute with an Action.Submit fallback for old clients).
    const data = { action: 'feedback', articleId: 'it-vpn-troubleshoot', query: question };
    expect(card?.actions).toEqual([
      {
        type: 'Action.Execute',
        title: '👍',
        verb: 'feedback',
        data: { ...data, helpful: true },
        fallback: { type: 'Action.Submit', title: '👍', data: { ...data, helpful: true } },
      },
      {
        type: 'Action.Execute',
        title: '👎',
        verb: 'feedback',
        data: { ...data, helpful: false },
        fallback: { type: 'Action.Submit', title: '👎', data: { ...data, helpful: false } },
      },
    ]);
  });
});

describe('Teams: channel messages', () => {
  it('answers an @mention, with the mention stripped from the question it answers', async () => {
    const activity = inOwnConversation('channel-message-mention');
    expect(activity.text).toMatch(/^<at>Tulay<\/at> /);
    expect((await app.send(activity)).status).toBe(200);

    const sent = app.teams.to(activity.conversation.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ replyToId: activity.id, status: 201, authorization: BEARER });
    const [card] = adaptiveCards(sent[0]!.activity);
    expect(card?.body?.[0]?.text).toBe(
      knowledge().getArticle('fin-expense-reimbursement', 'en', 'internal')?.article.title,
    );
    // The question the bot worked with (it travels in the feedback buttons) has no mention in it.
    expect(card?.actions?.[0]?.data).toMatchObject({
      articleId: 'fin-expense-reimbursement',
      query: 'where do I submit my expense report?',
    });
    // The transcript keeps what was actually sent.
    const [incoming] = await storage().transcripts.list(activity.conversation.id);
    expect(incoming).toMatchObject({ direction: 'in', activity: { text: activity.text } });
  });

  it('records an unanswered mentioned question without the mention', async () => {
    const text = 'what is the capital of mongolia?';
    const activity = inOwnConversation('channel-message-mention', {
      text: `<at>Tulay</at> ${text}\n`,
      attachments: [{ contentType: 'text/html', content: `<p><at>Tulay</at> ${text}</p>` }],
    });
    expect((await app.send(activity)).status).toBe(200);

    const [reply] = app.teams.to(activity.conversation.id);
    expect(visibleText(reply!.activity)).toContain(say('noAnswer', 'en'));
    const unanswered = (await storage().feedback.list({ kind: 'unanswered' })).filter(
      (f) => f.conversationId === activity.conversation.id,
    );
    expect(unanswered).toMatchObject([{ query: text, channel: 'msteams' }]);
    expect(unanswered[0]?.query).not.toContain('<at>');
  });

  it('stays quiet when a channel message does not mention the bot', async () => {
    const activity = inOwnConversation('channel-message-no-mention');
    const lookups = app.teams.memberLookups.length;
    expect((await app.send(activity)).status).toBe(200);
    expect(app.teams.to(activity.conversation.id)).toEqual([]);
    expect(app.teams.memberLookups).toHaveLength(lookups);
    const entries = await storage().transcripts.list(activity.conversation.id);
    expect(entries.map((e) => e.direction)).toEqual(['in']);
  });
});

describe('Teams: audience', () => {
  it.each([
    ['delivery-fees', 'How much is the delivery fee?'],
    ['return-policy', 'What is your return policy?'],
  ])('does not show the customers-only article %s to an employee', async (articleId, question) => {
    // The article exists and answers this question on the website...
    const external = knowledge().getArticle(articleId, 'en', 'external')?.article;
    expect(external?.audience).toBe('external');
    expect((await knowledge().decide(question, { lang: 'en', audience: 'external' })).article?.id).toBe(
      articleId,
    );
    expect(knowledge().getArticle(articleId, 'en', 'internal')).toBeUndefined();

    // ...but an employee in Teams is offered a person instead.
    const activity = inOwnConversation('personal-message', { text: question });
    expect((await app.send(activity)).status).toBe(200);
    const sent = app.teams.to(activity.conversation.id);
    expect(sent).toHaveLength(1);
    const shown = visibleText(sent[0]!.activity);
    expect(shown).not.toContain(external!.title);
    expect(JSON.stringify(sent[0]!.activity)).not.toContain(articleId);
    expect(shown).toContain(say('noAnswer', 'en'));
    expect(cardButton(sent[0]!, say('talkToPerson', 'en'))).toMatchObject({
      type: 'Action.Execute',
      verb: 'handoff',
      data: { action: 'handoff' },
    });
  });
});

describe('Teams: Adaptive Card actions', () => {
  it('handles Action.Submit (👍 from an older client) and Action.Execute (👎) on the answer card', async () => {
    const question = 'vpn keeps disconnecting every few minutes';
    const asked = inOwnConversation('personal-message', { text: question });
    await app.send(asked);
    const conversation = asked.conversation;
    const [answer] = app.teams.to(conversation.id);

    // Action.Submit: a message whose value is the fallback's data.
    const up = cardButton(answer!, '👍');
    const submit = nextInConversation('card-submit', conversation, { value: up.fallback?.data });
    expect((await app.send(submit)).status).toBe(200);
    expect(app.teams.to(conversation.id).at(-1)).toMatchObject({
      replyToId: submit.id,
      status: 201,
      activity: { text: say('feedbackThanks', 'en') },
    });

    // Action.Execute: an adaptiveCard/action invoke, answered in the HTTP response.
    const down = cardButton(answer!, '👎');
    const res = await app.send(executeInvoke(conversation, down));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.any(String) as unknown,
    });
    const sorry = app.teams.to(conversation.id).at(-1)!;
    expect(sorry.status).toBe(201);
    expect(visibleText(sorry.activity)).toContain(say('feedbackSorry', 'en'));

    const feedback = (await storage().feedback.list({ kind: 'answer' })).filter(
      (f) => f.conversationId === conversation.id,
    );
    expect(feedback.map((f) => ({ ...f, id: undefined, createdAt: undefined }))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          articleId: 'it-vpn-troubleshoot',
          query: question,
          helpful: true,
          channel: 'msteams',
        }),
        expect.objectContaining({
          articleId: 'it-vpn-troubleshoot',
          query: question,
          helpful: false,
          channel: 'msteams',
        }),
      ]),
    );
    expect(feedback).toHaveLength(2);

    // A verb Tulay does not know is refused in the invoke response, and nothing is posted.
    const before = app.teams.to(conversation.id).length;
    const unknown = await app.send(
      executeInvoke(conversation, { type: 'Action.Execute', title: 'x', verb: 'teleport', data: { go: 1 } }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(app.teams.to(conversation.id)).toHaveLength(before);
  });
});

describe('Teams: handoff to a live agent', () => {
  it('queues an employee for an internal team with their directory identity, and relays the agent back to Teams', async () => {
    const creds = await addAgent(storage(), 'lea', ['it', 'hr', 'finance'], { displayName: 'Lea' });
    const lea = await (
      await new AgentClient(app.url).login(creds.username, creds.password)
    ).connect('available');
    try {
      const first = inOwnConversation('personal-message', {
        from: fromMember(AHMED),
        text: 'globalprotect wont accept my password',
      });
      const conversation = first.conversation;
      await app.send(first);
      expect(adaptiveCards(app.teams.to(conversation.id)[0]!.activity)[0]?.actions?.[0]?.data).toMatchObject({
        articleId: 'it-vpn-troubleshoot',
      });

      const ask = nextInConversation('personal-message', conversation, {
        from: fromMember(AHMED),
        text: "I'd like to talk to a person, please.",
      });
      expect((await app.send(ask)).status).toBe(200);
      expect(app.teams.texts(conversation.id)).toContain(handoffText('coming', 'en'));

      const ticket = await storage().tickets.openFor(conversation.id);
      expect(ticket).toMatchObject({ state: 'queued', queue: 'it', channel: 'msteams' });
      // Name and email come from Teams (getMember), called with the bot's token.
      expect(ticket?.summary.customer).toEqual({
        id: AHMED.id,
        name: 'Ahmed Raza',
        email: 'ahmed.raza@kidlat.example',
      });
      expect(app.teams.memberLookups).toContainEqual({
        conversationId: conversation.id,
        userId: AHMED.id,
        authorization: BEARER,
      });
      expect(ticket?.summary.articles[0]?.id).toBe('it-vpn-troubleshoot');
      expect(ticket?.summary.question).toContain('globalprotect wont accept my password');

      // The agent sees the same summary in the console.
      const queued = await lea.waitFor(
        (e) => e.type === 'ticket' && (e.ticket as TicketView).id === ticket?.id,
      );
      expect((queued.ticket as TicketView).summary.customer.email).toBe('ahmed.raza@kidlat.example');

      // handoff.initiate was built (HANDOFF_PROTOCOL_CHANNELS even names msteams) but never left for Teams.
      expect(app.teams.to(conversation.id).map((s) => s.activity.type)).not.toContain('event');
      expect(app.teams.to(conversation.id).every((s) => s.status === 201)).toBe(true);

      await lea.ok('POST', `/agent/api/tickets/${ticket!.id}/accept`);
      const joined = handoffText('agentJoined', 'en', { name: 'Lea' });
      await app.teams.waitFor(() => app.teams.texts(conversation.id).includes(joined), 'the join notice');

      const reply = 'Your account was locked; I unlocked it. Please try GlobalProtect again.';
      await lea.ok('POST', `/agent/api/tickets/${ticket!.id}/messages`, { text: reply });
      await app.teams.waitFor(() => app.teams.texts(conversation.id).includes(reply), "the agent's message");
      const delivered = app.teams.to(conversation.id).find((s) => s.activity.text === reply)!;
      expect(delivered).toMatchObject({
        conversationId: conversation.id,
        status: 201,
        authorization: BEARER,
        activity: {
          type: 'message',
          textFormat: 'plain',
          conversation: { id: conversation.id },
          recipient: { id: AHMED.id },
          serviceUrl: TEAMS_SERVICE_URL,
        },
      });
      // Sent outside any turn of Ahmed's (not a reply to what he last wrote).
      expect(delivered.replyToId).not.toBe(ask.id);
      // The handoff marker stays in the transcript; Teams gets a plain message.
      expect(JSON.stringify(delivered.activity.entities ?? [])).not.toContain('handoff');

      // While the agent is on it, the employee's words go to the agent and the bot stays silent.
      const before = app.teams.to(conversation.id).length;
      const thanks = nextInConversation('personal-message', conversation, {
        from: fromMember(AHMED),
        text: 'It works now, thank you!',
      });
      await app.send(thanks);
      await lea.waitFor(
        (e) => e.type === 'message' && (e.message as { text?: string }).text === 'It works now, thank you!',
      );
      expect(app.teams.to(conversation.id)).toHaveLength(before);

      // Resolved: the bot asks "solved?"; a Universal Action answer gets an invoke response, then CSAT.
      await lea.ok('POST', `/agent/api/tickets/${ticket!.id}/resolve`, { note: 'unlocked the account' });
      const hasButton = (title: string) => (s: SentToTeams) => findAction(s, title) !== undefined;
      const yesTitle = handoffLabel('yes', 'en');
      await app.teams.waitFor(
        () => app.teams.to(conversation.id).some(hasButton(yesTitle)),
        'the "solved?" card',
      );
      const yes = findAction(app.teams.to(conversation.id).find(hasButton(yesTitle))!, yesTitle)!;
      const solved = await app.send(
        executeInvoke(conversation, { ...yes, type: 'Action.Execute', verb: 'solved' }, AHMED),
      );
      expect(solved.status).toBe(200);
      expect(solved.body).toMatchObject({ statusCode: 200 });
      await app.teams.waitFor(() => app.teams.to(conversation.id).some(hasButton('★★★★')), 'the CSAT card');
      const four = findAction(app.teams.to(conversation.id).find(hasButton('★★★★'))!, '★★★★')!;
      expect(four.type).toBe('Action.Execute');
      const rated = await app.send(executeInvoke(conversation, four, AHMED));
      expect(rated.status).toBe(200);
      expect((await storage().tickets.get(ticket!.id))?.csat).toMatchObject({ rating: 4 });

      // Back with the bot, a second request: its turn number counts every turn Ahmed took,
      // the ones the agent handled included, so it points at the right line of the transcript.
      const again = nextInConversation('personal-message', conversation, {
        from: fromMember(AHMED),
        text: 'Can I talk to a person again please',
      });
      await app.send(again);
      const second = await storage().tickets.openFor(conversation.id);
      expect(second?.id).not.toBe(ticket!.id);
      const customerTurns = (await storage().transcripts.list(conversation.id)).filter(
        (e) =>
          e.direction === 'in' &&
          (e.activity.type === 'message' || e.activity.name === 'adaptiveCard/action'),
      );
      expect(customerTurns.at(-1)?.activity.text).toBe('Can I talk to a person again please');
      const latest = second?.summary.reasons.filter((r) => r.turn === customerTurns.length);
      expect(latest?.map((r) => r.code)).toContain('explicit_request');
      expect(Math.max(...(second?.summary.reasons.map((r) => r.turn) ?? []))).toBe(customerTurns.length);

      expect(app.teams.sent.filter((s) => s.activity.type === 'event')).toEqual([]);
    } finally {
      await lea.disconnect();
    }
  });
});

// Last: it leaves a queued ticket behind.
describe('Teams: directory outage', () => {
  it('asks Teams once for an employee it cannot find, and still hands off with the activity identity', async () => {
    // Not in the directory mock: every getMember for this user gets Teams' 404.
    const newHire = {
      ...MARIA,
      id: '29:1new-hire-not-in-roster',
      aadObjectId: 'c0ffee00-0000-4000-8000-000000000001',
      name: 'New Hire',
    };
    const creds = await addAgent(storage(), 'nia', ['it', 'hr', 'finance'], { displayName: 'Nia' });
    const nia = await (
      await new AgentClient(app.url).login(creds.username, creds.password)
    ).connect('available');
    const first = inOwnConversation('personal-message', {
      from: fromMember(newHire),
      text: "I'd like to talk to a person, please.",
    });
    try {
      expect((await app.send(first)).status).toBe(200);
    } finally {
      await nia.disconnect();
    }
    const [ticket] = await storage().tickets.list({ conversationId: first.conversation.id, limit: 5 });
    expect(ticket?.summary.customer).toEqual({ id: newHire.id, name: 'New Hire' });
    // The channel's resolver caches the failure; the handoff summary uses it instead of asking again.
    expect(app.teams.memberLookups.filter((l) => l.userId === newHire.id)).toHaveLength(1);
  });
});
