/** The build's progress display: a line rewritten in place on a terminal, one line per step elsewhere. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress, interactive } from '../../scripts/build/progress.ts';

let drawn: string[];
let printed: string[];

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T08:00:00Z') });
  drawn = [];
  printed = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (drawn.push(String(chunk)), true));
  vi.spyOn(console, 'log').mockImplementation((line) => void printed.push(String(line)));
});

/** The line on the terminal once `ms` more have passed. */
function lineAfter(ms: number): string | undefined {
  vi.advanceTimersByTime(ms);
  return drawn.at(-1);
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('on a terminal', () => {
  it('shows the step, pages done of the total and the time, redrawn every half second', () => {
    const progress = createProgress(true);
    progress.phase('核对内容 / check');
    vi.advanceTimersByTime(30_000);
    progress.end('3000 个部门');
    progress.phase('生成页面 / render', 18_770);
    progress.update(1234);
    expect(lineAfter(61_000)).toBe('\r\x1b[2K生成页面 / render 1234/18770 · 01:01（共 01:31）');
    progress.update(18_770);
    expect(lineAfter(500)).toBe('\r\x1b[2K生成页面 / render 18770/18770 · 01:02（共 01:32）');
  });

  it('shows the count alone when there is no total, or the work goes past the one expected', () => {
    const progress = createProgress(true);
    progress.phase('生成页面 / render');
    progress.update(91);
    expect(lineAfter(500)).toBe('\r\x1b[2K生成页面 / render 91 · 00:01（共 00:01）');
    progress.phase('生成页面 / render', 14);
    progress.update(15);
    expect(lineAfter(500)).toBe('\r\x1b[2K生成页面 / render 15 · 00:01（共 00:01）');
  });

  it('clears the line before a step ends or a message is printed, so the log stays readable', () => {
    const progress = createProgress(true);
    progress.phase('建立搜索索引 / index');
    vi.advanceTimersByTime(2_000);
    progress.log('警告 / warning');
    expect(drawn.at(-2)).toBe('\r\x1b[2K');
    progress.end('5 个索引部分');
    expect(drawn.at(-1)).toBe('\r\x1b[2K');
    expect(printed).toEqual(['警告 / warning', '✓ 建立搜索索引 / index：5 个索引部分（2.0 s）']);
    // The step ended: nothing is drawn any more.
    const count = drawn.length;
    vi.advanceTimersByTime(5_000);
    expect(drawn.length).toBe(count);
  });
});

describe('in CI, a pipe or a log file', () => {
  it('draws nothing and prints one line per finished step', () => {
    const progress = createProgress(false);
    progress.phase('生成页面 / render', 100);
    progress.update(50);
    vi.advanceTimersByTime(10_000);
    progress.end('100 个页面');
    expect(drawn).toEqual([]);
    expect(printed).toEqual(['✓ 生成页面 / render：100 个页面（10.0 s）']);
  });

  it('counts as a terminal only when stderr is one and CI is not set', () => {
    const isTTY = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    try {
      Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
      vi.stubEnv('CI', '');
      expect(interactive()).toBe(true);
      vi.stubEnv('CI', '1');
      expect(interactive()).toBe(false);
      Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
      vi.stubEnv('CI', '');
      expect(interactive()).toBe(false);
    } finally {
      if (isTTY) Object.defineProperty(process.stderr, 'isTTY', isTTY);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  });
});
