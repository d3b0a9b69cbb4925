import { ActivityHandler } from 'botbuilder';
import { messageActivity, postActivity, startApp, type RunningApp } from '../test/helpers/app.js';
import { percentile, round, type Report } from './stats.js';

const TURNS_PER_CONVERSATION = 20;

/** A bare echo bot: the floor that Tulay's own turn cost is compared with. */
function echoBot(): ActivityHandler {
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  return bot;
}

async function drive(t: RunningApp, concurrency: number, questions: string[]) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, c) => {
      const conversation = { id: `bench-${concurrency}-${c}-${Math.random().toString(36).slice(2)}` };
      for (let i = 0; i < TURNS_PER_CONVERSATION; i++) {
        const text = questions[(c + i) % questions.length] ?? 'hello';
        const t0 = performance.now();
        const res = await postActivity(t.url, messageActivity(text, { conversation }));
        if (res.status !== 200) throw new Error(`bench/throughput: HTTP ${res.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    turnsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** Turn throughput and latency of POST /api/messages (expectReplies): Tulay vs an echo bot. */
export async function throughputBench(report: Report): Promise<void> {
  const questions = [
    'How do I return an item?',
    'where is my order',
    'paano mag-refund?',
    'میرا آرڈر کہاں ہے؟',
  ];
  const tulay = await startApp();
  const echo = await startApp({}, { bot: () => echoBot() });
  try {
    await drive(tulay, 2, questions); // warm-up: index load, JIT
    await drive(echo, 2, questions);
    for (const concurrency of [1, 10, 50]) {
      const e = await drive(echo, concurrency, questions);
      const b = await drive(tulay, concurrency, questions);
      report({
        bench: 'throughput',
        concurrency,
        tulay_turns_per_s: round(b.turnsPerSecond, 1),
        echo_turns_per_s: round(e.turnsPerSecond, 1),
        ratio_vs_echo: round(b.turnsPerSecond / e.turnsPerSecond),
        tulay_p50_ms: round(b.p50, 2),
        tulay_p99_ms: round(b.p99, 2),
        echo_p50_ms: round(e.p50, 2),
        echo_p99_ms: round(e.p99, 2),
      });
    }
  } finally {
    await tulay.stop();
    await echo.stop();
  }
}
