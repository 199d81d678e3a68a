/**
 * npm run build — the whole pipeline, all or nothing:
 *
 *   1. check      node scripts/check.ts --quiet (content errors stop the build here)
 *   2. render     astro build into a temporary folder next to the output, in a
 *                 second process while the check runs (the machine has two cores)
 *   3. index      Pagefind over the temporary folder (scripts/index-search.ts)
 *   4. publish    the temporary folder replaces the output folder by rename
 *
 * The output folder (dist/, or --out <dir>) is only touched in step 4, after
 * every step succeeded: a failed build leaves the previous site exactly as it
 * was, and removes its temporary folder. So does a build stopped with Ctrl-C
 * (or SIGTERM): it ends its steps and exits with 130 (143). A build whose
 * process was killed outright leaves its folder; the next build of the same
 * output removes it. One build at a time runs from a project folder: a second
 * one says so and changes nothing (lockProject).
 *
 * Usage: node scripts/build.ts [--out <dir>]
 * Environment: SITE_BASE (base path), CONTENT_DIR (content folder), CI=1 (quiet log).
 * BUILD_FAULT=render|index makes that step fail after it ran (used by the test of
 * the no-partial-site guarantee).
 *
 * On a terminal the current step shows done/total and the elapsed time; in CI
 * or a log file only one line per step is printed, and a failing step prints
 * the end of its log.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createProgress, type Progress } from './build/progress.ts';
import { indexSite } from './index-search.ts';
import { CHECK_RESULT_ENV } from '../src/core/check/cache.ts';
import { PREVIOUS_SITE_ENV } from '../src/core/open-data.ts';
import { BUILD_CACHE_ENV } from '../src/core/paths.ts';
import { createHash } from 'node:crypto';

const ROOT = resolve(import.meta.dirname, '..');

export class BuildError extends Error {}

interface StepResult {
  code: number;
  /** The last lines of output, for the error message. */
  tail: string[];
}

/** The signal that stopped the build (Ctrl-C, or the system's SIGTERM); set by the command's handler. */
let interruptedBy: NodeJS.Signals | undefined;
/** How to stop the steps running now. */
const running = new Set<() => void>();

/** Stop the build: the running steps end, nothing is published, the temporary folders go. */
function interrupt(signal: NodeJS.Signals): void {
  interruptedBy ??= signal;
  for (const stop of running) stop();
}

/** Run a Node script as a child, its output to `logFile`, calling onLine for each line. */
function runNode(args: string[], env: NodeJS.ProcessEnv, logFile: string, onLine: (line: string) => void = () => {}): { done: Promise<StepResult>; stop: () => void } {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => child.kill('SIGTERM');
  running.add(stop);
  child.on('close', () => running.delete(stop));
  const done = new Promise<StepResult>((resolvePromise, reject) => {
    const log = createWriteStream(logFile, { flags: 'a' });
    const tail: string[] = [];
    let partial = '';
    const take = (chunk: Buffer) => {
      log.write(chunk);
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        onLine(line);
        tail.push(line);
        if (tail.length > 60) tail.shift();
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (partial) tail.push(partial);
      log.end();
      resolvePromise({ code: code ?? (signal ? 128 : 1), tail: signal ? [...tail, `（进程被信号 ${signal} 终止 / killed by ${signal}）`] : tail });
    });
  });
  return { done, stop };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * What builds of `out` left in `tmpRoot` when their process died without
 * cleaning up (killed, the machine stopped): their temporary folders are
 * removed (their logs stay). A build that died while swapping the folders,
 * after moving the published site aside, had it put back.
 */
function clearDeadBuilds(tmpRoot: string, out: string): void {
  const prefix = `${basename(out)}-`;
  for (const entry of readdirSync(tmpRoot)) {
    const [, pid, kind] = /^(\d+)-\d+(\.check|\.old)?$/.exec(entry.startsWith(prefix) ? entry.slice(prefix.length) : '') ?? [];
    if (!pid || alive(Number(pid))) continue;
    const path = join(tmpRoot, entry);
    if (kind === '.old' && !existsSync(out)) renameSync(path, out);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * One build at a time from this project folder: astro build keeps its
 * intermediate files in the project's .astro/, and two at once break each
 * other ("Cannot find module …/.astro/.prerender/…"), whatever their output
 * folders. The lock file names the build's process; a lock whose process has
 * ended (a killed build) is taken over. Returns the release.
 */
function lockProject(): () => void {
  const lock = join(ROOT, '.astro', 'build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8').trim());
    if (holder > 0 && alive(holder)) {
      throw new BuildError(
        `另一个构建正在运行（进程 ${holder}），请等它结束后再构建；未做任何改动 / another build (process ${holder}) is running from this project folder: build again when it has finished; nothing was changed`,
      );
    }
    rmSync(lock, { force: true });
  }
}

export interface BuildOptions {
  /** The output folder (default dist/). */
  out?: string;
  env?: NodeJS.ProcessEnv;
  progress?: Progress;
}

export interface BuildReport {
  out: string;
  pages: number;
  indexed: number;
  /** Milliseconds per step. */
  ms: { check: number; render: number; index: number; publish: number; total: number };
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const out = resolve(options.out ?? join(ROOT, 'dist'));
  const unlock = lockProject();
  try {
    return await buildLocked(out, options);
  } finally {
    unlock();
  }
}

async function buildLocked(out: string, options: BuildOptions): Promise<BuildReport> {
  const progress = options.progress ?? createProgress();
  const tmpRoot = join(dirname(out), '.build-tmp');
  const work = join(tmpRoot, `${basename(out)}-${process.pid}-${Date.now()}`);
  const logFile = `${work}.log`;
  // The check hands its findings to astro build through this folder, bureau by bureau (src/utils/site.ts waits for them).
  const checkResult = `${work}.check`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    // What the last build of this output folder left for this one: the pages, files and figures it may reuse.
    [BUILD_CACHE_ENV]: process.env[BUILD_CACHE_ENV] ?? join(ROOT, 'node_modules/.cache/juesuan-build', createHash('sha1').update(out).digest('hex').slice(0, 16)),
    ...options.env,
    [CHECK_RESULT_ENV]: checkResult,
    ...(existsSync(out) ? { [PREVIOUS_SITE_ENV]: out } : {}),
  };
  mkdirSync(tmpRoot, { recursive: true });
  clearDeadBuilds(tmpRoot, out);
  // Astro's incremental build writes its record of what a later build may reuse at the end, but the copies of the
  // pages as it renders them: after a render that did not finish (a failed check stops it, or Ctrl-C), the record
  // may name copies that were since replaced. Then the next render is forced (`astro build --force`): every page.
  const cache = env[BUILD_CACHE_ENV]!;
  const unfinished = join(cache, 'render-unfinished');
  mkdirSync(cache, { recursive: true });
  const force = existsSync(unfinished) ? ['--force'] : [];
  writeFileSync(unfinished, '');
  const started = Date.now();
  const ms = { check: 0, render: 0, index: 0, publish: 0, total: 0 };
  const fault = env.BUILD_FAULT;
  const fail = (step: string, message: string, tail: string[] = []): never => {
    if (interruptedBy) throw new BuildError(`构建已中断（${step}，${interruptedBy}），原有网站 ${out} 未改动 / build interrupted at ${step}; ${out} is unchanged`);
    const shown = tail.map(stripAnsi).filter((l) => l.trim()).slice(-25);
    throw new BuildError(
      `构建失败（${step}），原有网站 ${out} 未改动 / build failed at ${step}; ${out} is unchanged\n${message}${shown.length ? `\n${shown.join('\n')}` : ''}\n完整日志 / full log: ${logFile}`,
    );
  };

  try {
    // 1 and 2 run side by side (two processes, two cores): the check and astro build
    // each read all content; the output is only published if both succeed.
    let t = Date.now();
    const checking = runNode(['scripts/check.ts', '--quiet'], env, logFile);
    let pages = 0;
    let reusedPages = 0;
    const rendering = runNode(['node_modules/astro/bin/astro.mjs', 'build', ...force, '--outDir', work], env, logFile, (line) => {
      // Astro prints a line per page; rendering two at a time, it sometimes prints two on one line.
      const written = line.match(/\.html/g)?.length ?? 0;
      if (written > 0) progress.update((pages += written));
      // A page unchanged since the last build is copied from it (astro.config.mjs, src/utils/build-keys.ts).
      reusedPages += line.match(/\((?:restored|cached)\)/g)?.length ?? 0;
    });
    progress.phase('核对内容 / check');
    const check = await checking.done;
    if (check.code !== 0) {
      rendering.stop();
      await rendering.done;
      fail('核对内容 / check', '内容有错误，请按下列文件和行号修改 / the content has errors:', check.tail);
    }
    const summary = check.tail.map(stripAnsi).findLast((l) => /部门年度/.test(l)) ?? '';
    ms.check = Date.now() - t;
    progress.end(summary.replace(/^通过：/, ''));

    t = Date.now();
    // The total shown is the number of pages the last build of this output rendered (the pages across bureaus
    // depend on the content: subjects, comparisons, versions); a first build shows the count alone.
    const pageCount = join(cache, 'pages-rendered');
    const expected = existsSync(pageCount) ? Number(readFileSync(pageCount, 'utf8')) || undefined : undefined;
    progress.phase('生成页面 / render', expected);
    progress.update(pages);
    const render = await rendering.done;
    if (render.code !== 0) fail('生成页面 / render', 'astro build 出错 / astro build failed:', render.tail);
    rmSync(unfinished);
    writeFileSync(pageCount, String(pages));
    if (!existsSync(join(work, 'index.html'))) fail('生成页面 / render', `没有生成首页 / no index.html in ${work}`);
    if (fault === 'render') fail('生成页面 / render', '模拟故障 / simulated failure (BUILD_FAULT=render)');
    ms.render = Date.now() - t;
    progress.end(`${pages} 个页面${reusedPages ? `（${reusedPages} 个未变，取自上次构建 / unchanged, reused）` : ''}`);

    // 3. index
    t = Date.now();
    progress.phase('建立搜索索引 / index');
    let indexed;
    try {
      // A year whose pages are those of the site being replaced keeps its index.
      indexed = await indexSite(work, existsSync(out) ? { previous: out } : {});
    } catch (error) {
      fail('建立搜索索引 / index', error instanceof Error ? error.message : String(error));
    }
    if (fault === 'index') fail('建立搜索索引 / index', '模拟故障 / simulated failure (BUILD_FAULT=index)');
    // Stopped while indexing (the index runs in this process): nothing is published.
    if (interruptedBy) fail('建立搜索索引 / index', '');
    ms.index = Date.now() - t;
    const parts = indexed!.years.flatMap((y) => y.parts).length;
    const reused = indexed!.years.reduce((n, y) => n + y.reused, 0);
    progress.end(`${indexed!.indexed} 个部门决算页面，${parts} 个索引部分${reused ? `（${reused} 个未变，沿用原索引 / unchanged, index kept）` : ''}`);

    // 4. publish: swap folders by rename (same file system), keep the old one until the new one is in place.
    t = Date.now();
    const old = `${work}.old`;
    const hadOld = existsSync(out);
    if (hadOld) renameSync(out, old);
    try {
      renameSync(work, out);
    } catch (error) {
      if (hadOld) renameSync(old, out);
      throw error;
    }
    if (hadOld) rmSync(old, { recursive: true, force: true });
    ms.publish = Date.now() - t;
    ms.total = Date.now() - started;
    rmSync(logFile, { force: true });
    return { out, pages, indexed: indexed!.indexed, ms };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(checkResult, { recursive: true, force: true });
    try {
      rmdirSync(tmpRoot);
    } catch {
      // not empty (a log kept for a failed build, or another build running): leave it
    }
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const progress = createProgress();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => interrupt(signal));
  try {
    const r = await build({ ...(values.out ? { out: values.out } : {}), progress });
    progress.log(`已发布 / published ${r.out}：${r.pages} 个页面，${r.indexed} 个已索引，共 ${(r.ms.total / 1000).toFixed(1)} s`);
  } catch (error) {
    progress.log(error instanceof BuildError ? error.message : `构建失败 / build failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = interruptedBy ? 128 + osConstants.signals[interruptedBy] : 1;
  }
}

