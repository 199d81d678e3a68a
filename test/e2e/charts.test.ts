/**
 * Charts: 图1–图4 on every bureau-year page and the trends on every bureau
 * page are drawn (the canvas has pixels) with their data tables; a chart with
 * unknown data says 数据不全，无法绘制; Chart.js is only loaded where charts are.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './helpers/browser.ts';
import { bureauPaths, disclosurePaths, html } from './helpers/site.ts';

const base = inject('subUrl');
const dir = inject('subDir');
const origin = new URL(base).origin;

const open = useBrowser();

/** For each chart figure: drawable or not, whether its canvas has non-blank pixels, and its data table rows. */
function inspectCharts(page: Page) {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((f) => {
      const canvas = f.querySelector('canvas');
      let painted = 0;
      if (canvas && canvas.width > 0 && canvas.height > 0) {
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      }
      return {
        id: f.id,
        hasCanvas: !!canvas,
        drawn: f.classList.contains('is-drawn'),
        painted,
        unavailable: f.querySelector('.chart__unavailable')?.textContent ?? null,
        rows: f.querySelectorAll('.chart__data tbody tr').length,
        caption: f.querySelector('figcaption')?.textContent ?? '',
      };
    }),
  );
}

describe('charts', () => {
  test('every bureau-year page has 图1–图4, drawn or marked 数据不全, each with a summary and a data table', async () => {
    for (const path of disclosurePaths(dir)) {
      const visit = await open(origin);
      await visit.page.goto(base + path, { waitUntil: 'networkidle' });
      const charts = await inspectCharts(visit.page);
      const ids = charts.map((c) => c.id);
      expect(ids, path).toEqual(expect.arrayContaining(['fig-1', 'fig-2', 'fig-3', 'fig-4']));
      for (const c of charts) {
        expect.soft(c.rows, `${path} ${c.id} table`).toBeGreaterThan(0);
        expect.soft(c.caption.length, `${path} ${c.id} caption`).toBeGreaterThan(10);
        if (c.hasCanvas) {
          expect.soft(c.drawn, `${path} ${c.id} drawn`).toBe(true);
          expect.soft(c.painted, `${path} ${c.id} pixels`).toBeGreaterThan(500);
        } else {
          expect.soft(c.unavailable, `${path} ${c.id}`).toBe('数据不全，无法绘制');
        }
      }
      expect(visit.errors, path).toEqual([]);
      await visit.page.context().close();
    }
  });

  test('江岸 2023 draws all four template charts', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + 'wuhan-jiangan-yibao/2023/', { waitUntil: 'networkidle' });
    const charts = await inspectCharts(visit.page);
    for (const id of ['fig-1', 'fig-2', 'fig-3', 'fig-4']) {
      const c = charts.find((x) => x.id === id)!;
      expect(c.drawn, id).toBe(true);
      expect(c.painted, id).toBeGreaterThan(500);
    }
    // Markers in the narrative place the charts inside 第三部分, each once.
    expect(await visit.page.$$eval('#part3 ~ * figure.chart, section:has(#part3) figure.chart', (f) => f.length)).toBe(4);
    await visit.page.context().close();
  });

  test('every bureau page draws its trends and prints the numbers as a table', async () => {
    for (const path of bureauPaths(dir)) {
      const visit = await open(origin);
      await visit.page.goto(base + path, { waitUntil: 'networkidle' });
      const charts = await inspectCharts(visit.page);
      // The trends, then one chart per table of 各表历年对比 (src/components/compare/BureauYearsComparison.astro).
      const perTable = ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09'].map((t) => `compare-${t}`);
      expect(charts.map((c) => c.id), path).toEqual(['trend-total', 'trend-basic-project', 'trend-classes', ...perTable]);
      for (const c of charts) {
        if (c.hasCanvas) expect.soft(c.painted, `${path} ${c.id}`).toBeGreaterThan(500);
        else expect.soft(c.unavailable, `${path} ${c.id}`).toBe('数据不全，无法绘制');
      }
      expect(await visit.page.$$eval('table caption', (cs) => cs.some((c) => c.textContent!.includes('历年主要收支数字')))).toBe(true);
      expect(visit.errors, path).toEqual([]);
      await visit.page.context().close();
    }
  });

  test('a chart whose data is unknown is not drawn', () => {
    // Found by content: any page whose built HTML marks a chart unavailable must have no canvas in that figure.
    const pages = [...disclosurePaths(dir), ...bureauPaths(dir)].filter((p) => html(dir, p).includes('chart__unavailable'));
    for (const p of pages) {
      const figures = html(dir, p).split('<figure').slice(1);
      for (const f of figures.filter((x) => x.includes('chart__unavailable'))) {
        expect(f.split('</figure>')[0]).not.toContain('<canvas');
        expect(f).toContain('数据不全，无法绘制');
      }
    }
  });

  test('Chart.js is bundled from the site, registers only what it uses, and loads only on pages with charts', async () => {
    const assets = readdirSync(join(dir, '_astro')).filter((f) => f.endsWith('.js'));
    const chartFiles = assets.filter((f) => readFileSync(join(dir, '_astro', f), 'utf8').includes('doughnut'));
    expect(chartFiles.length).toBeGreaterThan(0);
    const bundle = chartFiles.map((f) => readFileSync(join(dir, '_astro', f), 'utf8')).join('\n');
    // chart.js/auto registers every controller; a radar or polarArea controller means it was used.
    expect(bundle).not.toMatch(/["']radar["']/);
    expect(bundle).not.toMatch(/["']polarArea["']/);
    for (const path of ['', 'glossary/', 'search/']) {
      const visit = await open(origin);
      const scripts: string[] = [];
      visit.page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      await visit.page.goto(base + path, { waitUntil: 'networkidle' });
      expect(scripts.filter((s) => chartFiles.some((f) => s.endsWith(f))), path).toEqual([]);
      await visit.page.context().close();
    }
  });

  test('no inline scripts: every <script> has a src or is a non-executed data block', () => {
    for (const p of [...disclosurePaths(dir), ...bureauPaths(dir), '', 'glossary/', 'search/']) {
      const tags = html(dir, p).match(/<script\b[^>]*>/g) ?? [];
      for (const tag of tags) expect(tag, p).toMatch(/\bsrc=|type="application\/json"/);
    }
  });
});
