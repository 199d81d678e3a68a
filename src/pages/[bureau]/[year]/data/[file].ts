/**
 * One bureau-year's downloads: <bureau>-<year>.json and one CSV per table
 * and for the computed figures (src/core/open-data.ts), as written by
 * src/utils/open-data.ts (under `astro build` they are written straight into
 * the output folder, and this route is empty).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bureauYearFileName, RESOURCES } from '../../../../core/open-data.ts';
import { fileResponse, writtenToOutput } from '../../../../utils/open-data.ts';
import { site } from '../../../../utils/site.ts';

export const getStaticPaths = (async () => {
  if (writtenToOutput()) return [];
  const s = await site();
  const names = ['json', ...RESOURCES.map((spec) => spec.name)] as const;
  return s.disclosures.flatMap((d) => names.map((name) => ({ params: { bureau: d.bureauId, year: d.year, file: bureauYearFileName(d.bureauId, d.year, name) } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => fileResponse(`${params.bureau}/${params.year}/data/${params.file}`);
