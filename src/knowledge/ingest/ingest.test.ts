import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../types.js';
import { loadKnowledge } from './index.js';
import { parseTsv } from './tsv-records.js';

const FIXTURES = 'test/fixtures/kb';

describe('loadKnowledge on the fixture folder', async () => {
  const { articles, issues } = await loadKnowledge(FIXTURES);
  const messages = issues.map(formatIssue);
  const find = (id: string, lang = 'en') => articles.find((a) => a.id === id && a.lang === lang);

  it('loads every well-formed article from markdown, TSV and JSONL', () => {
    expect(articles.map((a) => `${a.id}/${a.lang}`).sort()).toEqual(
      [
        'password-reset/en',
        'password-reset/fil',
        'qna-1/en',
        'qna-1/fil',
        'qna-2/en',
        'qna-3/en',
        'qna-4/en',
        'shipping_time/en',
        'shipping_time/fil',
        'store_hours/en',
        'vpn-setup/en',
      ].sort(),
    );
  });

  it('groups QnA Maker rows by QnaId, with prompts as follow-ups and metadata as tags', () => {
    const qna = find('qna-1');
    expect(qna).toMatchObject({
      title: 'How do I return an item?',
      questions: ['return policy', 'can i send back something i bought'],
      audience: 'external',
      queue: 'orders',
      tags: ['category:returns'],
      followUps: ['qna-2', 'qna-3'],
      source: `${FIXTURES}/qna-export.tsv:2`,
    });
    expect(qna?.answer).toBe(
      'You can return most items within **30 days**.\n\nDo you have your order number?',
    );
    expect(find('qna-2')?.contextOnly).toBe(true);
    expect(find('qna-3')?.answer).toContain('ask us:\twe will look it up');
    expect(find('qna-1', 'fil')?.title).toBe('Paano mag-return ng item?');
  });

  it('reads markdown front matter and body', () => {
    expect(find('vpn-setup')).toMatchObject({
      audience: 'internal',
      queue: 'it',
      tags: ['it', 'vpn'],
      followUps: ['password-reset'],
    });
    expect(find('password-reset')?.answer).toMatch(/^Go to \*\*Settings/);
    expect(find('password-reset')?.handoff).toBe(false);
  });

  it('defaults JSONL lang to en and audience to all', () => {
    expect(find('store_hours')).toMatchObject({ lang: 'en', audience: 'external' });
    expect(find('shipping_time')?.audience).toBe('all');
  });

  it.each([
    [`${FIXTURES}/faq.jsonl:4: lang:`],
    [`${FIXTURES}/faq.jsonl:5: answer:`],
    [`${FIXTURES}/faq.jsonl:6: invalid JSON`],
    [
      `${FIXTURES}/faq.jsonl:7: duplicate article id "shipping_time" (en); first defined at ${FIXTURES}/faq.jsonl:1`,
    ],
    [`${FIXTURES}/markdown/en/broken-fields.md:3: lang:`],
    [`${FIXTURES}/markdown/en/broken-fields.md:4: title: must not be empty`],
    [`${FIXTURES}/markdown/en/broken-fields.md:5: audience:`],
    [`${FIXTURES}/markdown/en/broken-yaml.md:`],
    [`${FIXTURES}/markdown/en/empty-body.md:7: answer`],
    [`${FIXTURES}/markdown/en/no-front-matter.md:1: missing YAML front matter`],
    [`${FIXTURES}/markdown/en/vpn-setup.md:1: follow-ups name unknown article(s): not-an-article`],
    [`${FIXTURES}/qna-export.tsv:8: QnaId must be a number`],
    [`${FIXTURES}/qna-export.tsv:9: Metadata "category" is not key:value`],
    [`${FIXTURES}/qna-export.tsv:9: Prompts:`],
  ])('reports %s', (prefix) => {
    expect(messages.some((m) => m.startsWith(prefix))).toBe(true);
  });

  it('reports nothing else', () => expect(issues).toHaveLength(14));
});

describe('loadKnowledge on single files', () => {
  it('accepts a single file path and rejects a TSV without the export header', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kb-'));
    const file = path.join(dir, 'other.tsv');
    await writeFile(file, 'a\tb\n1\t2\n');
    const { articles, issues } = await loadKnowledge(file);
    expect(articles).toEqual([]);
    expect(issues.map(formatIssue)).toEqual([
      `${file}:1: not a QnA Maker export: header lacks Question, Answer, QnaId`,
    ]);
  });
});

describe('parseTsv', () => {
  it('keeps tabs, quotes and newlines inside quoted fields and counts lines', () => {
    const { records } = parseTsv('a\tb\n"x\ty"\t"say ""hi""\nthere"\nlast\tone\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ty', 'say "hi"\nthere'] },
      { line: 4, fields: ['last', 'one'] },
    ]);
  });

  it('reports an unterminated quote at the line it opened', () => {
    expect(parseTsv('a\tb\n"open\n\n').error).toEqual({ line: 2, message: 'unterminated quoted field' });
  });
});
