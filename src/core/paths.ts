/** Where the content lives, relative to the project root (the working directory of every npm script). */
import { resolve } from 'node:path';

export const CONTENT_DIR = resolve(process.env.CONTENT_DIR ?? 'content');

/**
 * The environment variable naming the folder `npm run build` keeps between
 * builds of one output folder (scripts/build.ts): Astro's incremental build
 * (astro.config.mjs), which open data files were written under which key
 * (src/utils/open-data.ts) and the comparison figures (src/utils/keyed-years.ts).
 */
export const BUILD_CACHE_ENV = 'JUESUAN_BUILD_CACHE';

/**
 * The environment variable through which `astro build` tells the open data
 * writer (src/utils/open-data.ts) its output folder (astro.config.mjs sets it).
 */
export const OUTPUT_DIR_ENV = 'JUESUAN_OUTPUT_DIR';
