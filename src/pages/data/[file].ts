/**
 * The site-wide open data: one CSV per resource over all bureau-years,
 * datapackage.json (Fiscal Data Package), index.json (every bureau-year with
 * its files' SHA-256) and a zip of the CSVs with the descriptor.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, openData, writtenToOutput } from '../../utils/open-data.ts';

export const getStaticPaths = (async () => {
  // Under `astro build` the files are written straight into the output folder (src/utils/open-data.ts).
  if (writtenToOutput()) return [];
  const { siteFiles } = await openData();
  return [...siteFiles.keys()].map((path) => ({ params: { file: path.replace(/^data\//, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => fileResponse(`data/${params.file}`);
