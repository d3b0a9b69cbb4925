import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WordVectors } from '../../src/knowledge/words/index.js';

/**
 * Four-dimensional vectors with one direction per SMALL_KB topic, so that words the KB never
 * uses ("reimbursement", "passcode") sit next to the words it does use.
 */
export const TOPIC_WORDS: Record<string, readonly string[]> = {
  password: ['password', 'passcode', 'login', 'credentials'],
  delivery: ['delivery', 'parcel', 'package', 'courier', 'shipping'],
  refund: ['refund', 'reimbursement', 'money', 'repayment'],
  hours: ['open', 'hours', 'closing', 'weekend'],
};

export function topicVectors(): { words: string[]; vectors: Float32Array } {
  const topics = Object.values(TOPIC_WORDS);
  const words = topics.flat();
  const vectors = new Float32Array(words.length * topics.length);
  let row = 0;
  topics.forEach((list, t) => list.forEach(() => (vectors[row++ * topics.length + t] = 1)));
  return { words, vectors };
}

export const topicWordVectors = (): WordVectors => {
  const { words, vectors } = topicVectors();
  return new WordVectors('topics:test', words, vectors, Object.keys(TOPIC_WORDS).length);
};

/** The same vectors in the word2vec text format, with or without fastText's header line. */
export async function writeTextVectors(dir: string, header: boolean): Promise<string> {
  const { words, vectors } = topicVectors();
  const d = Object.keys(TOPIC_WORDS).length;
  const lines = words.map((w, i) => [w, ...vectors.subarray(i * d, (i + 1) * d)].join(' '));
  const file = path.join(dir, header ? 'vectors.vec' : 'vectors.txt');
  await writeFile(file, [...(header ? [`${words.length} ${d}`] : []), ...lines].join('\n') + '\n');
  return file;
}
