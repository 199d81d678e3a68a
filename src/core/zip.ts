/**
 * Deterministic zip archives (fflate): entries sorted by name, one fixed
 * modification time, no extra fields, so the same files always give the same
 * bytes. Zip stores local time without a zone, so the time is set from the
 * UTC date's fields (at noon, clear of any daylight-saving change): the same
 * bytes in every time zone. The files are compressed in worker threads: a
 * large archive (the site's bulk CSV zip is hundreds of megabytes at a
 * province's size) does not hold up the pages being rendered meanwhile.
 */
import { zip, type AsyncZippable } from 'fflate';

/** The DOS timestamp fflate writes, built from the UTC calendar date of `date` (default 1980-01-01). */
function zipTime(date?: Date): Date {
  if (!date) return new Date(1980, 0, 1, 12, 0, 0);
  return new Date(Math.max(1980, date.getUTCFullYear()), date.getUTCMonth(), date.getUTCDate(), 12, 0, 0);
}

/** The zip of `files`. Their contents are handed to the workers (consumed): a Uint8Array passed in is unusable after. */
export function zipFiles(files: readonly { name: string; content: string | Uint8Array }[], date?: Date): Promise<Uint8Array> {
  const mtime = zipTime(date);
  const tree: AsyncZippable = {};
  const encoder = new TextEncoder();
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const bytes = typeof f.content === 'string' ? encoder.encode(f.content) : f.content;
    tree[f.name] = [bytes, { mtime, level: 6 }];
  }
  return new Promise((resolve, reject) => zip(tree, { mtime, level: 6, consume: true }, (error, data) => (error ? reject(error) : resolve(data))));
}
