/**
 * Progress of a long build: on a terminal, one line rewritten in place
 * (phase, done/total, elapsed); elsewhere (CI=1, a pipe, a log file) only
 * one summary line per finished phase.
 */
export interface Progress {
  /** Start a phase; `total` when the amount of work is known or expected. */
  phase(name: string, total?: number): void;
  /** Work done so far in the current phase. */
  update(done: number): void;
  /** End the current phase with a one-line summary. */
  end(summary: string): void;
  /** A line that must always be shown (errors, final result). */
  log(line: string): void;
}

const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

export function interactive(): boolean {
  return Boolean(process.stderr.isTTY) && !process.env.CI;
}

export function createProgress(tty = interactive()): Progress {
  const buildStart = Date.now();
  let name = '';
  let total: number | undefined;
  let done = 0;
  let phaseStart = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const draw = () => {
    // A total is what the work is expected to be; past it, the count alone.
    const count = total && done <= total ? ` ${done}/${total}` : done > 0 ? ` ${done}` : '';
    process.stderr.write(`\r\x1b[2K${name}${count} · ${clock(Date.now() - phaseStart)}（共 ${clock(Date.now() - buildStart)}）`);
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (tty) process.stderr.write('\r\x1b[2K');
  };
  return {
    phase(n, t) {
      stop();
      name = n;
      total = t;
      done = 0;
      phaseStart = Date.now();
      if (tty) {
        draw();
        timer = setInterval(draw, 500);
        timer.unref();
      }
    },
    update(d) {
      done = d;
    },
    end(summary) {
      stop();
      console.log(`✓ ${name}：${summary}（${((Date.now() - phaseStart) / 1000).toFixed(1)} s）`);
    },
    log(line) {
      if (tty) process.stderr.write('\r\x1b[2K');
      console.log(line);
      if (timer) draw();
    },
  };
}
