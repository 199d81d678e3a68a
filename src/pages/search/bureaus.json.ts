/**
 * search/bureaus.json: every bureau with its other names, its page and its years, for the
 * search page's 部门 box (src/scripts/named-bureaus.ts). A portal's search page
 * reads the same file of each of its other sites.
 */
import type { APIRoute } from 'astro';
import { otherNames } from '../../core/catalogue.ts';
import type { SearchBureau } from '../../scripts/named-bureaus.ts';
import { site } from '../../utils/site.ts';
import { bureauUrl } from '../../utils/url.ts';

export const GET: APIRoute = async () => {
  const s = await site();
  const bureaus: SearchBureau[] = s.bureaus.map((b) => ({
    name: b.data.name,
    aliases: otherNames(b.data),
    url: bureauUrl(b.id),
    years: b.disclosures.map((d) => d.year),
  }));
  return new Response(JSON.stringify({ bureaus }), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
