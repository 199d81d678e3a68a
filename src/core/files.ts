import { copyFileSync, linkSync } from 'node:fs';

/**
 * `from` placed at `to` (which must not exist): hard-linked, else copied (another
 * file system, or links not allowed). Only for files that are replaced, never
 * changed in place: a link shares the bytes with `from`.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
