/**
 * The comparison figures kept between builds (src/utils/keyed-years.ts): read
 * back, they are exactly what keyedYear() computes; a bureau whose key is
 * unchanged has its figures read back without computing them, a bureau whose
 * key changed has them computed again.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bureauKeys } from '../../src/core/check/cache.ts';
import { keyedYear, type KeyedYear } from '../../src/core/compare.ts';
import { analyse, previousYear, type Disclosure } from '../../src/core/disclosure.ts';
import { loadContent } from '../../src/core/load.ts';
import { BUILD_CACHE_ENV } from '../../src/core/paths.ts';
import { keyedYears } from '../../src/utils/keyed-years.ts';
import { tempDir } from '../temp.ts';

const { content } = loadContent('content');
const disclosures = content.years.map((y) => {
  const previous = previousYear(content.years, y);
  return analyse({ id: y.id, data: y.data, narrative: y.narrative, narrativeFile: y.narrativeFile, ...(previous ? { previous: previous.data } : {}) });
});
const keys = bureauKeys('content')!;

/** The same bureau-years, with figures that must not be computed: reading them fails the test. */
const uncomputable = (list: Disclosure[]) =>
  list.map((d) =>
    Object.defineProperty({ id: d.id, bureauId: d.bureauId, year: d.year, data: d.data }, 'figures', {
      get: () => {
        throw new Error(`${d.id}: figures computed`);
      },
    }) as Disclosure,
  );

/** What the pages read of the data, and the figures as comparable values (exact values as text). */
const plain = (list: KeyedYear[]) =>
  list.map((k) => ({ id: `${k.bureauId}/${k.year}`, data: k.data, figures: [...k.figures].map(([name, f]) => ({ name, ...f, value: f.value?.toString() ?? null })) }));

describe('keyedYears kept in the build cache', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('computes them once, then reads them back exactly, without computing', () => {
    const cache = tempDir('keyed-years-');
    vi.stubEnv(BUILD_CACHE_ENV, cache);
    vi.stubEnv('DEV', false);
    const reference = plain(disclosures.map((d) => keyedYear(d)));
    expect(reference.flatMap((r) => r.figures).filter((f) => f.value !== null).length).toBeGreaterThan(50);
    expect(plain(keyedYears(disclosures, keys))).toEqual(reference);
    expect(existsSync(join(cache, 'keyed-years.bin'))).toBe(true);
    const back = keyedYears(uncomputable(disclosures), keys);
    expect(plain(back)).toEqual(reference);
    // Values are exact decimals again, not text.
    expect(back[0]!.figures.get('expenditureTotal')!.value!.plus(0).toString()).toBe(reference[0]!.figures.find((f) => f.name === 'expenditureTotal')!.value);
  });

  it("a bureau whose key changed has its figures computed again; the others' are read back", () => {
    const cache = tempDir('keyed-years-');
    vi.stubEnv(BUILD_CACHE_ENV, cache);
    vi.stubEnv('DEV', false);
    keyedYears(disclosures, keys);
    const changed = disclosures[0]!.bureauId;
    const newKeys = new Map(keys).set(changed, 'another key');
    const mixed = disclosures.map((d, i) => (d.bureauId === changed ? d : uncomputable(disclosures)[i]!));
    expect(plain(keyedYears(mixed, newKeys))).toEqual(plain(disclosures.map((d) => keyedYear(d))));
    expect(() => keyedYears(uncomputable(disclosures), keys)).toThrow(`${disclosures[0]!.id}: figures computed`);
  });

  it('keeps nothing without a build cache or under astro dev', () => {
    const cache = tempDir('keyed-years-');
    vi.stubEnv(BUILD_CACHE_ENV, cache);
    vi.stubEnv('DEV', true);
    keyedYears(disclosures, keys);
    expect(existsSync(join(cache, 'keyed-years.bin'))).toBe(false);
  });
});
