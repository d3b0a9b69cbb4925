import { describe, expect, it } from 'vitest';
import { SMALL_KB } from '../../../test/helpers/knowledge-kb.js';
import { Answerer } from '../answer/answerer.js';
import { resolveAnswerOptions } from '../answer/options.js';
import { KnowledgeIndex } from './knowledge-index.js';
import { parseIndexOptions } from './options.js';
import { KnowledgeRetriever } from './retriever.js';

describe('KnowledgeRetriever', () => {
  it('returns the best articles as documents, in the customer language, for the audience only', async () => {
    const answerer = new Answerer(
      await KnowledgeIndex.build(SMALL_KB, parseIndexOptions()),
      resolveAnswerOptions(),
    );
    const retriever = new KnowledgeRetriever({ answerer, lang: 'fil', audience: 'external', k: 3 });
    const docs = await retriever.invoke('forgot my password');
    expect(docs).toHaveLength(3);
    expect(docs[0]?.metadata).toMatchObject({ id: 'password-reset', lang: 'fil', fallbackLanguage: false });
    expect(docs[0]?.pageContent).toBe('Answer for password-reset.');
    const vpn = await retriever.invoke('how do i set up vpn');
    expect(vpn.map((d) => String(d.metadata.id))).not.toContain('vpn-setup');
  });
});
