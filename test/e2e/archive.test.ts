/**
 * Open data and archive in the browser: the 数据下载 links of a bureau-year
 * page and the 开放数据 page work under the sub-path, the index's checksums
 * match the files, the 历史版本与存档 page lists every recorded snapshot, and
 * a snapshot opened from disk (file://) shows its pages, tables and chart data
 * while its search page says search needs a server.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { useBrowser } from './helpers/browser.ts';
import { loadArchive } from '../../src/core/archive.ts';

const base = inject('subUrl');
const dir = inject('subDir');
const origin = new URL(base).origin;
const JIANGAN = 'wuhan-jiangan-yibao/2023/';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const open = useBrowser();

describe('open data', () => {
  test('every 数据下载 link of a bureau-year page downloads its file under the sub-path', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + JIANGAN);
    const section = visit.page.locator('section[aria-labelledby="downloads"]');
    await expect(section.locator('h2').innerText()).resolves.toBe('数据下载');
    const links = await section.locator('a[data-download]').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, raw: a.getAttribute('href')!, download: a.getAttribute('download') })));
    expect(links.length).toBe(12);
    for (const link of links) {
      expect(link.raw.startsWith('/zwgk/czzj/wuhan-jiangan-yibao/2023/data/'), link.raw).toBe(true);
      expect(link.download).toBe(link.raw.split('/').at(-1));
      const response = await visit.page.request.get(link.href);
      expect(response.status(), link.raw).toBe(200);
      const body = await response.body();
      if (link.raw.endsWith('.csv')) expect([...body.subarray(0, 3)], `${link.raw}: BOM`).toEqual([0xef, 0xbb, 0xbf]);
      else expect(JSON.parse(body.toString('utf8')).id).toBe('wuhan-jiangan-yibao/2023');
    }
    // The CSV states the same 合计 as the page's 03 table.
    const csv = (await (await visit.page.request.get(`${base}${JIANGAN}data/wuhan-jiangan-yibao-2023-t03.csv`)).text()).split('\r\n');
    expect(csv[1]).toContain(',合计,合计,1234.07,');
    await expect(visit.page.locator('section[aria-labelledby="t03"] table').innerText()).resolves.toContain('1,234.07');
    expect(visit.errors).toEqual([]);
    await visit.page.context().close();
  });

  test('the 开放数据 page links work, and index.json\'s SHA-256 values match the files', async () => {
    const visit = await open(origin);
    await visit.page.goto(`${base}data/`);
    const hrefs = await visit.page.locator('a[data-download]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(14);
    for (const href of hrefs) expect((await visit.page.request.get(href)).status(), href).toBe(200);
    const index = (await (await visit.page.request.get(`${base}data/index.json`)).json()) as {
      base: string;
      bulk: { path: string; sha256: string };
      bureauYears: { id: string; url: string; files: { path: string; sha256: string; bytes: number }[] }[];
    };
    expect(index.base).toBe('/zwgk/czzj/');
    expect(index.bureauYears.map((b) => b.id)).toContain('wuhan-jiangan-yibao/2023');
    for (const file of [index.bulk, ...index.bureauYears.flatMap((b) => b.files)]) {
      const body = await (await visit.page.request.get(origin + file.path)).body();
      expect(sha256(body), file.path).toBe(file.sha256);
    }
    for (const b of index.bureauYears) expect((await visit.page.request.get(origin + b.url)).status()).toBe(200);
    await visit.page.context().close();
  });
});

describe('archive', () => {
  test('the 历史版本与存档 page lists every recorded snapshot with its manifest SHA-256', async () => {
    const { archive } = loadArchive('content');
    expect(archive.snapshots.length).toBeGreaterThan(0);
    const visit = await open(origin);
    await visit.page.goto(`${base}archive/`);
    await expect(visit.page.locator('h1').innerText()).resolves.toBe('历史版本与存档');
    const rows = await visit.page.locator('table[data-snapshots] tbody tr').allInnerTexts();
    expect(rows.length).toBe(archive.snapshots.length);
    for (const s of archive.snapshots) expect(rows.some((r) => r.includes(s.date) && r.includes(s.manifestSha256))).toBe(true);
    // The footer leads here from every page.
    await visit.page.goto(base);
    await visit.page.locator('footer a', { hasText: '历史版本与存档' }).click();
    expect(visit.page.url()).toBe(`${base}archive/`);
    await visit.page.context().close();
  });

  describe('a snapshot opened from disk', () => {
    let tmp: string;
    let offline: string;
    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'jsgk-e2e-bag-'));
      const r = spawnSync(process.execPath, ['scripts/snapshot.ts', '--site', dir, '--out', tmp, '--name', 'bag'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      offline = `file://${join(tmp, 'bag', 'data', 'offline')}/`;
    }, 120_000);
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    test('shows a bureau-year page with its tables and every chart\'s data table, without errors', async () => {
      const visit = await open('file://');
      await visit.page.goto(`${offline}${JIANGAN}index.html`, { waitUntil: 'load' });
      await expect(visit.page.locator('h1').innerText()).resolves.toContain('2023 年度部门决算');
      for (const no of ['01', '02', '03', '04', '05', '06', '07', '08', '09']) {
        await expect(visit.page.locator(`#t${no}`).isVisible(), `table ${no}`).resolves.toBe(true);
      }
      await expect(visit.page.locator('section[aria-labelledby="t03"] table').innerText()).resolves.toContain('1,234.07');
      const chartTables = visit.page.locator('figure.chart .chart-table');
      expect(await chartTables.count()).toBeGreaterThan(0);
      for (const t of await chartTables.all()) await expect(t.isVisible()).resolves.toBe(true);
      // The stylesheet loaded (relative link), and links lead to index.html files on disk.
      await expect(visit.page.evaluate(() => document.styleSheets.length)).resolves.toBeGreaterThan(0);
      await visit.page.locator('.breadcrumbs a').first().click();
      await visit.page.waitForLoadState('load');
      expect(visit.page.url()).toBe(`${offline}index.html`);
      await expect(visit.page.locator(`a[href="${JIANGAN}index.html"]`).count()).resolves.toBeGreaterThan(0);
      expect(visit.errors).toEqual([]);
      expect(visit.failed).toEqual([]);
      await visit.page.context().close();
    });

    test('its search page says search needs a server', async () => {
      const visit = await open('file://');
      await visit.page.goto(`${offline}search/index.html`, { waitUntil: 'load' });
      const fallback = visit.page.locator('[data-search-fallback]');
      await expect(fallback.innerText()).resolves.toContain('搜索需要通过网站服务器访问');
      expect(visit.errors).toEqual([]);
      await visit.page.context().close();
    });
  });
});
