/**
 * Which Pagefind indexes a search uses. scripts/index-search.ts writes one
 * index per year, in parts (pagefind/<year>/<n>/), and pagefind/years.json
 * listing the years, newest first, and each year's parts. The search page searches the newest year by default; the
 * reader may choose another year or 全部年度 (every year's index, merged in
 * the browser). Other sites of a portal (site.yaml `portal`) contribute their
 * indexes of the same year. Pure functions: the search page (search.ts) does
 * the fetching and the UI.
 */

/** The list of indexed years, in pagefind/. */
export const YEARS_FILE = 'years.json';

/** Contents of pagefind/years.json. */
export interface YearsManifest {
  /** Years with an index, e.g. ["2024", "2023"], newest first. */
  years: string[];
  /** Each year's index parts, folders under pagefind/, e.g. {"2024": ["2024/0", "2024/1"]}; searched together. */
  parts: Record<string, string[]>;
}

/** The choice that searches every year (?year=all). */
export const ALL_YEARS = 'all';

/** One site's search bundles: its pagefind/ folder, and the years and their parts indexed there (its years.json). */
export interface SearchSite extends YearsManifest {
  /** Path of the site's pagefind/ folder, ending in "/", e.g. "/zwgk/czzj/pagefind/". */
  bundle: string;
}

/** Where a site's pages start, from its pagefind/ folder: the folder holding it. */
export function siteBaseOf(bundle: string): string {
  return bundle.replace(/pagefind\/$/, '');
}

/** A Pagefind index to search, as PagefindUI's bundlePath and mergeIndex take it. */
export interface Bundle {
  bundlePath: string;
  /** Where the site's result links start: the folder holding its pagefind/. */
  baseUrl: string;
}

/** The years and parts listed in a years.json, or an error naming what is wrong. */
export function parseManifest(json: unknown): YearsManifest {
  const { years, parts } = (json ?? {}) as Partial<YearsManifest>;
  const isYear = (y: unknown) => typeof y === 'string' && /^\d{4}$/.test(y);
  const partsOk = (year: string) => {
    const list = parts?.[year];
    return Array.isArray(list) && list.length > 0 && list.every((p) => typeof p === 'string' && p.startsWith(`${year}/`) && /^\d{4}\/\d+$/.test(p));
  };
  if (!Array.isArray(years) || !years.every(isYear) || !years.every(partsOk)) {
    throw new Error(`${YEARS_FILE}: expected {"years": ["2024", …], "parts": {"2024": ["2024/0", …], …}}`);
  }
  return { years, parts: Object.fromEntries(years.map((y) => [y, parts![y]!])) };
}

const newestFirst = (a: string, b: string) => b.localeCompare(a);

/** Every year any of the sites has indexed, newest first. */
export function yearsOf(sites: readonly SearchSite[]): string[] {
  return [...new Set(sites.flatMap((s) => s.years))].sort(newestFirst);
}

/** Of `years`, those a choice searches (that year, or every one for 全部年度), newest first. */
export function yearsChosen(choice: string, years: readonly string[]): string[] {
  return years.filter((y) => choice === ALL_YEARS || y === choice).sort(newestFirst);
}

/** The year searched: ?year= when it is one of `years` or 全部年度, otherwise the newest year. */
export function chosenYear(param: string | null, years: readonly string[]): string {
  if (param === ALL_YEARS || (param !== null && years.includes(param))) return param;
  return years[0] ?? ALL_YEARS;
}

/**
 * The indexes a choice searches, the first being the primary (PagefindUI's
 * bundlePath) and the others merged into it (mergeIndex): every part of one
 * year of each site that has it, or for 全部年度 of every year of every site,
 * newest first.
 */
export function bundlesFor(choice: string, sites: readonly SearchSite[]): Bundle[] {
  return yearsChosen(choice, yearsOf(sites)).flatMap((year) =>
    sites
      .filter((s) => s.years.includes(year))
      .flatMap((s) => s.parts[year]!.map((part) => ({ bundlePath: `${s.bundle}${part}/`, baseUrl: siteBaseOf(s.bundle) }))),
  );
}

/** The search page's address for a choice and a term (?year=…&q=…), keeping the path. */
export function searchHref(path: string, year: string, term: string): string {
  const params = new URLSearchParams({ year });
  if (term.trim()) params.set('q', term.trim());
  return `${path}?${params}`;
}
