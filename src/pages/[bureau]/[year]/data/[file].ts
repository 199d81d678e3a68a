/**
 * One bureau-year's downloads: <bureau>-<year>.json and one CSV per table
 * and for the computed figures (src/core/open-data.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { fileResponse, openData } from '../../../../utils/open-data.ts';

export const getStaticPaths = (async () => {
  const { byBureauYear } = await openData();
  return [...byBureauYear.entries()].flatMap(([id, files]) => {
    const [bureau, year] = id.split('/');
    return files.map((f) => ({ params: { bureau, year, file: f.path.split('/').at(-1)! }, props: { path: f.path, content: f.content } }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => fileResponse(props.path as string, props.content as string);
