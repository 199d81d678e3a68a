/**
 * What the built site holds, read from its files: the pages, and which
 * bureau-year pages show a given feature. Tests pick their examples here, so
 * they follow the content instead of hard-coding every page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Paths of all pages relative to the base, e.g. "", "glossary/", "wuhan-jiangan-yibao/2023/". */
export function pagePaths(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name === 'index.html') {
        const rel = relative(dir, d);
        out.push(rel ? `${rel}/` : '');
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** Site sections that are not bureaus (their pages are not bureau or bureau-year pages). */
const SECTIONS = ['glossary/', 'search/', '404/', 'audit/', 'compare/', 'subjects/', 'topics/', 'data/', 'archive/'];
const inSection = (p: string) => SECTIONS.some((s) => p.startsWith(s));

/** Bureau-year pages: "<bureau>/<year>/". */
export function disclosurePaths(dir: string): string[] {
  return pagePaths(dir).filter((p) => /^[a-z0-9-]+\/\d{4}\/$/.test(p) && !inSection(p));
}

/** Bureau pages: "<bureau>/", the folders that hold a bureau-year page. */
export function bureauPaths(dir: string): string[] {
  const years = disclosurePaths(dir);
  return pagePaths(dir).filter((p) => /^[a-z0-9-]+\/$/.test(p) && years.some((y) => y.startsWith(p)));
}

/**
 * Every page, except that of the many pages of one kind (a subject, a subject
 * in a year, a topic in a year, a year's full comparison) only the first two
 * are taken: for the tests that visit each page in the browser.
 */
export function representativePaths(dir: string): string[] {
  const kinds = new Map<string, number>();
  return pagePaths(dir).filter((p) => {
    const m = /^(subjects|topics|compare)\/[^/]+\/(?:[^/]+\/)?/.exec(p);
    if (!m) return true;
    const kind = `${m[1]}/${p.split('/').length}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    return kinds.get(kind)! <= 2;
  });
}

export function html(dir: string, path: string): string {
  return readFileSync(join(dir, path, 'index.html'), 'utf8');
}

/** The first bureau-year page whose HTML contains the text, if any. */
export function disclosureWith(dir: string, text: string): string | undefined {
  return disclosurePaths(dir).find((p) => html(dir, p).includes(text));
}

/** The site's pagefind/years.json, written by scripts/index-search.ts: the years, newest first, and their index parts. */
function searchManifest(dir: string): { years: string[]; parts: Record<string, string[]> } {
  return JSON.parse(readFileSync(join(dir, 'pagefind', 'years.json'), 'utf8')) as { years: string[]; parts: Record<string, string[]> };
}

/** The years with a search index, newest first. */
export function searchYears(dir: string): string[] {
  return searchManifest(dir).years;
}

/** A year's search bundles (its index parts), relative to the base: ["pagefind/2024/0/", …]. */
export function searchBundles(dir: string, year: string): string[] {
  return searchManifest(dir).parts[year]!.map((part) => `pagefind/${part}/`);
}

/** The newest year's first search bundle, relative to the base: "pagefind/2024/0/". */
export function newestSearchBundle(dir: string): string {
  return searchBundles(dir, searchYears(dir)[0]!)[0]!;
}
