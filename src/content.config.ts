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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { bureauSchema, bureauYearSchema, type BureauYear } from './core/schema.ts';
import { loadContent, contentErrorsError, type ContentError } from './core/load.ts';
import { CONTENT_DIR } from './core/paths.ts';

/** The loader and schema source: when they change, every stored entry is parsed again. */
const codeDigest = createHash('sha1')
  .update(['src/core/schema.ts', 'src/core/load.ts'].map((f) => (existsSync(resolve(f)) ? readFileSync(resolve(f), 'utf8') : f)).join('\0'))
  .digest('hex')
  .slice(0, 12);

/** Bureaus read together when syncing the bureau-years. */
const BATCH = 32;

function contentLoader(kind: 'bureaus' | 'years'): Loader {
  return {
    name: `disclosure-${kind}`,
    load: async ({ store, generateDigest, watcher, logger }) => {
      const sync = () => {
        if (kind === 'bureaus') {
          // The bureaus collection needs no bureau-year. Its error list would be partial (it skips the years), so it
          // leaves the reporting to the years collection, which reports every error, the bureaus' included.
          const { content } = loadContent(CONTENT_DIR, { skipYear: () => true });
          const present = new Set(content.bureaus.map((b) => b.id));
          for (const id of store.keys()) if (!present.has(id)) store.delete(id);
          for (const b of content.bureaus) {
            store.set({ id: b.id, data: b.data, filePath: b.file, digest: generateDigest(JSON.stringify(b.data)) });
          }
          return;
        }
        // The years collection: only the changed entries are parsed, a batch of bureaus at a time, so the parsed
        // YAML (with its line positions, many times the size of the file) of only one batch is in memory at once.
        // Nothing is stored until every batch is read: a content error leaves the store as it was.
        const errors: ContentError[] = [];
        const present = new Set<string>();
        const changed: { id: string; data: BureauYear; body: string; filePath: string; digest: string }[] = [];
        const bureausDir = join(CONTENT_DIR, 'bureaus');
        const names = existsSync(bureausDir) ? readdirSync(bureausDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
        for (let start = 0; start < Math.max(names.length, 1); start += BATCH) {
          const batch = new Set(names.slice(start, start + BATCH));
          const loaded = loadContent(CONTENT_DIR, {
            bureaus: (bureauId) => batch.has(bureauId),
            skipYear: (id, digest) => store.get(id)?.digest === `${codeDigest}:${digest}`,
          });
          errors.push(...loaded.errors);
          for (const id of loaded.unchanged) present.add(id);
          for (const y of loaded.content.years) {
            present.add(y.id);
            changed.push({ id: y.id, data: y.data, body: y.narrative, filePath: y.dataFile, digest: `${codeDigest}:${y.digest}` });
          }
        }
        if (errors.length > 0) throw contentErrorsError(errors);
        for (const id of store.keys()) if (!present.has(id)) store.delete(id);
        for (const y of changed) store.set(y);
        if (present.size > changed.length) {
          logger.info(`${changed.length} 个部门年度有改动，${present.size - changed.length} 个未改动 / changed ${changed.length}, unchanged ${present.size - changed.length}`);
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
