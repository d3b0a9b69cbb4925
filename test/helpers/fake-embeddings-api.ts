import nock from 'nock';

/**
 * A fake embedding model for SMALL_KB that knows synonyms the KB does not contain: every text
 * maps to the topics its words belong to. "reimbursement" shares no word and few characters with
 * the refund article, so only a provider's vectors can tie the two together.
 */
export const TOPICS = [
  /password|log in|pag-reset/,
  /vpn|globalprotect/,
  /deliver|parcel|shipping|ڈیلیوری|پارسل/,
  /open|closing|hours/,
  /return|send back/,
  /refund|reimburse|money back/,
];

export const FAKE_DIMENSIONS = TOPICS.length + 1;

export function fakeVector(text: string): number[] {
  const lower = text.toLowerCase();
  const v: number[] = [...TOPICS.map((t) => (t.test(lower) ? 1 : 0)), 0];
  if (!v.includes(1)) v[TOPICS.length] = 1;
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / norm);
}

export interface SeenRequest {
  model: string;
  input: string[];
}

/**
 * Answers POST {base}/embeddings like the OpenAI API (base64 float32 when the SDK asks for it),
 * recording every request in `seen`. Persistent until nock.cleanAll().
 */
export function fakeEmbeddingsApi(origin: string, seen: SeenRequest[], pathPrefix = '/v1'): nock.Scope {
  return nock(origin)
    .persist()
    .post(`${pathPrefix}/embeddings`)
    .reply(200, (_uri, raw) => {
      const body = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
        input: string | string[];
        model: string;
        encoding_format?: string;
      };
      const input = typeof body.input === 'string' ? [body.input] : body.input;
      seen.push({ model: body.model, input });
      const data = input.map((text, index) => {
        const v = fakeVector(text);
        const embedding =
          body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
        return { object: 'embedding', index, embedding };
      });
      return { object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } };
    });
}
