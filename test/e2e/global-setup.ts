/**
 * Builds the site under SITE_BASE=/zwgk/czzj/ and under /, into temporary
 * folders, and serves each with the tiny static server (directory index, no
 * rewrites). Tests get the URLs through inject().
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/build.ts';
import { serveStatic } from './helpers/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site built under /zwgk/czzj/, e.g. http://127.0.0.1:40000/zwgk/czzj/ */
    subUrl: string;
    subDir: string;
    /** The site built under /. */
    rootUrl: string;
    rootDir: string;
    buildMs: number;
  }
}

export default async function setup(project: TestProject) {
  const tmp = mkdtempSync(join(tmpdir(), 'jsgk-e2e-'));
  const sub = buildSite(join(tmp, 'sub'), '/zwgk/czzj/');
  const root = buildSite(join(tmp, 'root'), '/');
  const subServer = await serveStatic(sub.dir, '/zwgk/czzj/');
  const rootServer = await serveStatic(root.dir, '/');
  project.provide('subUrl', subServer.url);
  project.provide('subDir', sub.dir);
  project.provide('rootUrl', rootServer.url);
  project.provide('rootDir', root.dir);
  project.provide('buildMs', sub.ms);
  console.log(`e2e: built ${sub.dir} in ${sub.ms} ms and ${root.dir} in ${root.ms} ms`);
  return async () => {
    await subServer.close();
    await rootServer.close();
    if (!process.env.KEEP_E2E_SITE) rmSync(tmp, { recursive: true, force: true });
  };
}
