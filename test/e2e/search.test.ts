/**
 * Search: Pagefind's index of the bureau-year pages answers the standard
 * questions with the right pages, with and without the year filter; the
 * narrative's figures are found, the table rows are not indexed (only their
 * headings); results link to the matching part; the UI is
 * in Chinese and works under the sub-path.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, type Visit } from './helpers/browser.ts';
import { disclosurePaths } from './helpers/site.ts';

const base = inject('subUrl');
const dir = inject('subDir');
const basePath = new URL(base).pathname;
const origin = new URL(base).origin;
const JIANGAN = `${basePath}wuhan-jiangan-yibao/2023/`;

interface Hit {
  url: string;
  title: string;
  filters: Record<string, string[]>;
  sub: string[];
  /** The page's text as indexed. */
  content: string;
}

let browser: Browser;
let visit: Visit;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  visit = await openPage(browser, origin);
  page = visit.page;
  await page.goto(base + 'search/', { waitUntil: 'networkidle' });
});
afterAll(async () => {
  await browser?.close();
});

/** Query the index through Pagefind's own JS API, in the page (a string, so the test runner does not rewrite import()). */
async function search(term: string | null, filters: Record<string, string> = {}): Promise<Hit[]> {
  const bundle = JSON.stringify(`${base}pagefind/pagefind.js`);
  return page.evaluate(`(async () => {
    const pagefind = await import(${bundle});
    const response = await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
    const data = await Promise.all(response.results.map((r) => r.data()));
    return data.map((d) => ({ url: d.url, title: d.meta.title, filters: d.filters, sub: d.sub_results.map((s) => s.url), content: d.content }));
  })()`);
}

/** Number of pages per filter value. */
async function filterCounts(): Promise<Record<string, Record<string, number>>> {
  const bundle = JSON.stringify(`${base}pagefind/pagefind.js`);
  return page.evaluate(`(async () => (await import(${bundle})).filters())()`);
}

describe('search index', () => {
  test('indexes exactly the bureau-year pages', async () => {
    const hits = await search(null, { 部门: '武汉市江岸区医疗保障局' });
    expect(hits.map((h) => h.url)).toEqual([JIANGAN]);
    const filters = await filterCounts();
    const all = Object.values(filters['年度'] ?? {}).reduce((a, b) => a + b, 0);
    expect(all).toBe(disclosurePaths(dir).length);
  });

  test('医疗救助 finds 江岸 2023 and other bureau-years', async () => {
    const hits = await search('医疗救助');
    expect(hits.map((h) => h.url)).toContain(JIANGAN);
    expect(hits.length).toBeGreaterThan(1);
  });

  test('三公经费 finds 江岸 2023, linking to the 三公 table or explanation', async () => {
    const hits = await search('三公经费');
    const jiangan = hits.find((h) => h.url === JIANGAN);
    expect(jiangan).toBeDefined();
    expect(jiangan!.sub.some((s) => /#(t09|part3|explanation-)/.test(s))).toBe(true);
  });

  test('公务接待费 finds 江岸 2023 with sub-results anchored to headings', async () => {
    const hits = await search('公务接待费');
    const jiangan = hits.find((h) => h.url === JIANGAN);
    expect(jiangan).toBeDefined();
    expect(jiangan!.sub.every((s) => s.startsWith(JIANGAN))).toBe(true);
    expect(jiangan!.sub.some((s) => s.includes('#'))).toBe(true);
  });

  test('a bureau name finds that bureau first', async () => {
    const hits = await search('江岸区医疗保障局');
    expect(hits[0]?.url).toBe(JIANGAN);
    expect(hits[0]?.title).toContain('武汉市江岸区医疗保障局');
  });

  test('the year filter keeps only that year; without it other years appear', async () => {
    const years = new Set((await search('医疗救助')).map((h) => h.filters['年度']?.[0]));
    expect(years.size).toBeGreaterThan(1);
    const only2023 = await search('医疗救助', { 年度: '2023' });
    expect(only2023.map((h) => h.url)).toContain(JIANGAN);
    expect(only2023.every((h) => h.filters['年度']?.[0] === '2023')).toBe(true);
    const year = await search('2023', { 年度: '2023' });
    expect(year.map((h) => h.url)).toContain(JIANGAN);
  });

  test('pages carry the filters 部门, 年度, 地区 and 部分', async () => {
    const hit = (await search('江岸区医疗保障局')).find((h) => h.url === JIANGAN)!;
    expect(hit.filters['部门']).toEqual(['武汉市江岸区医疗保障局']);
    expect(hit.filters['年度']).toEqual(['2023']);
    expect(hit.filters['地区']?.[0]).toContain('江岸区');
    expect(hit.filters['部分']).toEqual(expect.arrayContaining(['概况', '决算表', '情况说明', '附件']));
  });

  test('the narrative\'s figures are found and link to their part; the tables\' headings are indexed, their rows are not', async () => {
    // 城乡医疗救助 966.29 万元 is printed in 公开02/03/05表 and cited in 情况说明: search finds it there.
    const hits = await search('966.29');
    const jiangan = hits.find((h) => h.url === JIANGAN);
    expect(jiangan).toBeDefined();
    expect(jiangan!.sub.some((s) => /#explanation-/.test(s))).toBe(true);
    expect(jiangan!.content).toMatch(/支出决算为966\.29万元/);
    // The heading of 公开02表 is indexed (results link to #t02) ...
    const heading = (await search('收入决算表')).find((h) => h.url === JIANGAN);
    expect(heading?.sub.some((s) => /#t02$/.test(s))).toBe(true);
    // ... its rows are not (scripts/index-search.ts NOT_INDEXED): the 栏次 header rows, with their 1 2 3 ….
    expect(jiangan!.content).not.toContain('栏次');
    expect(jiangan!.content).not.toMatch(/1 2 3 4 5 6 7/);
  });
});

describe('search page', () => {
  test('Pagefind UI in Chinese: typing a term lists results linking under the base path', async () => {
    const input = page.locator('.pagefind-ui__search-input');
    await input.fill('公务接待费');
    await page.waitForSelector('.pagefind-ui__result-link');
    const links = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.startsWith(basePath))).toBe(true);
    expect(await page.textContent('.pagefind-ui__message')).toMatch(/[找结果]/);
    expect(visit.errors).toEqual([]);
    expect(visit.external).toEqual([]);
  });

  test('?q= starts a search, and the year filter narrows it', async () => {
    await page.goto(`${base}search/?q=${encodeURIComponent('医疗救助')}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.pagefind-ui__result-link');
    const before = await page.$$eval('.pagefind-ui__result', (r) => r.length);
    expect(before).toBeGreaterThan(1);
    await page.locator('.pagefind-ui__filter-name', { hasText: '年度' }).click();
    await page.locator('.pagefind-ui__filter-label', { hasText: '2023' }).click();
    await page.waitForFunction((n) => {
      const results = [...document.querySelectorAll('.pagefind-ui__result')];
      return results.length > 0 && results.length < n && results.every((r) => r.querySelector('.pagefind-ui__result-link'));
    }, before);
    const links = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain(JIANGAN);
  });
});
