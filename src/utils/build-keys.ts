/**
 * What a rebuild may reuse from the last build: the key of each bureau-year
 * page and bureau page (Astro's `cacheKey`, for its incremental build, which
 * astro.config.mjs turns on under `npm run build`), of each bureau-year's
 * open data files, of the site-wide CSVs and of the bulk zip
 * (src/utils/open-data.ts). Equal keys mean equal output.
 *
 * So a key covers everything its output is made from, besides the code of the
 * page, which Astro hashes itself:
 *   - its bureau's files (bureau.yaml, every year's data.yaml and
 *     narrative.md), the classification lists and the code of src/core: the
 *     checker's own key of the bureau (src/core/check/cache.ts), which also
 *     decides the bureau's findings, shown on its pages;
 *   - for pages, the site configuration every page shows (name, organisation,
 *     footer), and what other bureaus decide: the glossary anchors of a
 *     bureau-year's terms (numbered across the site) and a bureau's
 *     predecessors and successors;
 *   - for open data files, the code that writes them; a site-wide CSV's key
 *     is the checksums of the bureau-year CSVs it joins, in order.
 * A subject page's key is the data it shows (the subject's summary and, for a
 * year, every bureau's row): one bureau-year changed renders again only the
 * subjects it reports. The other pages across bureaus (comparisons, the
 * glossary, open data) have no key and are always rendered. Under `astro dev`
 * nothing has a key.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { termKey } from '../core/catalogue.ts';
import { subjectYearRows } from '../core/compare.ts';
import { CONTENT_DIR } from '../core/paths.ts';
import type { Disclosure } from '../core/disclosure.ts';
import { compareSite } from './compare-site.ts';
import { perBuild } from './per-build.ts';
import { site } from './site.ts';

export interface BuildKeys {
  /** The key of a bureau-year page; undefined: render it. */
  bureauYearPage(d: Disclosure): string | undefined;
  /** The key of a bureau page; undefined: render it. */
  bureauPage(bureauId: string): string | undefined;
  /** The key of a bureau-year's open data files; undefined: write them. */
  bureauYearFiles(d: Disclosure): string | undefined;
  /** The key of a subject's page (`year` undefined) or of its page for one year. */
  subjectPage(code: string, year?: string): string | undefined;
  /** The key of the bulk zip made with this datapackage.json (which holds every site-wide CSV's checksum); undefined: make it. */
  bulkZip(datapackage: string): string | undefined;
  /** The key of a site-wide CSV made from these bureau-year CSVs (their checksums, in order); undefined: make it. */
  siteCsv(name: string, parts: readonly string[]): string | undefined;
}

const digest = (...parts: string[]) => createHash('sha1').update(parts.join('\0')).digest('hex');

/** The code that writes the open data files, outside src/core (run from the project folder, as the checker is). */
const OPEN_DATA_WRITER = resolve('src/utils/open-data.ts');
/** What else a site-wide CSV's bytes depend on: how a bureau-year's CSV becomes its rows (csvRows) and the header. */
const SITE_CSV_MAKER = resolve('src/core/open-data.ts');
/** What else a zip's bytes depend on: its writer, the libraries' versions (fflate) and Node's zlib. */
const ZIP_MAKERS = [resolve('src/core/zip.ts'), resolve('package-lock.json')];

async function make(): Promise<BuildKeys> {
  const s = await site();
  const keys = import.meta.env.DEV ? null : s.bureauKeys;
  const none = () => undefined;
  if (!keys) return { bureauYearPage: none, bureauPage: none, bureauYearFiles: none, subjectPage: none, bulkZip: none, siteCsv: none };
  const c = await compareSite();
  // The findings a page lists name their files relative to the working folder.
  const pages = digest('pages 1', JSON.stringify(s.config), CONTENT_DIR, process.cwd());
  const files = existsSync(OPEN_DATA_WRITER) ? digest('files 1', readFileSync(OPEN_DATA_WRITER, 'utf8')) : undefined;
  const zip =
    files !== undefined && ZIP_MAKERS.every((f) => existsSync(f)) ? digest('zip 1', files, process.versions.zlib ?? '', ...ZIP_MAKERS.map((f) => readFileSync(f, 'utf8'))) : undefined;
  const csv = files !== undefined && existsSync(SITE_CSV_MAKER) ? digest('site csv 1', files, readFileSync(SITE_CSV_MAKER, 'utf8')) : undefined;
  const slugs = new Map(s.glossary.map((g) => [g.key, g.slug]));
  const keyed = (bureauId: string, make: (key: string) => string) => {
    const key = keys.get(bureauId);
    return key === undefined ? undefined : make(key);
  };
  return {
    bureauYearPage: (d) => keyed(d.bureauId, (key) => digest(pages, key, d.id, JSON.stringify(d.data.glossary.map((g) => slugs.get(termKey(g.term)) ?? null)))),
    bureauPage: (bureauId) => keyed(bureauId, (key) => digest(pages, key, bureauId, JSON.stringify(c.lineage.get(bureauId) ?? null))),
    bureauYearFiles: (d) => (files === undefined ? undefined : keyed(d.bureauId, (key) => digest(files, key, d.id))),
    bulkZip: (datapackage) => (zip === undefined ? undefined : digest(zip, datapackage)),
    siteCsv: (name, parts) => (csv === undefined ? undefined : digest(csv, name, ...parts)),
    subjectPage(code, year) {
      const summary = JSON.stringify(c.subjects.get(code) ?? null);
      if (year === undefined) return digest(pages, code, summary);
      const data = subjectYearRows(c.uses.get(code) ?? [], year);
      return digest(pages, code, year, summary, JSON.stringify(data), JSON.stringify(data.rows.map((r) => c.bureauName(r.bureauId))));
    },
  };
}

export const buildKeys = perBuild(make);
