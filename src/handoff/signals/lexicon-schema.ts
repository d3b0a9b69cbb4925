/** Shapes of the lexicon data files; the loader validates each file against its schema. */
import { z } from 'zod';

const weight = z.number().min(0).max(1);
const weighted = z.record(z.string(), weight);
const perLang = <T extends z.ZodType>(item: T) => z.object({ en: item, fil: item, ur: item });
const words = z.array(z.string().min(1));
const unit = z.number().min(0).max(1);

export const EXPLICIT_CLASSES = [
  'person',
  'agent',
  'someone',
  'contact',
  'talk',
  'route',
  'handover',
  'want',
  'me',
  'qualifier',
  'presence',
  'help',
  'bot',
  'botLike',
  'negation',
  'refusal',
  'decline',
  'who',
  'filler',
  'idiom',
  'shortIdiom',
] as const;
export type ExplicitClass = (typeof EXPLICIT_CLASSES)[number];

export const schemas = {
  explicit: z.object({
    classes: z.record(z.enum(EXPLICIT_CLASSES), perLang(words)),
    guards: z.object({ before: words, after: words, compounds: words }),
    windows: z.object({
      short: z.int().min(1),
      reach: z.int().min(0),
      want: z.int().min(0),
      who: z.int().min(0),
    }),
  }),
  frustration: z.object({
    sentiment: perLang(weighted),
    waiting: perLang(weighted),
    boosters: perLang(words),
    boost: z.number().min(1),
    emoticons: weighted,
    amplifiers: z.object({
      capsMinLetters: z.int().min(1),
      capsShare: unit,
      capsFactor: z.number().min(1),
      marksMinRun: z.int().min(2),
      marksFactor: z.number().min(1),
    }),
    vader: z.object({ floor: z.number().min(-1).max(0), scale: z.number().min(0), ignore: words }),
  }),
  profanity: perLang(words),
  unresolved: z.object({
    notHelpful: perLang(weighted),
    rephrase: z.object({ similarity: unit, minChars: z.int().min(0), lookback: z.int().min(1) }),
    repeatAnswer: z.object({ similarity: unit }),
  }),
  resolution: z.object({ cues: perLang(weighted), contrast: words, negation: words }),
  bot: z.object({ noAnswer: perLang(words), clarify: perLang(words), chitchat: perLang(words) }),
  offer: z.object({
    affirm: perLang(words),
    affirmShort: perLang(words),
    decline: perLang(words),
    botOffers: perLang(words),
  }),
};
