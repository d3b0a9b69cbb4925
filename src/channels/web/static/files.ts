import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

export const contentType = (file: string): string =>
  TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The official prebuilt Web Chat bundle from node_modules (no CDN); its name differs by version. */
export function findWebChatBundle(): string {
  // The package's "exports" hide package.json and dist/: resolve the entry, then climb to its root.
  let root = path.dirname(createRequire(import.meta.url).resolve('botframework-webchat'));
  while (path.basename(root) !== 'botframework-webchat' && path.dirname(root) !== root)
    root = path.dirname(root);
  const dist = path.join(root, 'dist');
  for (const name of ['webchat.js', 'webchat-es5.js']) {
    const file = path.join(dist, name);
    if (existsSync(file)) return file;
  }
  throw new Error(`web channel: no webchat.js or webchat-es5.js in ${dist}`);
}

interface Cached {
  mtimeMs: number;
  size: number;
  raw: Buffer;
  gz?: Buffer;
}

/** Files read once and kept (gzipped on demand) until they change on disk. */
export class FileCache {
  private readonly cache = new Map<string, Cached>();

  async get(file: string, wantGzip: boolean): Promise<{ body: Buffer; gzipped: boolean; etag: string }> {
    const st = await stat(file);
    let entry = this.cache.get(file);
    if (!entry || entry.mtimeMs !== st.mtimeMs || entry.size !== st.size) {
      entry = { mtimeMs: st.mtimeMs, size: st.size, raw: await readFile(file) };
      this.cache.set(file, entry);
    }
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    if (!wantGzip || !COMPRESSIBLE.has(path.extname(file).toLowerCase()) || entry.raw.length < 1024) {
      return { body: entry.raw, gzipped: false, etag };
    }
    entry.gz ??= await gzipAsync(entry.raw);
    return { body: entry.gz, gzipped: true, etag };
  }
}
