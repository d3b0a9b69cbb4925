import path from 'node:path';
import { audienceOf, langOf, openForCommand, parse, UsageError } from './common.js';

export async function askCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } });
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('ask needs a question: kb ask "how do I reset my password"');
  const lang = langOf(values.lang);
  const audience = audienceOf(values.audience);
  const { answerer } = await openForCommand({
    kb: values.kb,
    data: values.data,
    wordVectors: values['word-vectors'],
    purpose: 'service',
    // Same default as the service (config: <DATA_DIR>/kb-thresholds.json); missing file = defaults.
    thresholdsFile: values.thresholds ?? path.join(values.data, 'kb-thresholds.json'),
  });
  await answerer.prepare([query]);
  const decision = answerer.decide(query, { lang, audience });
  if (values.json) {
    console.log(JSON.stringify(decision, null, 2));
    return 0;
  }
  const ranked = answerer.rank(query, { audience }).slice(0, 5);
  const what = decision.article
    ? ` ${decision.article.id} (${decision.article.lang}${decision.fallbackLanguage ? ', fallback' : ''})`
    : '';
  console.log(`decision: ${decision.kind}${what}  confidence ${decision.confidence.toFixed(3)}`);
  if (decision.kind === 'clarify')
    console.log(`did you mean: ${decision.candidates.map((c) => c.title).join(' | ')}`);
  console.log('candidates:');
  for (const r of ranked) {
    const title = answerer.getArticle(r.id, lang, audience)?.article.title ?? r.id;
    console.log(
      `  ${r.confidence.toFixed(3)}  fused ${r.fused.toFixed(3)}  clf ${r.clf.toFixed(3)} vec ${r.vec.toFixed(3)} lex ${r.lex.toFixed(3)}  ${r.id}: ${title}`,
    );
  }
  return 0;
}
