/**
 * The bureaus a search term names. Pagefind ranks pages by word statistics,
 * and a bureau's name is made of words that most pages carry (市, 区, 医疗,
 * 保障, 局): at 3,000 bureaus a year, 临江市东阳区医疗保障局 ranked its own page
 * fifth of eight, after downloading ≈ 500 KB of index. The search page
 * therefore answers a term that is only a bureau's name with the bureau
 * (askedBureau), and links the bureaus a longer term names above the results
 * (namedBureaus). The names (full, short and former) come from each site's
 * list of its bureaus (BUREAUS_FILE), not from the index. Pure: the search page (search.ts) does
 * the fetching and the links.
 */
import { compareText } from '../core/order.ts';

/** More matches than this: the term is a kind of bureau (医疗保障局), not a name; nothing is linked. */
export const MAX_NAMED = 5;

/** Characters a part of a name must have to count (东西湖区医疗保障局 does, 保障局 does not). */
export const MIN_PART = 4;

/** The term as the names are written: without spaces. */
const typedOf = (term: string) => term.replace(/\s+/gu, '');

/** The bureaus of the sites searched, by every name each is known by: full, short and former. */
export interface Names {
  /** Every name, each once. */
  list: string[];
  /** The bureaus a name is one of the names of (a short name may be two bureaus'). */
  bureaus: Map<string, SearchBureau[]>;
}

/** The names of `bureaus`; a bureau listed twice (the same page) counts once. */
export function namesOf(bureaus: readonly SearchBureau[]): Names {
  const byName = new Map<string, SearchBureau[]>();
  const seen = new Set<string>();
  for (const b of bureaus) {
    if (seen.has(b.url)) continue;
    seen.add(b.url);
    for (const name of new Set([b.name, ...b.aliases])) byName.set(name, [...(byName.get(name) ?? []), b]);
  }
  return { list: [...byName.keys()], bureaus: byName };
}

/** The bureaus having any of `names`, each once, longest full name first. */
function bureausOf(names: readonly string[], all: Names): SearchBureau[] {
  const found = new Map(names.flatMap((n) => all.bureaus.get(n)!).map((b) => [b.url, b]));
  return [...found.values()].sort((a, b) => b.name.length - a.name.length || compareText(a.name, b.name));
}

/**
 * The bureaus `term` names: those with a name it contains (a name and other
 * words: "武汉市江岸区医疗保障局 三公经费"), else those with a name containing
 * it when it has at least MIN_PART characters ("江岸区医疗保障"). Spaces are
 * ignored. Longest name first; none when more than MAX_NAMED bureaus match.
 */
export function namedBureaus(term: string, names: Names): SearchBureau[] {
  const typed = typedOf(term);
  if (typed === '') return [];
  const contained = names.list.filter((name) => typed.includes(name));
  const found = bureausOf(contained.length > 0 ? contained : [...typed].length >= MIN_PART ? names.list.filter((name) => name.includes(typed)) : [], names);
  return found.length > MAX_NAMED ? [] : found;
}

/**
 * The bureau a term asks for, when it is nothing but one bureau's name: one
 * of its names (full, short or former), or the end of names of exactly one
 * bureau with at least MIN_PART characters (the name without its city,
 * "江岸区医疗保障局"). Spaces are ignored. The search page answers such a term
 * with the bureau itself rather than a search of its words, which most pages
 * carry.
 */
export function askedBureau(term: string, names: Names): SearchBureau | undefined {
  const typed = typedOf(term);
  const exact = names.bureaus.get(typed);
  if (exact) return exact.length === 1 ? exact[0] : undefined;
  if ([...typed].length < MIN_PART) return undefined;
  const ending = bureausOf(names.list.filter((name) => name.endsWith(typed)), names);
  return ending.length === 1 ? ending[0] : undefined;
}

/** Each site's bureaus, under its base path (src/pages/search/bureaus.json.ts writes it). */
export const BUREAUS_FILE = 'search/bureaus.json';

/** A bureau as the 部门 box links it. */
export interface SearchBureau {
  /** Full name, e.g. 武汉市江岸区医疗保障局. */
  name: string;
  /** Other names it is known by: its short name (江岸区医保局) and former names. */
  aliases: string[];
  /** Its page (every year), the site's base path included, e.g. /zwgk/czzj/wuhan-jiangan-yibao/. */
  url: string;
  /** The years it has a page for (<url><year>/), oldest first. */
  years: string[];
}

/** The bureaus listed in a BUREAUS_FILE, or an error naming what is wrong. A list without aliases (an older build) has none. */
export function parseBureaus(json: unknown): SearchBureau[] {
  const bureaus = (json as { bureaus?: unknown } | null)?.bureaus;
  const ok = (b: Partial<SearchBureau>) =>
    typeof b.name === 'string' &&
    b.name !== '' &&
    (b.aliases === undefined || (Array.isArray(b.aliases) && b.aliases.every((a) => typeof a === 'string' && a !== ''))) &&
    typeof b.url === 'string' &&
    b.url.startsWith('/') &&
    b.url.endsWith('/') &&
    Array.isArray(b.years) &&
    b.years.every((y) => typeof y === 'string' && /^\d{4}$/.test(y));
  if (!Array.isArray(bureaus) || !bureaus.every((b) => typeof b === 'object' && b !== null && ok(b as Partial<SearchBureau>))) {
    throw new Error(`${BUREAUS_FILE}: expected {"bureaus": [{"name": "…局", "aliases": ["…"], "url": "/…/", "years": ["2023", …]}, …]}`);
  }
  return (bureaus as SearchBureau[]).map(({ name, aliases = [], url, years }) => ({ name, aliases, url, years }));
}
