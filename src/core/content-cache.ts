/**
 * The content as the pages read it, kept per bureau between runs.
 *
 * Parsing and validating a bureau's YAML is most of the cost of loading the
 * content, and on a rebuild nearly every bureau is unchanged. So each bureau's
 * validated content (its bureau.yaml and every year's data and narrative) is
 * stored under the checker's key of the bureau (src/core/check/cache.ts: the
 * bytes of its files, the classification lists, the code of src/core and the
 * library versions), in Node's own serialisation (node:v8), which keeps
 * what JSON would lose (an unknown amount stays undefined, not null). A bureau
 * whose key is unchanged is read back; the others are parsed and stored.
 * A bureau with a file that cannot be read or validated is never stored: its
 * errors are reported afresh on every run.
 *
 * The cache lives in node_modules/.cache/juesuan-content/ (one folder per
 * content folder, one file per bureau); deleting it only makes the next load
 * slower.
 *
 * The loaded content is held the same way, serialised per bureau: a Buffer
 * lies outside the JavaScript heap, which the garbage collector walks again
 * and again while a large site is rendered (at 15,000 bureau-years the parsed
 * content is 1.4 GB of heap). A bureau-year's `data`
 * and `narrative` are read back when first asked for, and only the last few
 * bureaus read are kept parsed: pages, and the passes over every bureau-year,
 * go bureau by bureau.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { bureauKeys, cacheFolderOf, writeWhole } from './check/cache.ts';
import { errorsUnder, loadContent, type BureauEntry, type BureauYearEntry, type ContentError } from './load.ts';
import { compareText } from './order.ts';
import { keepRecent } from './remember.ts';

/** A bureau as loadContent() gives it, without its line lookup (what the pages read). */
export type LoadedBureau = Omit<BureauEntry, 'lineOf'>;
/** A bureau-year as loadContent() gives it, without its line lookup. */
export type LoadedYear = Omit<BureauYearEntry, 'lineOf'>;

export interface LoadedContent {
  bureaus: LoadedBureau[];
  years: LoadedYear[];
  errors: ContentError[];
  /** The checker's key of every bureau (null: nothing could be cached), for what else is keyed by bureau. */
  keys: Map<string, string> | null;
  /** Bureaus read back from the cache, and those parsed in this run. */
  cached: number;
  parsed: number;
}

/** Bump when the stored form changes. */
const FORMAT = 1;
/** Bureaus parsed together: the parsed YAML (with its line positions) of one batch only is in memory at once. */
const BATCH = 32;
/** Bureaus kept parsed after their content was read (Astro renders two pages at a time, each reading one bureau). */
const RECENT_BUREAUS = 4;

interface Stored {
  format: number;
  /** The serialisation is Node's: read back by the same version only. */
  node: string;
  /** The checker's key of the bureau. */
  key: string;
  bureau: LoadedBureau;
  years: LoadedYear[];
}

export function defaultContentCacheDir(): string {
  return resolve('node_modules/.cache/juesuan-content');
}

function readStored(file: string, key: string): { stored: Stored; bytes: Buffer } | null {
  try {
    const bytes = readFileSync(file);
    const stored = deserialize(bytes) as Stored;
    return stored.format === FORMAT && stored.node === process.version && stored.key === key ? { stored, bytes } : null;
  } catch {
    return null;
  }
}

/**
 * The bureaus' serialised content, read back on demand (the last
 * RECENT_BUREAUS kept parsed), and the bureau-years whose data and narrative
 * it gives.
 */
function heldContent() {
  const held = new Map<string, Buffer>();
  const remember = keepRecent(RECENT_BUREAUS);
  const parsedYears = (bureauId: string): Map<string, LoadedYear> =>
    remember(bureauId, () => new Map((deserialize(held.get(bureauId)!) as Stored).years.map((y) => [y.id, y])));
  return {
    /** Hold a bureau's stored form; returns its bureau-years, their data and narrative read from it when asked for. */
    hold(stored: Stored, bytes: Buffer): LoadedYear[] {
      held.set(stored.bureau.id, bytes);
      return stored.years.map(({ data: _data, narrative: _narrative, ...light }) => {
        const own = () => parsedYears(light.bureauId).get(light.id)!;
        return Object.defineProperties(light, {
          data: { get: () => own().data, enumerable: true },
          narrative: { get: () => own().narrative, enumerable: true },
        }) as LoadedYear;
      });
    },
  };
}

/**
 * Load and validate the content under `root`, like loadContent(), reading
 * unchanged bureaus back from the cache (`cacheDir: false` turns it off).
 * The result is the same either way; nothing is thrown for bad input.
 */
export function loadContentCached(root: string, options: { cacheDir?: string | false } = {}): LoadedContent {
  const keys = bureauKeys(root);
  const folder = options.cacheDir === false || keys === null ? null : cacheFolderOf(root, options.cacheDir ?? defaultContentCacheDir());
  const bureaus: LoadedBureau[] = [];
  const years: LoadedYear[] = [];
  const errors: ContentError[] = [];
  const misses: string[] = [];
  const held = heldContent();
  if (folder !== null && keys !== null) {
    mkdirSync(folder, { recursive: true });
    for (const [bureauId, key] of keys) {
      const hit = readStored(join(folder, `${bureauId}.bin`), key);
      if (!hit) {
        misses.push(bureauId);
        continue;
      }
      bureaus.push(hit.stored.bureau);
      years.push(...held.hold(hit.stored, hit.bytes));
    }
    // Bureaus that are gone.
    for (const file of readdirSync(folder)) if (!keys.has(file.replace(/\.bin$/, ''))) rmSync(join(folder, file), { force: true });
  }
  const cached = bureaus.length;

  // Without a cache every bureau is parsed (the folder listing is loadContent's own).
  const batches: ((bureauId: string) => boolean)[] = [];
  if (folder === null) batches.push(() => true);
  else for (let start = 0; start < misses.length; start += BATCH) {
    const batch = new Set(misses.slice(start, start + BATCH));
    batches.push((bureauId) => batch.has(bureauId));
  }
  let parsed = 0;
  for (const inBatch of batches) {
    const loaded = loadContent(root, { bureaus: inBatch });
    errors.push(...loaded.errors);
    const yearsOf = Map.groupBy(loaded.content.years, (y) => y.bureauId);
    for (const b of loaded.content.bureaus) {
      parsed++;
      const { lineOf: _bureauLines, ...bureau } = b;
      const own = (yearsOf.get(b.id) ?? []).map(({ lineOf: _lines, ...y }): LoadedYear => y);
      const key = keys?.get(b.id);
      const stored: Stored = { format: FORMAT, node: process.version, key: key ?? '', bureau, years: own };
      const bytes = serialize(stored);
      bureaus.push(bureau);
      years.push(...held.hold(stored, bytes));
      if (folder !== null && key !== undefined && !errorsUnder(loaded.errors, join(root, 'bureaus', b.id))) writeWhole(join(folder, `${b.id}.bin`), bytes);
    }
  }
  bureaus.sort((a, b) => compareText(a.id, b.id));
  years.sort((a, b) => compareText(a.bureauId, b.bureauId) || compareText(a.year, b.year));
  return { bureaus, years, errors, keys, cached, parsed };
}
