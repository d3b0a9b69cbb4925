import { formatIssue } from '../types.js';
import { openForCommand, parse, seconds } from './common.js';

export async function buildCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {});
  const started = performance.now();
  const opened = await openForCommand({
    kb: values.kb,
    data: values.data,
    purpose: 'service',
    wordVectors: values['word-vectors'],
  });
  const { embeddings } = opened;
  for (const issue of opened.issues) console.warn(`warning: ${formatIssue(issue)}`);
  const byLang: Record<string, number> = {};
  for (const a of opened.articles) byLang[a.lang] = (byLang[a.lang] ?? 0) + 1;
  const { manifest, built, dir } = opened.loaded;
  const questions = opened.articles.reduce((n, a) => n + a.questions.length + 1, 0);
  console.log(
    `${built ? 'built' : 'up to date'}: ${opened.articles.length} articles (${Object.entries(byLang)
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}), ` +
      `${opened.loaded.index.classes.length} topics, ${questions} questions, ${opened.issues.length} warnings, ` +
      `index ${manifest.hash} in ${dir}, ${seconds(performance.now() - started)}` +
      (embeddings ? `, vectors by ${embeddings.label}` : '') +
      (manifest.wordVectors ? `, word vectors ${manifest.wordVectors}` : ''),
  );
  return 0;
}
