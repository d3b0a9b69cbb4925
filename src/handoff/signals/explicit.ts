/**
 * Explicit request for a person: a request verb or intent near a person noun, in any word order.
 * Rules combine word classes from lexicon/explicit.json rather than listing sentences, so
 * "pakikonekta ako sa ahente" and "connect me with an agent" are the same rule.
 */
import { coversAll, findSpans, gap, near, pair, type Spans } from './explicit-spans.js';
import type { Lexicons } from './loader.js';
import type { PhraseHit } from './phrases.js';
import { normalise, tokenize } from './text.js';
import type { PreparedText, SignalHit } from './types.js';

/**
 * A short request inside a longer message ("hello?? anyone there? I've been waiting 40 minutes")
 * is found by also reading each short sentence or clause on its own.
 */
export function detectExplicit(lex: Lexicons['explicit'], text: PreparedText): SignalHit | undefined {
  const { short } = lex.windows;
  const whole = detectIn(lex, text.tokens);
  if (whole) return whole;
  const clauses = text.raw.split(CLAUSE_END).map((c) => tokenize(normalise(c)));
  if (clauses.length < 2) return undefined;
  for (const clause of clauses) {
    const hit = clause.length <= short ? detectIn(lex, clause) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

const CLAUSE_END = /[.!?;,\n\u061F\u06D4\u060C]+/u;

function detectIn(lex: Lexicons['explicit'], tokens: string[]): SignalHit | undefined {
  if (tokens.length === 0) return undefined;
  const s = findSpans(lex, tokens);
  const words = (...hits: PhraseHit[]) => hits.map((h) => tokens.slice(h.start, h.end).join(' ')).join(' … ');
  const hit = (rule: string, ...hits: PhraseHit[]): SignalHit => ({
    code: 'explicit_request',
    score: 1,
    detail: `${rule}: ${words(...hits)}`,
  });
  const people = [...s.person, ...s.agent];
  const anyone = [...people, ...s.someone];
  const { reach, want: wantReach, who } = lex.windows;
  const short = tokens.length <= lex.windows.short;

  // "may tao ba", "koi hai": an idiom when alone, a request when it comes with a verb.
  const idiom = s.idiom[0] ?? (short || s.contact.length || s.help.length ? s.shortIdiom[0] : undefined);
  if (idiom) return hit('idiom', idiom);

  // "I don't want a bot" is a request for a person; "I don't need an agent, just…" is not.
  const bot = rejectsBot(s);
  if (bot && (s.contact.length || s.want.length || s.me.length || people.length))
    return hit('rejects bot', ...bot);
  if (s.decline.length) return undefined;

  const contact = pair(s.contact, anyone, reach) ?? pair(s.who, s.talk, who);
  if (contact) return hit('contact', ...contact);

  // Imperatives addressed to the bot ("milao", "بھیجیں") need only a person; "transfer" may be
  // the customer's own action ("transfer money to another person"), so it needs "me" or a support role.
  const handover = pair(s.handover, anyone, reach);
  if (handover) return hit('handover', ...handover);
  for (const route of s.route) {
    const agent = s.agent.find((a) => near(route, a, reach));
    if (agent) return hit('route', route, agent);
    const person = s.me.some((m) => near(route, m, 2)) && anyone.find((p) => near(route, p, reach));
    if (person) return hit('route', route, person);
  }

  for (const want of s.want) {
    const person = people.find((p) => near(want, p, wantReach));
    if (!person) continue;
    const qualified = s.qualifier.some((q) => near(q, person, 1));
    // First person near the verb tells "I need an agent" from "does the parcel need a person to sign".
    if (short || qualified || s.me.some((m) => near(m, want, 3))) return hit('want', want, person);
  }

  // "someone who can actually help", "taong makakatulong sakin": a person defined by helping.
  const helper = anyone.find((p) => s.help.some((h) => near(p, h, 4)));
  const asks = [...s.want, ...s.route, ...s.handover].find((v) => helper && near(v, helper, reach));
  if (helper && asks) return hit('helper', asks, helper);

  // "I'd like a real person for this": a request with any request word; alone it may describe
  // someone ("my son is a real person"), and bare "real human please" is the bare rule below.
  const qualified = pair(s.qualifier, people, 0);
  const asking = [s.want, s.contact, s.route, s.handover, s.help].some((c) => c.length > 0);
  if (qualified && asking && qualified[0].end <= qualified[1].start)
    return hit('qualified person', ...qualified);

  if (short && people.length) {
    const present = pair(people, s.presence, 3);
    if (present) return hit('presence', ...present);
    if (coversAll(tokens.length, s)) return hit('bare', people[0]!);
  }
  return undefined;
}

/**
 * "not a bot", "ayoko sa bot": the refusal comes first. "bot se baat nahi karni": it follows, next to
 * the verb it negates; a negation after "bot" without a request verb is a complaint about the bot.
 * Words like "computer" or "machine" are products too, so they count only as what one talks to.
 */
function rejectsBot(s: Spans): readonly [PhraseHit, PhraseHit] | undefined {
  const verbs = [...s.contact, ...s.want];
  const bots = [...s.bot, ...s.botLike.filter((b) => s.contact.some((c) => near(c, b, 2)))];
  for (const b of bots) {
    for (const n of [...s.negation, ...s.refusal]) {
      if (n.end <= b.start && gap(n, b) <= 2) return [n, b];
      if (verbs.some((v) => near(v, n, 2) && near(v, b, 4))) return [n, b];
    }
  }
  return undefined;
}
