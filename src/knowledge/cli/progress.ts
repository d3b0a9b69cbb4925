import cliProgress from 'cli-progress';
import type { Progress } from '../search/knowledge-index.js';

/** One bar per stage on stderr (stdout stays clean for JSON); silent when stderr is not a TTY. */
export function stageProgress(): { progress: Progress; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  let stage = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  const progress: Progress = (name, done, total) => {
    if (name !== stage) {
      stop();
      stage = name;
      bar = new cliProgress.SingleBar(
        {
          format: `${name.padEnd(10)} [{bar}] {value}/{total} {duration}s`,
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, done);
    } else {
      bar?.setTotal(total);
      bar?.update(done);
    }
  };
  return { progress, stop };
}
