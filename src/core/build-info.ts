/**
 * Where a build's dates and provenance come from, so that the same content
 * builds to the same bytes whatever the clock: never the current time, but
 * SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds.org
 * convention) or else the date of the last commit. Without either, no date
 * is written.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The content's date: SOURCE_DATE_EPOCH, else the last commit's time, else undefined. */
export function sourceDate(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH 应为整数秒 / must be whole seconds since 1970, got "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  const committed = git(['log', '-1', '--format=%ct'], cwd);
  return committed ? new Date(Number(committed) * 1000) : undefined;
}

/** "2024-06-30T08:00:00Z" (UTC, whole seconds). */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The commit the content was built from, with "+dirty" when the work tree has uncommitted changes. */
export function sourceCommit(cwd = process.cwd()): string | undefined {
  const head = git(['rev-parse', 'HEAD'], cwd);
  if (!head) return undefined;
  const dirty = git(['status', '--porcelain', '--untracked-files=no'], cwd);
  return dirty ? `${head}+dirty` : head;
}

/** The version of an installed package, from its package.json. */
export function packageVersion(name: string, cwd = process.cwd()): string {
  const file = join(cwd, name === '.' ? '' : `node_modules/${name}`, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
