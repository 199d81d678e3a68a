/**
 * Astro content collections over the same loader and schema that the scripts
 * and tests use (src/core). A content error stops the build with file:line;
 * in `astro dev` a bad edit is reported and the server keeps running.
 *
 * Incremental: Astro keeps the data store between builds (in its cache
 * folder). Each bureau-year carries the digest of its raw data.yaml and
 * narrative.md; an entry whose digest is unchanged is neither read as YAML
 * nor validated again, only entries that changed are, and entries whose files
 * are gone are removed. Validation happens once, in src/core/load.ts (the
 * schema below gives the collections their types and is not run twice).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { bureauSchema, bureauYearSchema } from './core/schema.ts';
import { loadContent, contentErrorsError } from './core/load.ts';
import { CONTENT_DIR } from './core/paths.ts';

/** The loader and schema source: when they change, every stored entry is parsed again. */
const codeDigest = createHash('sha1')
  .update(['src/core/schema.ts', 'src/core/load.ts'].map((f) => (existsSync(resolve(f)) ? readFileSync(resolve(f), 'utf8') : f)).join('\0'))
  .digest('hex')
  .slice(0, 12);

function contentLoader(kind: 'bureaus' | 'years'): Loader {
  return {
    name: `disclosure-${kind}`,
    load: async ({ store, generateDigest, watcher, logger }) => {
      const sync = () => {
        const { content, errors, unchanged } = loadContent(CONTENT_DIR, {
          // The bureaus collection needs no bureau-year; the years collection only the changed ones.
          skipYear: kind === 'bureaus' ? () => true : (id, digest) => store.get(id)?.digest === `${codeDigest}:${digest}`,
        });
        // The years collection reads every changed file and reports all errors (its own and the bureaus'); the
        // bureaus collection skips the years, so its list would be partial: it leaves the reporting to the years.
        if (errors.length > 0 && kind === 'years') throw contentErrorsError(errors);
        const present = new Set<string>(kind === 'bureaus' ? content.bureaus.map((b) => b.id) : [...unchanged, ...content.years.map((y) => y.id)]);
        for (const id of store.keys()) if (!present.has(id)) store.delete(id);
        if (kind === 'bureaus') {
          for (const b of content.bureaus) {
            store.set({ id: b.id, data: b.data, filePath: b.file, digest: generateDigest(JSON.stringify(b.data)) });
          }
        } else {
          for (const y of content.years) {
            store.set({ id: y.id, data: y.data, body: y.narrative, filePath: y.dataFile, digest: `${codeDigest}:${y.digest}` });
          }
          if (unchanged.length > 0) logger.info(`${content.years.length} 个部门年度有改动，${unchanged.length} 个未改动 / changed ${content.years.length}, unchanged ${unchanged.length}`);
        }
      };
      sync();
      watcher?.add(CONTENT_DIR);
      watcher?.on('change', (file) => {
        if (!file.startsWith(CONTENT_DIR)) return;
        // In `astro dev`, a bad edit is reported and the last good content stays on screen; the server keeps running.
        try {
          sync();
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      });
    },
  };
}

export const collections = {
  bureaus: defineCollection({ loader: contentLoader('bureaus'), schema: bureauSchema }),
  years: defineCollection({ loader: contentLoader('years'), schema: bureauYearSchema }),
};
