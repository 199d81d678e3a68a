/**
 * The bureaus a search term names. Pagefind ranks pages by word statistics,
 * and a bureau's name is made of words that most pages carry (市, 区, 医疗,
 * 保障, 局): at 3,000 bureaus a year, 临江市东阳区医疗保障局 ranked its own page
 * fifth of eight, after downloading ≈ 500 KB of index. The search page
 * therefore answers a term that is only a bureau's name with the bureau
 * (askedBureau), and links the bureaus a longer term names above the results
 * (namedBureaus). Pure: the search page (search.ts) finds the names (the 部门
 * filter's values) and the links.
 */
import { compareText } from '../core/order.ts';

/** More matches than this: the term is a kind of bureau (医疗保障局), not a name; nothing is linked. */
export const MAX_NAMED = 5;

/** Characters a part of a name must have to count (东西湖区医疗保障局 does, 保障局 does not). */
export const MIN_PART = 4;

/** The term as the names are written: without spaces. */
const typedOf = (term: string) => term.replace(/\s+/gu, '');

/**
 * The names (full names, as in the 部门 filter) that `term` names: those it
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

/** A bureau's page (all its years) from the address of one of its bureau-year pages (…/<bureau>/<year>/). */
export function bureauUrlOf(bureauYearUrl: string): string {
  return bureauYearUrl.replace(/[^/]+\/$/u, '');
}
