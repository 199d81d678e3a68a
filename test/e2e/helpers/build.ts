/**
 * Builds the site the way `npm run build` does (astro build, then the
 * Pagefind step), into a folder of our choosing and under a given base path.
 * The content check that `npm run build` runs first is tested on its own.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

function run(args: string[], env: Record<string, string>): string {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    // NODE_ENV=production as in `npm run build`: Vitest sets NODE_ENV=test, under which Astro builds in a
    // non-production mode and the pages would lack their Content-Security-Policy meta tag.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env },
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
