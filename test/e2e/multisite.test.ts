/**
 * 多站点联合搜索: two sites built separately (different content through
 * CONTENT_DIR, different base paths) on one portal host; the first lists the
 * second's pagefind/ folder under `portal` in its site.yaml. Each site has one
 * index per year; the province's search page reads the city's years.json and
 * merges the city's index of the year searched (every year for 全部年度): it
 * finds pages of both, linking each under its own base, with the 地区 filter
 * narrowing to one site's region.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { stringify, parse } from 'yaml';
import { bureauAt, generate } from '../../scripts/synthetic/generate.ts';
import { buildSite } from './helpers/build.ts';
import { drawnResults, launch, openPage } from './helpers/browser.ts';
import { serveStatic, type StaticServer } from './helpers/server.ts';

const tmp = mkdtempSync(join(tmpdir(), 'jsgk-multisite-'));
const host = join(tmp, 'host');
const PROVINCE = '/zwgk/province/';
const CITY = '/zwgk/city/';
// The city site holds bureaus 0–1, the province site bureaus 24–25: other districts, other cities' names.
const CITY_BUREAU = bureauAt(0);

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  const cityContent = join(tmp, 'city');
  generate({ dir: cityContent, bureaus: 2, years: 2, siteName: '市级决算公开' });
  const provinceContent = join(tmp, 'province');
  generate({ dir: provinceContent, bureaus: 26, years: 1, siteName: '省级决算公开' });
  // Keep only the province's own bureaus (24, 25): drop 0–23 so the two sites share no page.
  for (let i = 0; i < 24; i++) rmSync(join(provinceContent, 'bureaus', bureauAt(i).id), { recursive: true });
  const siteYaml = join(provinceContent, 'site.yaml');
  writeFileSync(siteYaml, stringify({ ...parse(readFileSync(siteYaml, 'utf8')), portal: [{ name: '市级决算公开', bundle: `${CITY}pagefind/` }] }));

  mkdirSync(join(host, 'zwgk'), { recursive: true });
  buildSite(join(host, 'zwgk', 'city'), CITY, { CONTENT_DIR: cityContent });
  buildSite(join(host, 'zwgk', 'province'), PROVINCE, { CONTENT_DIR: provinceContent });
  server = await serveStatic(host, '/');
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('multisite search', () => {
  test('the province search page finds pages of both sites, each under its own base, and the 地区 filter and the 部门 box work across them', async () => {
    const visit = await openPage(browser, server.origin);
    const { page } = visit;
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}${PROVINCE}search/`, { waitUntil: 'networkidle' });
    // Both sites have 2024 (the city also 2023): 2024 is searched, in both sites' 2024 index.
    expect(await page.locator('#search-year').inputValue()).toBe('2024');
    expect(await page.textContent('.search-portal')).toContain('市级决算公开');
    await page.locator('.pagefind-ui__search-input').fill('一般公共预算财政拨款支出');
    const links = async () => page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    const all = await drawnResults(page);
    expect(all.some((l) => l.startsWith(PROVINCE))).toBe(true);
    expect(all.some((l) => l.startsWith(CITY))).toBe(true);
    expect(all.every((l) => l.startsWith(PROVINCE) || l.startsWith(CITY))).toBe(true);
    expect(all.every((l) => l.includes('/2024/'))).toBe(true);
    expect(requested).toContain(`${CITY}pagefind/years.json`);
    // The 部门 box knows the city's bureaus from the city's own list.
    expect(requested).toContain(`${CITY}search/bureaus.json`);
    expect(requested).toContain(`${CITY}pagefind/2024/0/pagefind-entry.json`);
    expect(requested.some((r) => r.startsWith(`${CITY}pagefind/2023/`))).toBe(false);

    // Filter 地区 to the city bureau's district: only city pages remain.
    const region = `示例省 ${CITY_BUREAU.city} ${CITY_BUREAU.district}`;
    await page.locator('.pagefind-ui__filter-name', { hasText: '地区' }).click();
    await page.locator('.pagefind-ui__filter-label', { hasText: region }).click();
    // The results appear one by one as their data loads: wait for the city bureau's page itself.
    await page.waitForFunction(
      ({ prefix, expected }) => {
        const hrefs = [...document.querySelectorAll('.pagefind-ui__result-link')].map((a) => a.getAttribute('href') ?? '');
        return hrefs.includes(expected) && hrefs.every((h) => h.startsWith(prefix));
      },
      { prefix: CITY, expected: `${CITY}${CITY_BUREAU.id}/2024/` },
      { timeout: 30_000 },
    );
    const filtered = await links();
    expect(filtered.every((l) => l.startsWith(CITY))).toBe(true);
    expect(filtered).toContain(`${CITY}${CITY_BUREAU.id}/2024/`);

    // 2023 only the city has: its 2023 index alone answers.
    await page.locator('#search-year').selectOption('2023');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('year') === '2023'), page.locator('.search-year button').click()]);
    await page.waitForFunction(
      () => {
        const hrefs = [...document.querySelectorAll('.pagefind-ui__result-link')].map((a) => a.getAttribute('href') ?? '');
        return hrefs.length > 0 && hrefs.every((h) => h.includes('/2023/'));
      },
      undefined,
      { timeout: 30_000 },
    );
    expect((await links()).every((l) => l.startsWith(CITY))).toBe(true);

    // A city bureau's name in 全部年度: the 部门 box answers with its pages of both years, newest first, under the city's base.
    await page.goto(`${server.origin}${PROVINCE}search/?year=all&q=${encodeURIComponent(CITY_BUREAU.name)}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-search-named]:not([hidden]) [data-search-named-only]:not([hidden])');
    expect(await page.$$eval('[data-search-named] a', (as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `${CITY}${CITY_BUREAU.id}/`,
      `${CITY}${CITY_BUREAU.id}/2024/`,
      `${CITY}${CITY_BUREAU.id}/2023/`,
    ]);

    // A merged result opens the city's page.
    const response = await page.goto(`${server.origin}${filtered[0]}`);
    expect(response?.status()).toBe(200);
    expect(visit.errors).toEqual([]);
    expect(visit.external).toEqual([]);
  });
});
