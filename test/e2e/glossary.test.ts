/**
 * 名词解释 on a site where a definition is printed by more bureau-years than
 * USES_LISTED: the page says how many bureaus and bureau-years print it
 * instead of linking each (at 15,000 bureau-years the links made a 16 MB
 * page); a definition printed by few keeps its links.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { USES_LISTED } from '../../src/core/catalogue.ts';
import { GENERAL_TERMS } from '../../scripts/synthetic/vocabulary.ts';
import { generate } from '../../scripts/synthetic/generate.ts';
import { buildSite } from './helpers/build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'jsgk-glossary-'));
const BUREAUS = 5;
const YEARS = 5;
let html: string;

beforeAll(() => {
  generate({ dir: join(tmp, 'content'), bureaus: BUREAUS, years: YEARS });
  buildSite(join(tmp, 'site'), '/', { CONTENT_DIR: join(tmp, 'content') });
  html = readFileSync(join(tmp, 'site', 'glossary', 'index.html'), 'utf8');
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('a definition every bureau-year prints is counted, not linked; a rarer one keeps its links', () => {
  expect(BUREAUS * YEARS).toBeGreaterThan(USES_LISTED);
  // Every synthetic bureau-year prints the general terms with the same wording.
  const { term, definition } = GENERAL_TERMS.find((t) => t.term === '基本支出')!;
  const entry = html.slice(html.indexOf(`>${term}<`), html.indexOf('</dd>', html.indexOf(definition)));
  expect(entry).toContain(definition);
  expect(entry).toContain(`${BUREAUS} 个部门的 ${BUREAUS * YEARS} 个年度决算使用本解释`);
  expect(entry).not.toContain('使用本解释的决算：');
  // The subjects' definitions differ by bureau-year: those are still linked, each to its bureau-year page.
  expect(html).toMatch(/使用本解释的决算：\s*<ul>\s*<li>\s*<a href="\/[a-z0-9-]+\/\d{4}\/"/);
});
