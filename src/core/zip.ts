/**
 * Deterministic zip archives (fflate): entries sorted by name, one fixed
 * modification time, no extra fields, so the same files always give the same
 * bytes. Zip stores local time without a zone, so the time is set from the
 * UTC date's fields (at noon, clear of any daylight-saving change): the same
 * bytes in every time zone.
 */
import { zipSync, type Zippable } from 'fflate';

/** The DOS timestamp fflate writes, built from the UTC calendar date of `date` (default 1980-01-01). */
function zipTime(date?: Date): Date {
  if (!date) return new Date(1980, 0, 1, 12, 0, 0);
  return new Date(Math.max(1980, date.getUTCFullYear()), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
}

export function zipFiles(files: readonly { name: string; content: string | Uint8Array }[], date?: Date): Uint8Array {
  const mtime = zipTime(date);
  const tree: Zippable = {};
  const encoder = new TextEncoder();
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const bytes = typeof f.content === 'string' ? encoder.encode(f.content) : f.content;
    tree[f.name] = [bytes, { mtime, level: 6 }];
  }
  return zipSync(tree, { mtime, level: 6 });
}
