import { existsSync } from 'node:fs';
import { throughputBench } from './throughput.js';
import type { Report } from './stats.js';

type Bench = (report: Report) => Promise<void>;

/** Benchmarks by name; each prints one JSON line per figure. `npm run bench -- retrieval` runs one. */
const BENCHES: Record<string, () => Promise<Bench>> = {
  throughput: () => Promise.resolve(throughputBench),
  retrieval: async () =>
    ((await import(optional('./retrieval.js'))) as { retrievalBench: Bench }).retrievalBench,
  relay: async () => ((await import(optional('./relay.js'))) as { relayBench: Bench }).relayBench,
};

function optional(rel: string): string {
  const url = new URL(rel, import.meta.url);
  if (!existsSync(url.pathname.replace(/\.js$/, '.ts'))) throw new Error(`bench: ${rel} is not there`);
  return url.href;
}

const report: Report = (figure) => console.log(JSON.stringify(figure));
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = names.length > 0 ? names : Object.keys(BENCHES);
for (const name of selected) {
  const load = BENCHES[name];
  if (!load) {
    console.error(`bench: unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  try {
    const started = performance.now();
    await (
      await load()
    )(report);
    report({ bench: name, done: true, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) });
  } catch (err) {
    console.error(`bench ${name}: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
