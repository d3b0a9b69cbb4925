import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { teamsFixture } from '../../../test/helpers/teams.js';
import { invokeError, invokeResponse, readCardAction, type AdaptiveCardJson } from './card-actions.js';

const contextOf = (activity: Partial<Activity>) => new TurnContext(new TestAdapter(), activity);

describe('readCardAction', () => {
  it('reads Action.Submit from a message value, without verb and msteams in the data', () => {
    const activity = teamsFixture('card-submit');
    activity.value = { ...(activity.value as object), msteams: { type: 'messageBack', displayText: 'Yes' } };
    expect(readCardAction(contextOf(activity))).toEqual({
      verb: 'feedback',
      data: { articleId: 'it-vpn-reset', helpful: true, comment: 'Worked first time' },
      kind: 'submit',
    });
  });

  it('reads Action.Execute from an adaptiveCard/action invoke', () => {
    expect(readCardAction(contextOf(teamsFixture('card-execute-invoke')))).toEqual({
      verb: 'feedback',
      data: { articleId: 'it-vpn-reset', helpful: true },
      kind: 'execute',
    });
  });

  it('returns undefined for typed messages, other invokes and values without a verb', () => {
    expect(readCardAction(contextOf(teamsFixture('personal-message')))).toBeUndefined();
    expect(
      readCardAction(contextOf(teamsFixture('card-execute-invoke', { name: 'task/fetch' }))),
    ).toBeUndefined();
    expect(
      readCardAction(contextOf(teamsFixture('card-submit', { value: { helpful: true } }))),
    ).toBeUndefined();
    expect(
      readCardAction(contextOf(teamsFixture('card-execute-invoke', { value: { action: {} } }))),
    ).toBeUndefined();
  });

  it('gives empty data when Action.Execute has none', () => {
    const activity = teamsFixture('card-execute-invoke', {
      value: { action: { type: 'Action.Execute', verb: 'help' } },
    });
    expect(readCardAction(contextOf(activity))).toEqual({ verb: 'help', data: {}, kind: 'execute' });
  });
});

describe('invokeResponse', () => {
  const card: AdaptiveCardJson = { type: 'AdaptiveCard', version: '1.4', body: [] };

  it('wraps a card as an adaptive card response', () => {
    expect(invokeResponse(card)).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: card,
    });
  });

  it('wraps text as a message response', () => {
    expect(invokeResponse('Thanks!')).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Thanks!',
    });
  });

  it('refuses an object that is not an Adaptive Card', () => {
    const hero = { type: 'HeroCard' } as unknown as AdaptiveCardJson;
    expect(() => invokeResponse(hero)).toThrow(
      'teams/invokeResponse: expected an AdaptiveCard, got type "HeroCard"',
    );
  });

  it('builds error bodies', () => {
    expect(invokeError(400, 'BadRequest', 'unknown verb')).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: 'unknown verb' },
    });
  });
});
