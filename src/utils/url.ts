/**
 * Every internal link and asset goes through `url()`, so the site works
 * under "/" and under a sub-path (SITE_BASE, e.g. /zwgk/czzj/).
 */
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** An internal URL under the base path: url('a/2023/') → "/zwgk/czzj/a/2023/". */
export function url(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

export const homeUrl = () => url('');
export const bureauUrl = (bureauId: string) => url(`${bureauId}/`);
export const disclosureUrl = (bureauId: string, year: string) => url(`${bureauId}/${year}/`);
export const glossaryUrl = (slug?: string) => url(`glossary/${slug ? `#${slug}` : ''}`);
export const searchUrl = () => url('search/');
export const auditUrl = (hash?: string) => url(`audit/${hash ? `#${hash}` : ''}`);
/** 部门对比; with a year and bureaus the choice is in the query (?year=2022&b=a,b). */
export const compareUrl = (year?: string, bureauIds: readonly string[] = []) =>
  url(`compare/${year ? `?year=${year}${bureauIds.length ? `&b=${bureauIds.join(',')}` : ''}` : ''}`);
/** The full comparison table of one year (works without JavaScript). */
export const compareYearUrl = (year: string) => url(`compare/${year}/`);
export const compareDataUrl = (year: string) => url(`compare/data/${year}.json`);
/** 科目查询: the index, a subject, or a subject in one year. */
export const subjectUrl = (code?: string, year?: string) => url(`subjects/${code ? `${code}/${year ? `${year}/` : ''}` : ''}`);
/** 三公经费 / 机关运行经费 across bureaus, optionally one year. */
export const topicUrl = (topic: 'three-public' | 'operating-cost', year?: string) => url(`topics/${topic}/${year ? `${year}/` : ''}`);
