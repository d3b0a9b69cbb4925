/**
 * Loads the lexicon data files once, validates their shape, and compiles them to PhraseSets.
 * Lists are per language in the files (so each can be curated by a speaker) and merged here,
 * because every lexicon runs on every turn: customers code-switch mid-sentence.
 */
import { z } from 'zod';
import { EXPLICIT_CLASSES, schemas, type ExplicitClass } from './lexicon-schema.js';
import botJson from './lexicon/bot.json' with { type: 'json' };
import explicitJson from './lexicon/explicit.json' with { type: 'json' };
import frustrationJson from './lexicon/frustration.json' with { type: 'json' };
import offerJson from './lexicon/offer.json' with { type: 'json' };
import profanityJson from './lexicon/profanity.json' with { type: 'json' };
import resolutionJson from './lexicon/resolution.json' with { type: 'json' };
import unresolvedJson from './lexicon/unresolved.json' with { type: 'json' };
import { PhraseSet, type PhraseSetOptions } from './phrases.js';

export { EXPLICIT_CLASSES, type ExplicitClass } from './lexicon-schema.js';

export type LexiconData = { [K in keyof typeof schemas]: z.input<(typeof schemas)[K]> };
export const BUNDLED_LEXICONS: LexiconData = {
  explicit: explicitJson,
  frustration: frustrationJson,
  profanity: profanityJson,
  unresolved: unresolvedJson,
  resolution: resolutionJson,
  bot: botJson,
  offer: offerJson,
};

function parse<K extends keyof typeof schemas>(name: K, data: unknown): z.output<(typeof schemas)[K]> {
  const result = schemas[name].safeParse(data);
  if (!result.success) throw new Error(`signals lexicon ${name}.json: ${z.prettifyError(result.error)}`);
  return result.data as z.output<(typeof schemas)[K]>;
}

type Lists = { en: string[]; fil: string[]; ur: string[] };
type Weights = { en: Record<string, number>; fil: Record<string, number>; ur: Record<string, number> };
const mergeWeights = (w: Weights): Record<string, number> => ({ ...w.en, ...w.fil, ...w.ur });
const mergeLists = (l: Lists | string[]): Record<string, number> =>
  Object.fromEntries((Array.isArray(l) ? l : [...l.en, ...l.fil, ...l.ur]).map((p) => [p, 1]));
const set = (entries: Record<string, number>, options?: PhraseSetOptions) => new PhraseSet(entries, options);

export function compileLexicons(data: LexiconData = BUNDLED_LEXICONS) {
  const explicit = parse('explicit', data.explicit);
  const frustration = parse('frustration', data.frustration);
  const unresolved = parse('unresolved', data.unresolved);
  const resolution = parse('resolution', data.resolution);
  const bot = parse('bot', data.bot);
  const offer = parse('offer', data.offer);
  const classes = Object.fromEntries(
    EXPLICIT_CLASSES.map((c) => [
      c,
      set(mergeLists(explicit.classes[c]), { tolerance: c === 'idiom' ? 'exact' : 'loose' }),
    ]),
  ) as Record<ExplicitClass, PhraseSet>;
  return {
    explicit: {
      classes,
      before: set(mergeLists(explicit.guards.before), { tolerance: 'exact' }),
      after: set(mergeLists(explicit.guards.after), { tolerance: 'exact' }),
      compounds: set(mergeLists(explicit.guards.compounds), { tolerance: 'exact' }),
      windows: explicit.windows,
    },
    frustration: set(mergeWeights(frustration.sentiment), { maxGap: 1 }),
    waiting: set(mergeWeights(frustration.waiting), { maxGap: 1 }),
    boosters: set(mergeLists(frustration.boosters), { tolerance: 'exact' }),
    boost: frustration.boost,
    emoticons: Object.entries(frustration.emoticons),
    amplifiers: frustration.amplifiers,
    vader: { ...frustration.vader, ignore: wordPattern(frustration.vader.ignore) },
    profanity: set(mergeLists(parse('profanity', data.profanity)), { tolerance: 'strict' }),
    notHelpful: set(mergeWeights(unresolved.notHelpful), { maxGap: 1 }),
    rephrase: unresolved.rephrase,
    repeatAnswer: unresolved.repeatAnswer,
    resolution: set(mergeWeights(resolution.cues)),
    contrast: set(mergeLists(resolution.contrast), { tolerance: 'exact' }),
    negation: set(mergeLists(resolution.negation), { tolerance: 'exact' }),
    bot: {
      noAnswer: set(mergeLists(bot.noAnswer), { maxGap: 1 }),
      clarify: set(mergeLists(bot.clarify), { maxGap: 1 }),
      chitchat: set(mergeLists(bot.chitchat), { maxGap: 1 }),
      offers: set(mergeLists(offer.botOffers), { maxGap: 1 }),
    },
    offer: {
      affirm: set(mergeLists(offer.affirm), { tolerance: 'exact' }),
      affirmShort: set(mergeLists(offer.affirmShort), { tolerance: 'exact' }),
      decline: set(mergeLists(offer.decline), { tolerance: 'exact' }),
    },
  };
}

export type Lexicons = ReturnType<typeof compileLexicons>;

/** Whole-word, case-insensitive alternation of `words`, or undefined when there are none. */
function wordPattern(words: readonly string[]): RegExp | undefined {
  const letters = words.map((w) => w.replace(/[^\p{L}]/gu, '')).filter(Boolean);
  return letters.length ? new RegExp(`(?<!\\p{L})(?:${letters.join('|')})(?!\\p{L})`, 'giu') : undefined;
}
