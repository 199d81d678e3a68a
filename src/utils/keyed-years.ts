/**
 * Every bureau-year with only the figures the pages across bureaus show
 * (keyedYear() in src/core/compare.ts: about 30 of its 300 figures), kept
 * between builds of `npm run build` in its build cache (BUILD_CACHE_ENV).
 *
 * Computing the figures of every bureau-year is most of what the comparison
 * and topic pages cost when one bureau changed. Those figures depend only on
 * the bureau's own files and the code of src/core, which is exactly the
 * checker's key of the bureau (src/core/check/cache.ts): a bureau-year whose
 * bureau has the same key as last time has its figures read back (their exact
 * values stored as text), the others are computed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeWhole } from '../core/check/cache.ts';
import { crossBureauFigures, keyedYear, type KeyedData, type KeyedYear } from '../core/compare.ts';
import type { FigureValue } from '../core/figures.ts';
import type { Disclosure } from '../core/disclosure.ts';
import { D } from '../core/money.ts';
import { BUILD_CACHE_ENV } from '../core/paths.ts';

/** Bump when the stored form changes. */
const FORMAT = 3;

type StoredFigure = Omit<FigureValue, 'value'> & { name: string; value: string | null };

interface Stored {
  format: number;
  node: string;
  /** By bureau-year id: the key of its bureau, what the pages read of its data, and its figures. */
  years: Record<string, { key: string; data: KeyedData; figures: StoredFigure[] }>;
}

function read(file: string): Stored['years'] {
  try {
    const stored = deserialize(readFileSync(file)) as Stored;
    return stored.format === FORMAT && stored.node === process.version ? stored.years : {};
  } catch {
    return {};
  }
}

/** `disclosures` as keyedYear() makes them; `keys`: the checker's key of each bureau (none: nothing is kept). */
export function keyedYears(disclosures: readonly Disclosure[], keys: ReadonlyMap<string, string> | null): KeyedYear[] {
  const cache = process.env[BUILD_CACHE_ENV];
  const file = !import.meta.env.DEV && keys && cache ? join(cache, 'keyed-years.bin') : undefined;
  const stored = file ? read(file) : {};
  const kept: Stored['years'] = {};
  const names = crossBureauFigures();
  let computed = 0;
  const result = disclosures.map((d): KeyedYear => {
    const key = keys?.get(d.bureauId);
    const hit = stored[d.id];
    if (key !== undefined && hit?.key === key) {
      kept[d.id] = hit;
      const figures = new Map(hit.figures.map(({ name, ...f }): [string, FigureValue] => [name, { ...f, value: f.value === null ? null : new D(f.value) }]));
      return { bureauId: d.bureauId, year: d.year, data: hit.data, figures };
    }
    const made = keyedYear(d, names);
    computed++;
    if (key !== undefined) kept[d.id] = { key, data: made.data, figures: [...made.figures].map(([name, f]) => ({ name, ...f, value: f.value === null ? null : f.value.toString() })) };
    return made;
  });
  if (file && (computed > 0 || Object.keys(kept).length !== Object.keys(stored).length)) {
    writeWhole(file, serialize({ format: FORMAT, node: process.version, years: kept } satisfies Stored));
  }
  return result;
}
