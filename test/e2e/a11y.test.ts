/** axe-core on every page type: no serious or critical violations. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, inject, test } from 'vitest';
import { useBrowser } from './helpers/browser.ts';
import { bureauPaths, disclosureWith } from './helpers/site.ts';

const base = inject('subUrl');
const dir = inject('subDir');
const origin = new URL(base).origin;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGES: Record<string, string | undefined> = {
  home: '',
  bureau: bureauPaths(dir)[0],
  'bureau-year (all nine tables)': 'wuhan-jiangan-yibao/2023/',
  'bureau-year (partial tables)': disclosureWith(dir, '本表数据摘自情况说明'),
  'bureau-year (differing figures)': disclosureWith(dir, '（原文为“'),
  glossary: 'glossary/',
  'audit (数据核对)': 'audit/',
  'compare (bureaus chosen)': 'compare/?year=2022&b=nanchang-donghu-yibao,wuhan-caidian-yibao',
  'compare (a year in full)': 'compare/2022/',
  subjects: 'subjects/',
  'subject (类)': 'subjects/210/',
  'subject-year': 'subjects/2101301/2023/',
  'three-public across bureaus': 'topics/three-public/2022/',
  'open data': 'data/',
  archive: 'archive/',
  search: 'search/?q=%E5%8C%BB%E7%96%97%E6%95%91%E5%8A%A9',
  'not found': '404.html',
};

const open = useBrowser();

for (const [name, path] of Object.entries(PAGES)) {
  test.skipIf(path === undefined)(`${name}: no serious or critical axe violations`, async () => {
    const visit = await open(origin);
    await visit.page.goto(base + path!, { waitUntil: 'networkidle' });
    if (name === 'search') await visit.page.waitForSelector('.pagefind-ui__result-link');
    // axe is injected through the DevTools protocol, which the page's CSP does not govern.
    await visit.page.evaluate(AXE);
    const results = await visit.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
    const serious = results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
    await visit.page.context().close();
  });
}
