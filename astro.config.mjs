// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { BUILD_CACHE_ENV, CONTENT_DIR, OUTPUT_DIR_ENV } from './src/core/paths.ts';

/**
 * The base path the site is served under, from SITE_BASE at build time
 * (default "/"), e.g. SITE_BASE=/zwgk/czzj/ for a sub-path on a portal.
 */
function basePath(value = '/') {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

// Reproducible builds: a BASE_URL variable in the environment would override the base in the
// prerendered pages (import.meta.env reads process.env); the base comes from SITE_BASE only.
delete process.env.BASE_URL;

/**
 * `astro build` renders the pages; the open data files (tens of thousands on a large
 * site) are written straight into the output folder by src/utils/open-data.ts, which
 * learns the folder here. Under `astro dev` they are served by their endpoints.
 */
let outDir = '';
/** @type {import('astro').AstroIntegration} */
const openDataOutput = {
  name: 'juesuan-open-data',
  hooks: {
    'astro:config:done': ({ config }) => {
      outDir = fileURLToPath(config.outDir);
    },
    'astro:build:start': () => {
      process.env[OUTPUT_DIR_ENV] = outDir;
    },
  },
};

/**
 * `astro dev` reads the content afresh on every request (src/utils/site.ts);
 * this reloads the open preview when a file under the content folder changes.
 * @type {import('vite').Plugin}
 */
const contentReload = {
  name: 'juesuan-content-reload',
  configureServer(server) {
    server.watcher.add(CONTENT_DIR);
    const reload = (/** @type {string} */ file) => {
      if (file.startsWith(CONTENT_DIR)) server.ws.send({ type: 'full-reload' });
    };
    for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, reload);
  },
};

/**
 * `npm run build` keeps a cache per output folder (scripts/build.ts names it):
 * Astro's incremental build, which copies a bureau's
 * pages from the last build when their data and code are unchanged
 * (src/utils/build-keys.ts). `astro build` alone renders everything.
 */
const buildCache = process.env[BUILD_CACHE_ENV];

export default defineConfig({
  integrations: [openDataOutput],
  ...(buildCache ? { cacheDir: buildCache, experimental: { incrementalBuild: true } } : {}),
  base: basePath(process.env.SITE_BASE),
  trailingSlash: 'always',
  // Two pages at a time: a page waiting for the check (src/utils/site.ts) does not hold up the others.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // Astro 7's default Markdown processor is not remark; opt into unified so remark plugins work.
  markdown: { processor: unified() },
  devToolbar: { enabled: false },
  // Never inline a script or asset into the HTML: the pages' Content-Security-Policy
  // allows scripts from the site's own files only (no 'unsafe-inline').
  vite: { build: { assetsInlineLimit: 0 }, plugins: [contentReload] },
});
