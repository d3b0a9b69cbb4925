import { readFile, writeFile } from 'node:fs/promises';

/** Typed arrays persisted as raw little-endian bytes: large weight matrices stay out of JSON. */
export async function writeTyped(file: string, array: Float32Array | Int32Array): Promise<void> {
  await writeFile(file, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
}

async function bytes(file: string, element: number): Promise<ArrayBuffer> {
  const buf = await readFile(file);
  if (buf.byteLength % element !== 0)
    throw new Error(`${file}: ${buf.byteLength} bytes is not a whole number of elements`);
  // Copy into a fresh, aligned buffer: Node's pooled Buffers may start at unaligned offsets.
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

export const readFloat32 = async (file: string): Promise<Float32Array> =>
  new Float32Array(await bytes(file, 4));
export const readInt32 = async (file: string): Promise<Int32Array> => new Int32Array(await bytes(file, 4));
