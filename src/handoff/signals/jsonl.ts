/**
 * One JSONL reader for the signals tools: a file or a folder of *.jsonl files, line by line, with
 * `file:line` positions so a bad line is reported and skipped instead of ending the run.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type JsonlLine = { file: string; line: number } & ({ value: unknown } | { error: string });

export function jsonlFiles(target: string): string[] {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new Error(`readJsonl: ${target}: no such file or folder`);
  }
  if (!stat.isDirectory()) return [target];
  return readdirSync(target)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => path.join(target, name));
}

export function readJsonl(target: string): JsonlLine[] {
  const lines: JsonlLine[] = [];
  for (const file of jsonlFiles(target)) {
    const rows = readFileSync(file, 'utf8').split(/\r?\n/u);
    rows.forEach((text, i) => {
      if (text.trim() === '') return;
      try {
        lines.push({ file, line: i + 1, value: JSON.parse(text) as unknown });
      } catch (err) {
        lines.push({
          file,
          line: i + 1,
          error: `invalid JSON (${err instanceof Error ? err.message : String(err)})`,
        });
      }
    });
  }
  return lines;
}
