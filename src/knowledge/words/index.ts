export { WordVectors } from './word-vectors.js';
export { loadWordVectors, resolveWordVectors } from './load.js';
export { parseTextVectors, parseWinkVectors, type ParsedVectors } from './parse.js';
