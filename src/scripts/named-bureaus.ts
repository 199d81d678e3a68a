/**
 * The bureaus a search term names. Pagefind ranks pages by word statistics,
 * and a bureau's name is made of words that most pages carry (市, 区, 医疗,
 * 保障, 局): at 3,000 bureaus a year, 临江市东阳区医疗保障局 ranked its own page
 * fifth of eight, after downloading ≈ 500 KB of index. The search page
 * therefore answers a term that is only a bureau's name with the bureau
 * (askedBureau), and links the bureaus a longer term names above the results
 * (namedBureaus). The names come from each site's list of its bureaus
 * (BUREAUS_FILE), not from the index. Pure: the search page (search.ts) does
 * the fetching and the links.
 */
import { compareText } from '../core/order.ts';
import { ALL_YEARS } from './search-years.ts';

/** More matches than this: the term is a kind of bureau (医疗保障局), not a name; nothing is linked. */
export const MAX_NAMED = 5;

/** Characters a part of a name must have to count (东西湖区医疗保障局 does, 保障局 does not). */
export const MIN_PART = 4;

/** The term as the names are written: without spaces. */
const typedOf = (term: string) => term.replace(/\s+/gu, '');

/**
 * The names (full names, as in the sites' lists of bureaus) that `term` names: those it
 * contains (a name and other words: "武汉市江岸区医疗保障局 三公经费"), else
 * those containing it when it has at least MIN_PART characters
 * ("江岸区医疗保障"). Spaces are ignored. Longest match first; none when
 * more than MAX_NAMED match.
 */
export function namedBureaus(term: string, names: readonly string[]): string[] {
  const typed = typedOf(term);
  if (typed === '') return [];
  const contained = names.filter((name) => typed.includes(name));
  const found = contained.length > 0 ? contained : [...typed].length >= MIN_PART ? names.filter((name) => name.includes(typed)) : [];
  if (found.length > MAX_NAMED) return [];
  return [...found].sort((a, b) => b.length - a.length || compareText(a, b));
}

/**
 * The bureau a term asks for, when it is nothing but a bureau's name: a full
 * name, or the end of exactly one name with at least MIN_PART characters (the
 * name without its city, "江岸区医疗保障局"). Spaces are ignored. The search page
 * answers such a term with the bureau itself rather than a search of its
 * words, which most pages carry.
 */
export function askedBureau(term: string, names: readonly string[]): string | undefined {
  const typed = typedOf(term);
  if (names.includes(typed)) return typed;
  if ([...typed].length < MIN_PART) return undefined;
  const ending = names.filter((name) => name.endsWith(typed));
  return ending.length === 1 ? ending[0] : undefined;
}

/** Each site's bureaus, under its base path (src/pages/search/bureaus.json.ts writes it). */
export const BUREAUS_FILE = 'search/bureaus.json';

/** A bureau as the 部门 box links it. */
export interface SearchBureau {
  /** Full name, e.g. 武汉市江岸区医疗保障局. */
  name: string;
  /** Its page (every year), the site's base path included, e.g. /zwgk/czzj/wuhan-jiangan-yibao/. */
  url: string;
  /** The years it has a page for (<url><year>/), oldest first. */
  years: string[];
}

/** The bureaus listed in a BUREAUS_FILE, or an error naming what is wrong. */
export function parseBureaus(json: unknown): SearchBureau[] {
  const bureaus = (json as { bureaus?: unknown } | null)?.bureaus;
  const ok = (b: Partial<SearchBureau>) =>
    typeof b.name === 'string' &&
    b.name !== '' &&
    typeof b.url === 'string' &&
    b.url.startsWith('/') &&
    b.url.endsWith('/') &&
    Array.isArray(b.years) &&
    b.years.every((y) => typeof y === 'string' && /^\d{4}$/.test(y));
  if (!Array.isArray(bureaus) || !bureaus.every((b) => typeof b === 'object' && b !== null && ok(b as Partial<SearchBureau>))) {
    throw new Error(`${BUREAUS_FILE}: expected {"bureaus": [{"name": "…局", "url": "/…/", "years": ["2023", …]}, …]}`);
  }
  return (bureaus as SearchBureau[]).map(({ name, url, years }) => ({ name, url, years }));
}

/** The bureau's years that a choice searches (one year, or every year for 全部年度), newest first. */
export function yearsSearched(bureau: SearchBureau, choice: string): string[] {
  return bureau.years.filter((y) => choice === ALL_YEARS || y === choice).sort((a, b) => compareText(b, a));
}
