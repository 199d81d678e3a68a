/**
 * Astro content collections over the same loader and schema that the scripts
 * and tests use (src/core). A content error stops the build with file:line;
 * in `astro dev` a bad edit is reported and the server keeps running.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { bureauSchema, bureauYearSchema } from './core/schema.ts';
import { loadContent, contentErrorsError } from './core/load.ts';
import { CONTENT_DIR } from './core/paths.ts';

function contentLoader(kind: 'bureaus' | 'years'): Loader {
  return {
    name: `disclosure-${kind}`,
    load: async ({ store, parseData, generateDigest, watcher, logger }) => {
      const sync = async () => {
        const { content, errors } = loadContent(CONTENT_DIR);
        if (errors.length > 0) throw contentErrorsError(errors);
        store.clear();
        if (kind === 'bureaus') {
          for (const b of content.bureaus) {
            const data = await parseData({ id: b.id, data: b.data });
            store.set({ id: b.id, data, filePath: b.file, digest: generateDigest(JSON.stringify(b.data)) });
          }
        } else {
          for (const y of content.years) {
            const data = await parseData({ id: y.id, data: y.data });
            store.set({ id: y.id, data, body: y.narrative, filePath: y.dataFile, digest: generateDigest(JSON.stringify(y.data) + y.narrative) });
          }
        }
      };
      await sync();
      watcher?.add(CONTENT_DIR);
      watcher?.on('change', (file) => {
        if (!file.startsWith(CONTENT_DIR)) return;
        // In `astro dev`, a bad edit is reported and the last good content stays on screen; the server keeps running.
        sync().catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
      });
    },
  };
}

export const collections = {
  bureaus: defineCollection({ loader: contentLoader('bureaus'), schema: bureauSchema }),
  years: defineCollection({ loader: contentLoader('years'), schema: bureauYearSchema }),
};
