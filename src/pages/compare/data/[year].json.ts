/** compare/data/<year>.json: every bureau of the year with its comparison figures, for the comparison page's script. */
import type { APIRoute } from 'astro';
import { allYears } from '../../../core/catalogue.ts';
import { site } from '../../../utils/site.ts';
import { compareData } from '../../../utils/compare-data.ts';

export async function getStaticPaths() {
  const s = await site();
  return allYears(s.disclosures).map((year) => ({ params: { year } }));
}

export const GET: APIRoute = async ({ params }) => {
  const s = await site();
  return new Response(JSON.stringify(compareData(s, params.year!)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
