/**
 * The detector: lexicons compiled once plus the policy options, and the per-turn pass that runs
 * every signal on a customer message.
 */
import { resolvePolicyOptions, type PolicyOptions, type PolicyOptionsInput } from '../policy/options.js';
import { detectExplicit } from './explicit.js';
import { detectFrustration } from './frustration.js';
import { BUNDLED_LEXICONS, compileLexicons, type LexiconData, type Lexicons } from './loader.js';
import { detectAcceptance } from './offer.js';
import { createProfanityCheck, type ProfanityCheck } from './profanity.js';
import { detectResolution } from './resolution.js';
import { normalise, tokenize } from './text.js';
import type { PreparedText, SignalHit } from './types.js';
import { detectNotHelpful, detectRephrase, type RecentTurn } from './unresolved.js';

export interface SignalDetector {
  readonly options: PolicyOptions;
  readonly lexicons: Lexicons;
  readonly profanity: ProfanityCheck;
}

export interface DetectorOptions extends PolicyOptionsInput {
  /** Replacement lexicon data (tests, or a deployment that curates its own lists). */
  lexicons?: LexiconData;
}

/** Loads and validates lexicons and options once; throws naming the bad file or option. */
export function createSignalDetector(options: DetectorOptions = {}): SignalDetector {
  const { lexicons = BUNDLED_LEXICONS, ...policy } = options;
  const compiled = compileLexicons(lexicons);
  return {
    options: resolvePolicyOptions(policy),
    lexicons: compiled,
    profanity: createProfanityCheck(compiled.profanity),
  };
}

export function prepare(raw: string): PreparedText {
  const normalised = normalise(raw);
  return { raw, normalised, tokens: tokenize(normalised) };
}

/** Codes that say the customer is not satisfied, which make a thank-you sarcastic or partial. */
const COMPLAINTS = new Set([
  'explicit_request',
  'accepted_offer',
  'abuse',
  'frustration',
  'waiting',
  'not_helpful',
  'rephrase',
]);

/**
 * A person was just offered and the customer, instead of answering, complains again: that is a
 * yes. An explicit "no" keeps the bot trying.
 */
function complaintAfterOffer(lex: Lexicons, text: PreparedText, hits: SignalHit[]): SignalHit | undefined {
  const complaint = hits.find((h) => COMPLAINTS.has(h.code));
  if (!complaint || lex.offer.decline.find(text.tokens).some((h) => h.start === 0)) return undefined;
  return {
    code: 'accepted_offer',
    score: 1,
    detail: `complained (${complaint.code}) instead of answering the offer`,
  };
}

/** Every customer-side signal on one message; all lexicons run whatever the language. */
export interface TurnContext {
  /** The customer's recent messages, for rephrase detection. */
  recent?: readonly RecentTurn[];
  /** The bot's last reply offered a person, so "yes" means "connect me". */
  offerPending?: boolean;
  /** The bot has replied before; "that didn't help" needs something it refers to. Default true. */
  afterBot?: boolean;
}

export function detectUserSignals(
  detector: SignalDetector,
  text: PreparedText,
  context: TurnContext = {},
): SignalHit[] {
  const lex = detector.lexicons;
  const hits: SignalHit[] = [];
  const add = (hit: SignalHit | undefined) => {
    if (hit) hits.push(hit);
  };
  add(detectExplicit(lex.explicit, text));
  if (context.offerPending && !hits.length) add(detectAcceptance(lex.offer, text));
  add(detector.profanity(text));
  hits.push(...detectFrustration(lex, text));
  if (context.afterBot ?? true) add(detectNotHelpful(lex.notHelpful, text));
  add(detectRephrase(lex.rephrase, text, context.recent ?? []));
  if (context.offerPending && !hits.some((h) => h.code === 'accepted_offer'))
    add(complaintAfterOffer(lex, text, hits));
  if (!hits.some((h) => COMPLAINTS.has(h.code))) add(detectResolution(lex, text));
  return hits;
}
