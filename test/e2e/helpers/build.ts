/**
 * Builds the site the way `npm run build` does (astro build, then the
 * Pagefind step), into a folder of our choosing and under a given base path.
 * The content check that `npm run build` runs first is tested on its own.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The environment without what Vitest sets for its own runs (NODE_ENV=test,
 * DEV=1, MODE, PROD, SSR, VITEST…): Astro would read them and make a
 * development build (no CSP, content reloaded on every page).
 */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID']) delete env[key];
  return env;
}

function run(args: string[], env: Record<string, string>): string {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}):\n${output}`);
  return output;
}

export interface BuiltSite {
  dir: string;
  base: string;
  /** Milliseconds for astro build + Pagefind. */
  ms: number;
  log: string;
}

export function buildSite(dir: string, base: string): BuiltSite {
  const started = Date.now();
  const astro = run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dir], { SITE_BASE: base });
  const pagefind = run(['scripts/index-search.ts', dir], {});
  return { dir, base, ms: Date.now() - started, log: astro + pagefind };
}
