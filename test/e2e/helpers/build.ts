/**
 * Builds the site the way `npm run build` does — the same pipeline,
 * scripts/build.ts (check, astro build, Pagefind, publish) — into a folder of
 * our choosing and under a given base path.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface BuildRun {
  status: number | null;
  /** stdout and stderr. */
  output: string;
}

/** Run scripts/build.ts --out <dir> with extra environment (SITE_BASE, CONTENT_DIR, …). */
export function runBuild(dir: string, env: Record<string, string> = {}): BuildRun {
  // Vitest's workers set Vite's BASE_URL, MODE, DEV, PROD and SSR in process.env; Astro would read them as the
  // site's own (BASE_URL would override SITE_BASE), so the build gets an environment without them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k)));
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--out', dir], {
    cwd: ROOT,
    // NODE_ENV=production as in `npm run build`: Vitest sets NODE_ENV=test, under which Astro builds in a
    // non-production mode and the pages would lack their Content-Security-Policy meta tag.
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', CI: '1', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
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
