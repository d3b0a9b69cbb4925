import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../../src/knowledge/types.js';

const article = (a: Partial<Article> & Pick<Article, 'id' | 'title' | 'questions'>): Article => ({
  lang: 'en',
  audience: 'all',
  answer: `Answer for ${a.id}.`,
  tags: [],
  followUps: [],
  source: `${a.id}.md`,
  ...a,
});

/** A small multilingual KB with one internal article and two deliberately similar topics. */
export const SMALL_KB: Article[] = [
  article({
    id: 'password-reset',
    title: 'Resetting your password',
    questions: [
      'forgot my password',
      'how do i change my password',
      'cannot log in password wrong',
      'reset password link',
    ],
  }),
  article({
    id: 'password-reset',
    lang: 'fil',
    title: 'Pag-reset ng password',
    questions: ['nakalimutan ko ang password ko', 'paano palitan ang password'],
  }),
  article({
    id: 'vpn-setup',
    audience: 'internal',
    title: 'Setting up the VPN',
    questions: ['how do i set up vpn', 'vpn access from home', 'install globalprotect vpn client'],
  }),
  article({
    id: 'delivery-time',
    audience: 'external',
    title: 'Delivery times',
    questions: ['how long does delivery take', 'when will my parcel arrive', 'shipping takes how many days'],
  }),
  article({
    id: 'delivery-time',
    lang: 'ur',
    audience: 'external',
    title: 'ڈیلیوری کا وقت',
    questions: ['میرا پارسل کب آئے گا', 'delivery kitne din mein hoti hai'],
  }),
  article({
    id: 'store-hours',
    title: 'Store opening hours',
    questions: ['what time do you open', 'are you open on sunday', 'store closing time'],
  }),
  article({
    id: 'return-item',
    title: 'Returning an item',
    questions: ['how do i return an item', 'send back a product I bought', 'return policy for items'],
  }),
  article({
    id: 'refund-status',
    title: 'Refund status',
    questions: ['where is my refund', 'refund not received yet', 'how long does a refund take'],
  }),
];

export async function tempDir(prefix = 'tulay-kb-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Writes articles as markdown files, one folder per language, as the real KB is laid out. */
export async function writeMarkdownKb(dir: string, articles: readonly Article[]): Promise<void> {
  for (const a of articles) {
    const folder = path.join(dir, a.lang);
    await mkdir(folder, { recursive: true });
    const front = [
      '---',
      `id: ${a.id}`,
      `lang: ${a.lang}`,
      `title: ${JSON.stringify(a.title)}`,
      `audience: ${a.audience}`,
      'questions:',
      ...a.questions.map((q) => `  - ${JSON.stringify(q)}`),
      `tags: [${a.tags.join(', ')}]`,
      '---',
    ];
    await writeFile(path.join(folder, `${a.id}.md`), `${front.join('\n')}\n${a.answer}\n`);
  }
}
