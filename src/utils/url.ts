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
