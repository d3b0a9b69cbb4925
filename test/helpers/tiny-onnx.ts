// Writes a tiny BERT-shaped model directory (config, WordPiece tokenizer, ONNX graph) so the
// transformers.js provider can be tested for real without downloading anything. The ONNX file
// is encoded by hand: a dozen lines of protobuf beat depending on a transitive package.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
export const DEFAULT_WORDS =
  'refund order my please where is the parcel track weather sunny today password reset how do i account'
    .split(' ')
    .concat(['##s', '##ing']);

export interface TinyOnnxOptions {
  words?: string[];
  dim?: number;
  seed?: number;
}

export interface TinyOnnxModel {
  dir: string;
  vocab: string[];
  dim: number;
}

// --- protobuf wire format (only what ONNX needs: varints and length-delimited fields) ---
type Bytes = Uint8Array;
const concat = (parts: Bytes[]): Bytes => Buffer.concat(parts);
function varint(n: number): Bytes {
  const out: number[] = [];
  for (let v = BigInt(n); ; v >>= 7n) {
    if (v < 0x80n) return Uint8Array.from([...out, Number(v)]);
    out.push(Number(v & 0x7fn) | 0x80);
  }
}
const int = (field: number, n: number): Bytes => concat([varint(field << 3), varint(n)]);
const len = (field: number, data: Bytes): Bytes =>
  concat([varint((field << 3) | 2), varint(data.length), data]);
const str = (field: number, s: string): Bytes => len(field, Buffer.from(s, 'utf8'));
const msg = (field: number, ...parts: Bytes[]): Bytes => len(field, concat(parts));

// --- ONNX messages; field numbers from onnx/onnx.proto (ModelProto: 1 ir_version, 7 graph,
// 8 opset_import; GraphProto: 1 node, 5 initializer, 11 input, 12 output; NodeProto: 1 input,
// 2 output, 4 op_type; TensorProto: 1 dims, 2 data_type, 8 name, 9 raw_data) ---
const INT64 = 7;
const FLOAT = 1;

function valueInfo(field: number, name: string, elemType: number, dims: (string | number)[]): Bytes {
  const shape = dims.map((d) => msg(1, typeof d === 'number' ? int(1, d) : str(2, d)));
  const tensorType = msg(1, int(1, elemType), msg(2, ...shape));
  return msg(field, str(1, name), msg(2, tensorType));
}

function floatTensor(field: number, name: string, dims: number[], values: Float32Array): Bytes {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true)); // ONNX raw_data is little-endian
  return msg(field, ...dims.map((d) => int(1, d)), int(2, FLOAT), str(8, name), len(9, raw));
}

/** ONNX bytes for `last_hidden_state = Gather(table, input_ids)`: a lookup-only "encoder". */
export function encodeGatherModel(table: Float32Array, vocabSize: number, dim: number): Uint8Array {
  const tokens = ['batch_size', 'sequence_length'];
  const node = msg(
    1,
    str(1, 'embeddings'),
    str(1, 'input_ids'),
    str(2, 'last_hidden_state'),
    str(4, 'Gather'),
  );
  // Same signature as a real BERT export, though only input_ids is read.
  const inputs = ['input_ids', 'attention_mask', 'token_type_ids'].map((n) =>
    valueInfo(11, n, INT64, tokens),
  );
  const output = valueInfo(12, 'last_hidden_state', FLOAT, [...tokens, dim]);
  const initializer = floatTensor(5, 'embeddings', [vocabSize, dim], table);
  const graph = msg(7, node, str(2, 'tiny-encoder'), initializer, ...inputs, output);
  return concat([int(1, 8), str(2, 'tulay-tests'), graph, msg(8, str(1, ''), int(2, 13))]);
}

// Deterministic pseudo-random rows (mulberry32) keep similarity assertions stable across runs.
function embeddingTable(vocabSize: number, dim: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const table = new Float32Array(vocabSize * dim);
  for (let i = 0; i < table.length; i++) {
    // Special tokens get small rows so shared [CLS]/[SEP] do not dominate every mean.
    const scale = Math.floor(i / dim) < SPECIAL_TOKENS.length ? 0.05 : 1;
    table[i] = (next() * 2 - 1) * scale;
  }
  return table;
}

function tokenizerJson(vocab: string[]): object {
  const ids = Object.fromEntries(vocab.map((t, i) => [t, i]));
  const special = (t: string): object => ({ id: t, type_id: 0 });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({ id, content, special: true, normalized: false })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: special('[CLS]') },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special('[SEP]') },
      ],
      pair: [],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [ids[t]], tokens: [t] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', vocab: ids },
  };
}

/** Writes the model into `dir` (created if needed) and returns what the test needs to know. */
export async function writeTinyOnnxModel(dir: string, options: TinyOnnxOptions = {}): Promise<TinyOnnxModel> {
  const vocab = [...SPECIAL_TOKENS, ...(options.words ?? DEFAULT_WORDS)];
  const dim = options.dim ?? 32;
  const config = { model_type: 'bert', architectures: ['BertModel'], hidden_size: dim };
  const specials = ['cls', 'sep', 'pad', 'unk', 'mask'].map((n) => [`${n}_token`, `[${n.toUpperCase()}]`]);
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 64,
    ...Object.fromEntries(specials),
  };
  await mkdir(join(dir, 'onnx'), { recursive: true });
  await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
  const table = embeddingTable(vocab.length, dim, options.seed ?? 7);
  await writeFile(join(dir, 'onnx', 'model.onnx'), encodeGatherModel(table, vocab.length, dim));
  return { dir, vocab, dim };
}
