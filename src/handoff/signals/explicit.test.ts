import { describe, expect, it } from 'vitest';
import { detectExplicit } from './explicit.js';
import { prepare } from './detector.js';
import { detector } from './test-helpers.js';

const explicit = (text: string) => detectExplicit(detector.lexicons.explicit, prepare(text));

describe('explicit request for a person', () => {
  it.each([
    'Can I please talk to a human?',
    'agent pls',
    'Get me a representative, this bot is going nowhere',
    'transfer me to someone from support',
    'I would rather chat with an actual person',
    'is there a live agent around?',
    'I DO NOT WANT TO TALK TO A BOT',
    'Operator!!',
    'speek to a reprsentative',
    'who can I talk to about this?',
  ])('English: %s', (text) => expect(explicit(text)?.code).toBe('explicit_request'));

  it.each([
    'pwede ko po bang makausap ang isang ahente?',
    'tao na lang po please',
    'ikonekta mo ako sa customer service',
    'gusto ko ng totoong tao, hindi robot',
    'ayoko na sa bot na to',
    'pakausap naman sa supervisor nyo',
    'May tao ba diyan?',
  ])('Filipino / Taglish: %s', (text) => expect(explicit(text)?.code).toBe('explicit_request'));

  it.each([
    'کسی نمائندے سے بات کروا دیں',
    'مجھے انسان سے بات کرنی ہے، بوٹ سے نہیں',
    'ایجنٹ سے ملا دیں',
    'customer care se baat karni hai',
    'mujhe asli banda chahiye',
    'kisi insaan ko bhejo yaar',
    'numainde se rabta karwao plz',
  ])('Urdu, both scripts: %s', (text) => expect(explicit(text)?.code).toBe('explicit_request'));

  it.each([
    'What is the agent code for the referral promo?',
    'Does human resources handle payslips?',
    'Is there a fee for person-to-person transfers?',
    'The delivery agent left my parcel with the guard',
    'How many people can share one account?',
    'Can I pick it up in person?',
    'My manager has to approve the expense first',
    'How do I send money to another person?',
    'The bot did not understand me earlier, so I will rephrase',
    'I do not need an agent, just tell me the delivery fee',
    'ilang tao ang pwede sa isang order?',
    'Saan ko makikita ang agent ID ko?',
    'ایجنٹ کوڈ کہاں لکھوں؟',
    'fi shakhs kitni delivery fee hai?',
    'mera order kisi aur ke address pe chala gaya',
    'Who do I contact for warranty claims?',
    'My son is a real person and needs his own account',
    'may tanong ako sa return policy',
  ])('routine mention, no request: %s', (text) => expect(explicit(text)).toBeUndefined());

  it('says which rule fired and on which words', () => {
    expect(explicit('could you connect me with an agent')?.detail).toMatch(/^route: connect … agent/);
  });

  it('finds a short request inside a longer message', () => {
    expect(
      explicit('Hello?? Anybody there? My order is three days late and nobody answers email'),
    ).toBeDefined();
  });
});
