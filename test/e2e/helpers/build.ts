/**
 * Builds the site the way `npm run build` does — the same pipeline,
 * scripts/build.ts (check, astro build, Pagefind, publish) — into a folder of
 * our choosing and under a given base path.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_CACHE_ENV } from '../../../src/core/paths.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The environment without what Vitest sets for its own runs (NODE_ENV=test,
 * DEV=1, MODE, PROD, SSR, BASE_URL, VITEST…): Astro would read them and make a
 * development build (no CSP, content reloaded on every page), and BASE_URL
 * would override SITE_BASE.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[key];
  return env;
}

export interface BuildRun {
  status: number | null;
  /** stdout and stderr. */
  output: string;
}

/** The environment of a build into `dir`, with its cache beside it (the tests' temporary folders), not in node_modules. */
const runEnv = (dir: string, env: Record<string, string>) => ({ ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', CI: '1', [BUILD_CACHE_ENV]: `${dir}.cache`, ...env });

/** Run scripts/build.ts --out <dir> with extra environment (SITE_BASE, CONTENT_DIR, …). */
export function runBuild(dir: string, env: Record<string, string> = {}): BuildRun {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', dir], {
    cwd: ROOT,
    env: runEnv(dir, env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Start scripts/build.ts --out <dir> as a terminal would: in its own process
 * group, so that `interrupt()` sends SIGINT to the build and its steps, as
 * Ctrl-C does. `done` gives its exit code and output.
 */
export function startBuild(dir: string, env: Record<string, string> = {}): { done: Promise<BuildRun>; interrupt: () => void } {
  const child = spawn(process.execPath, ['scripts/build.ts', '--out', dir], { cwd: ROOT, env: runEnv(dir, env), detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const done = new Promise<BuildRun>((resolve) => child.on('close', (status) => resolve({ status, output })));
  return { done, interrupt: () => process.kill(-child.pid!, 'SIGINT') };
}

export interface BuiltSite {
  dir: string;
  base: string;
  /** Milliseconds for the whole pipeline. */
  ms: number;
  log: string;
}

export function buildSite(dir: string, base: string, env: Record<string, string> = {}): BuiltSite {
  const started = Date.now();
  const run = runBuild(dir, { SITE_BASE: base, ...env });
  if (run.status !== 0) throw new Error(`build of ${dir} failed (${run.status}):\n${run.output}`);
  return { dir, base, ms: Date.now() - started, log: run.output };
}

/** Every file of a built site with the SHA-1 of its content, by path: two sites are the same if these are equal. */
export function siteFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const full = join(dir, f);
    if (statSync(full).isFile()) files[f] = createHash('sha1').update(readFileSync(full)).digest('hex');
  }
  return files;
}
