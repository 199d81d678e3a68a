/**
 * The site's catalogue: bureaus grouped by region, the bureau × year grid,
 * the newest disclosures, and the glossary merged across bureau-years.
 * Pure functions of the loaded content; the pages only render what they return.
 */
import GithubSlugger from 'github-slugger';
import type { Bureau, BureauYear } from './schema.ts';
import { compareText } from './order.ts';

// ---------------------------------------------------------------------------
// Regions

export interface BureauRef {
  id: string;
  data: Bureau;
}

export interface RegionGroup<T> {
  /** e.g. 湖北省, 武汉市, 江岸区; "" when the level is not named. */
  name: string;
  children: T[];
}

/** Province → city → district → bureaus, each level sorted by the smallest division code below it. */
export type RegionTree = RegionGroup<RegionGroup<RegionGroup<BureauRef>>>[];

const collator = new Intl.Collator('zh-CN');

export function regionTree(bureaus: readonly BureauRef[]): RegionTree {
  const sorted = [...bureaus].sort(
    (a, b) => compareText(a.data.region.code, b.data.region.code) || collator.compare(a.data.name, b.data.name),
  );
  const tree: RegionTree = [];
  const group = <T>(list: RegionGroup<T>[], name: string): RegionGroup<T> => {
    let g = list.find((x) => x.name === name);
    if (!g) list.push((g = { name, children: [] }));
    return g;
  };
  for (const b of sorted) {
    const { province, city = '', district = '' } = b.data.region;
    group(group(group(tree, province).children, city).children, district).children.push(b);
  }
  return tree;
}

/** "湖北省 武汉市 江岸区" */
export function regionName(b: Bureau): string {
  return [b.region.province, b.region.city, b.region.district].filter(Boolean).join(' ');
}

/**
 * The name without the region it starts with: 武汉市江岸区医疗保障局 in
 * 湖北省 武汉市 江岸区 is 医疗保障局. The search's 部门 filter has these
 * values: with the 地区 filter they pick one bureau, alone they pick a kind of
 * bureau in every region, and a province's thousands of bureaus make a list of
 * a few dozen names. A name that does not start with its region is kept whole.
 */
export function nameInRegion(b: Bureau): string {
  const { province, city = '', district = '' } = b.region;
  // The longest region prefix the name starts with.
  const prefix = [province + city + district, city + district, district, city, province].find((p) => p !== '' && b.name.startsWith(p));
  const rest = prefix === undefined ? '' : b.name.slice(prefix.length);
  return rest === '' ? b.name : rest;
}

/**
 * The other names a reader may search a bureau by: the short name the
 * documents use (江岸区医保局) and the names it published under before, each
 * once; not the end of its full name (东阳区财政局 of 临江市东阳区财政局),
 * which the search page's 部门 box finds as it is.
 */
export function otherNames(b: Bureau): string[] {
  return [...new Set([b.shortName, ...b.formerNames.map((f) => f.name)])].filter((n) => !b.name.endsWith(n));
}

// ---------------------------------------------------------------------------
// Years

export interface YearRef {
  bureauId: string;
  year: string;
  data: Pick<BureauYear, 'published' | 'asOf' | 'year'>;
}

/** All years that have a disclosure, oldest first. */
export function allYears(years: readonly YearRef[]): string[] {
  return [...new Set(years.map((y) => y.year))].sort();
}

/** The newest disclosures: latest year first, then the latest publication date. Each one's data is read once (a site's data is read back on demand). */
export function newest<T extends YearRef>(years: readonly T[], count: number): T[] {
  return years
    .map((y) => ({ y, published: y.data.published ?? '' }))
    .sort((a, b) => compareText(b.y.year, a.y.year) || compareText(b.published, a.published) || compareText(a.y.bureauId, b.y.bureauId))
    .slice(0, count)
    .map(({ y }) => y);
}

// ---------------------------------------------------------------------------
// Glossary

export interface GlossaryUse {
  bureauId: string;
  bureauName: string;
  year: string;
}

export interface GlossaryTerm {
  /** Normalised term used to match (see termKey). */
  key: string;
  /** The term as first printed. */
  term: string;
  /** Anchor on the glossary page. */
  slug: string;
  /** Whether it is a functional classification subject (…(类)…(款)…(项)). */
  subject: boolean;
  /** Distinct definitions, each with the bureau-years that print it. */
  definitions: { definition: string; uses: GlossaryUse[] }[];
}

/** A term normalised for matching: no spaces, half-width brackets, one kind of quotes. */
export function termKey(term: string): string {
  return term
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"＂「」]/g, '"')
    .replace(/[‘’']/g, "'");
}

function definitionKey(definition: string): string {
  return termKey(definition).replace(/[。.]$/, '');
}

/** Merge the glossaries of all bureau-years: one entry per term, with each distinct definition and who uses it. */
export function mergeGlossary(
  items: readonly { bureauId: string; bureauName: string; year: string; glossary: readonly { term: string; definition: string }[] }[],
): GlossaryTerm[] {
  const byKey = new Map<string, GlossaryTerm>();
  // Per term: its definitions by normalised text, and the bureau-years already counted (a site has thousands).
  const definitions = new Map<GlossaryTerm, Map<string, GlossaryTerm['definitions'][number]>>();
  const counted = new Set<string>();
  const ordered = [...items].sort((a, b) => compareText(a.bureauId, b.bureauId) || compareText(a.year, b.year));
  for (const item of ordered) {
    for (const entry of item.glossary) {
      const key = termKey(entry.term);
      let term = byKey.get(key);
      if (!term) {
        term = { key, term: entry.term.trim(), slug: '', subject: /\(类\)/.test(key), definitions: [] };
        byKey.set(key, term);
        definitions.set(term, new Map());
      }
      const dk = definitionKey(entry.definition);
      let def = definitions.get(term)!.get(dk);
      if (!def) {
        term.definitions.push((def = { definition: entry.definition.trim(), uses: [] }));
        definitions.get(term)!.set(dk, def);
      }
      const use = `${key}\0${dk}\0${item.bureauId}/${item.year}`;
      if (!counted.has(use)) {
        counted.add(use);
        def.uses.push({ bureauId: item.bureauId, bureauName: item.bureauName, year: item.year });
      }
    }
  }
  const terms = [...byKey.values()].sort(
    (a, b) => Number(a.subject) - Number(b.subject) || collator.compare(a.key, b.key),
  );
  const slugger = new GithubSlugger();
  for (const t of terms) t.slug = `term-${slugger.slug(t.key) || 'x'}`;
  return terms;
}

/**
 * A definition printed by more bureau-years than this is shown on the glossary
 * page with how many use it, not with a link to each: at 15,000 bureau-years
 * the links made a page of 16 MB (176,767 links). Each bureau-year's page
 * shows the definitions it prints.
 */
export const USES_LISTED = 20;

/** What the glossary page shows of a definition's uses: each of them when there are few, else how many bureau-years and bureaus. */
export function usesShown(uses: readonly GlossaryUse[]): { listed: readonly GlossaryUse[] } | { bureauYears: number; bureaus: number } {
  if (uses.length <= USES_LISTED) return { listed: uses };
  return { bureauYears: uses.length, bureaus: new Set(uses.map((u) => u.bureauId)).size };
}

/** A bureau-year's glossary as a lookup by normalised term. */
export function glossaryLookup(glossary: readonly { term: string; definition: string }[]): Map<string, { term: string; definition: string }> {
  return new Map(glossary.map((g) => [termKey(g.term), g]));
}

/**
 * The glossary key of a functional subject row (项 level): the documents name
 * it "类名(类)款名(款)项名(项)". Returns undefined when the parents are not in the rows.
 */
export function subjectTermKey(rows: readonly { code: string; name: string }[], row: { code: string; name: string }): string | undefined {
  if (row.code.length !== 7) return undefined;
  const cls = rows.find((r) => r.code === row.code.slice(0, 3));
  const kuan = rows.find((r) => r.code === row.code.slice(0, 5));
  if (!cls || !kuan) return undefined;
  return termKey(`${cls.name}(类)${kuan.name}(款)${row.name}(项)`);
}
