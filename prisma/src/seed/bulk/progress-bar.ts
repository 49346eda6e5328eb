/**
 * A progress bar on stderr, so stdout stays clean for whatever reads it. On a terminal it
 * redraws one line; in a log (CI, a pipe) it writes a line every tenth of the way instead of
 * flooding it with carriage returns.
 */
export interface ProgressBar {
  advance(rows: number): void;
  finish(): void;
}

/** What the bar writes to: a terminal redraws one line, anything else gets a line per tenth. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const WIDTH = 30;

export function progressBar(
  label: string,
  total: number,
  stream: ProgressStream = process.stderr,
): ProgressBar {
  const started = performance.now();
  let done = 0;
  let lastTenth = -1;
  const render = (final: boolean) => {
    const fraction = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 && !final ? ` ETA ${formatSeconds((total - done) / rate)}` : '';
    const filled = Math.round(fraction * WIDTH);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    const percent = `${Math.floor(fraction * 100)}`.padStart(3);
    const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
    const speed = `${Math.round(rate).toLocaleString('en-US')} rows/s`;
    return `${label.padEnd(9)} [${bar}] ${percent}% ${counts} ${speed}${final ? ` in ${formatSeconds(seconds)}` : eta}`;
  };
  return {
    advance(rows) {
      done = Math.min(total, done + rows);
      if (stream.isTTY) {
        stream.write(`\r${render(false)}\x1b[K`);
        return;
      }
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth > lastTenth && tenth < 10) {
        lastTenth = tenth;
        stream.write(`${render(false)}\n`);
      }
    },
    finish() {
      done = total;
      stream.write(stream.isTTY ? `\r${render(true)}\x1b[K\n` : `${render(true)}\n`);
    },
  };
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}
