import { afterEach, describe, expect, it } from 'vitest';
import { startTeamsTestBot, type TeamsTestRig } from '../fixtures/teams/test-bot.js';
import { TEAMS_BOT, postActivity, teamsFixture } from '../helpers/teams.js';

// Recorded Teams messages through the real server and CloudAdapter, replies caught by nock.
let rig: TeamsTestRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('Teams messages', () => {
  it('answers a personal question in a reply, with identity from getMember and audience internal', async () => {
    rig = await startTeamsTestBot();
    const activity = teamsFixture('personal-message');
    const res = await postActivity(rig.server.url, activity);
    expect(res.status).toBe(200);
    expect(rig.teams.sent).toHaveLength(1);
    expect(rig.teams.sent[0]).toMatchObject({
      conversationId: activity.conversation.id,
      replyToId: activity.id,
      status: 201,
    });
    expect(rig.teams.texts()).toEqual([
      'echo:How do I reset my VPN password?|Maria Santos|maria.santos@kidlat.example|internal',
    ]);
    expect(rig.teams.memberLookups).toEqual([
      { conversationId: activity.conversation.id, userId: activity.from.id },
    ]);
  });

  it('answers a channel message that @mentions the bot, without the mention', async () => {
    rig = await startTeamsTestBot();
    const activity = teamsFixture('channel-message-mention');
    await postActivity(rig.server.url, activity);
    expect(rig.teams.texts()).toEqual([
      'echo:where do I submit my expense report?|Maria Santos|maria.santos@kidlat.example|internal',
    ]);
    expect(rig.teams.sent[0]?.conversationId).toBe(activity.conversation.id);
    // In a team, TeamsInfo.getMember asks the team roster, not the channel thread.
    const team = (activity.channelData as { team: { id: string } }).team.id;
    expect(rig.teams.memberLookups[0]?.conversationId).toBe(team);
  });

  it('answers a group chat mention and strips the &nbsp; Teams puts after it', async () => {
    rig = await startTeamsTestBot();
    await postActivity(rig.server.url, teamsFixture('groupchat-message-mention'));
    expect(rig.teams.texts()).toEqual([
      'echo:how many vacation days do I have left?|Ahmed Raza|ahmed.raza@kidlat.example|internal',
    ]);
  });

  it('ignores a channel message that does not mention the bot', async () => {
    rig = await startTeamsTestBot();
    const res = await postActivity(rig.server.url, teamsFixture('channel-message-no-mention'));
    expect(res.status).toBe(200);
    expect(rig.teams.sent).toEqual([]);
    expect(rig.teams.memberLookups).toEqual([]);
  });

  it('greets the employee who installs the app, and stays quiet when added to a team', async () => {
    rig = await startTeamsTestBot();
    await postActivity(rig.server.url, teamsFixture('install-personal'));
    await postActivity(rig.server.url, teamsFixture('install-team'));
    expect(rig.teams.texts()).toEqual(['welcome']);
  });

  it('uses fixtures that address the same bot as the helper', () => {
    expect(teamsFixture('personal-message').recipient.id).toBe(TEAMS_BOT.id);
  });
});

describe('Teams identity', () => {
  it('looks an employee up once across turns', async () => {
    rig = await startTeamsTestBot();
    await postActivity(rig.server.url, teamsFixture('personal-message'));
    await postActivity(
      rig.server.url,
      teamsFixture('personal-message', { id: '1763630049999', text: 'And HR?' }),
    );
    expect(rig.teams.texts()).toHaveLength(2);
    expect(rig.teams.memberLookups).toHaveLength(1);
  });

  it('uses activity.from when getMember fails', async () => {
    // 403, not 5xx: the connector retries 5xx for seconds (the resolver's timeout covers that).
    rig = await startTeamsTestBot({ memberFailure: 403 });
    await postActivity(rig.server.url, teamsFixture('personal-message'));
    expect(rig.teams.texts()).toEqual([
      'echo:How do I reset my VPN password?|Maria Santos|undefined|internal',
    ]);
  });
});
