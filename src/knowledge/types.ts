/** Languages Tulay answers in. Urdu covers Arabic script and Roman Urdu; Filipino covers Taglish. */
export const LANGS = ['en', 'fil', 'ur'] as const;
export type Lang = (typeof LANGS)[number];

/** Who may see an article: web customers, employees in Teams, or both. */
export const AUDIENCES = ['external', 'internal', 'all'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** One knowledge-base article in one language. Translations share `id` and differ in `lang`. */
export interface Article {
  id: string;
  lang: Lang;
  title: string;
  audience: Audience;
  /** Alternate phrasings customers use; the title is not repeated here. */
  questions: string[];
  /** The answer, in markdown. */
  answer: string;
  tags: string[];
  /** Agent queue for handoffs on this topic. */
  queue?: string;
  /** Only a person can finish this topic: answer, then offer a person. */
  handoff?: boolean;
  /** Ids of articles offered as follow-up prompts. */
  followUps: string[];
  /** Reachable only as a follow-up prompt, never by search (QnA Maker's IsContextOnly). */
  contextOnly?: boolean;
  /** Where the article came from, as `file` or `file:line`. */
  source: string;
}

/** A problem found while reading knowledge files; the rest of the KB still loads. */
export interface IngestIssue {
  file: string;
  line: number;
  message: string;
}

export function formatIssue(issue: IngestIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}
