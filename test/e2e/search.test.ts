/**
 * Search: one Pagefind index per year (pagefind/<year>/<part>/) of the bureau-year
 * pages answers the standard questions with the right pages; the narrative's
 * figures are found, the table rows are not indexed (only their headings);
 * results link to the matching part. The search page searches the newest year
 * by default, another year or 全部年度 (the years merged in the browser) on
 * request, keeps the choice in the address, and its filters work; a word typed
 * through an input method is searched once committed, never as pinyin; the UI
 * is in Chinese and works under the sub-path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { drawnResults, launch, openPage, typeWithInputMethod, type Visit } from './helpers/browser.ts';
import { disclosurePaths, newestSearchBundle, searchBundles, searchYears } from './helpers/site.ts';

const base = inject('subUrl');
const dir = inject('subDir');
const basePath = new URL(base).pathname;
const origin = new URL(base).origin;
const JIANGAN = `${basePath}wuhan-jiangan-yibao/2023/`;
const HANYANG = `${basePath}wuhan-hanyang-yibao/2021/`;
/** The years indexed, newest first, as the indexing step lists them. */
const YEARS = searchYears(dir);
const NEWEST = YEARS[0]!;

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

/**
 * Query through Pagefind's own JS API, in the page (a string, so the test runner
 * does not rewrite import()): one year's index, or 'all' = the newest year's
 * with the others merged into it, as the search page does for 全部年度.
 */
async function search(term: string | null, year: string, filters: Record<string, string> = {}): Promise<Hit[]> {
  const [primary, ...merged] = (year === 'all' ? YEARS : [year]).flatMap((y) => searchBundles(dir, y)).map((b) => `${base}${b}`);
  return page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`${primary}pagefind.js`)});
    try {
      for (const bundle of ${JSON.stringify(merged)}) await pagefind.mergeIndex(bundle, { baseUrl: ${JSON.stringify(basePath)} });
      const response = await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
      const data = await Promise.all(response.results.map((r) => r.data()));
      return data.map((d) => ({ url: d.url, title: d.meta.title, filters: d.filters, sub: d.sub_results.map((s) => s.url), content: d.content }));
    } finally {
      await pagefind.destroy();
    }
  })()`);
}

/** Number of pages per filter value in one year's index (its parts merged). */
async function filterCounts(year: string): Promise<Record<string, Record<string, number>>> {
  const [primary, ...merged] = searchBundles(dir, year).map((b) => `${base}${b}`);
  return page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`${primary}pagefind.js`)});
    try {
      for (const bundle of ${JSON.stringify(merged)}) await pagefind.mergeIndex(bundle);
      return await pagefind.filters();
    } finally { await pagefind.destroy(); }
  })()`);
}

describe('search index', () => {
  test('one index per year, each holding exactly that year\'s bureau-year pages', async () => {
    const pages = disclosurePaths(dir);
    expect(YEARS).toEqual([...new Set(pages.map((p) => p.split('/')[1]!))].sort().reverse());
    for (const year of YEARS) {
      const counts = (await filterCounts(year))['年度'] ?? {};
      expect(counts, year).toEqual({ [year]: pages.filter((p) => p.endsWith(`/${year}/`)).length });
    }
    // 部门 is the name without its region: with 地区 it picks one bureau, alone a kind of bureau in every region.
    const hits = await search(null, '2023', { 部门: '医疗保障局', 地区: '湖北省 武汉市 江岸区' });
    expect(hits.map((h) => h.url)).toEqual([JIANGAN]);
    const kind = await search(null, 'all', { 部门: '医疗保障局' });
    expect(kind.map((h) => h.url)).toContain(JIANGAN);
    expect(kind.length).toBeGreaterThan(1);
  });

  test('医疗救助 finds 江岸 in 2023; across all years it finds other bureau-years too', async () => {
    expect((await search('医疗救助', '2023')).map((h) => h.url)).toContain(JIANGAN);
    const all = await search('医疗救助', 'all');
    expect(all.map((h) => h.url)).toContain(JIANGAN);
    expect(all.length).toBeGreaterThan(1);
  });

  test('三公经费 finds 江岸 2023, linking to the 三公 table or explanation', async () => {
    const hits = await search('三公经费', '2023');
    const jiangan = hits.find((h) => h.url === JIANGAN);
    expect(jiangan).toBeDefined();
    expect(jiangan!.sub.some((s) => /#(t09|part3|explanation-)/.test(s))).toBe(true);
  });

  test('公务接待费 finds 江岸 2023 with sub-results anchored to headings', async () => {
    const hits = await search('公务接待费', '2023');
    const jiangan = hits.find((h) => h.url === JIANGAN);
    expect(jiangan).toBeDefined();
    expect(jiangan!.sub.every((s) => s.startsWith(JIANGAN))).toBe(true);
    expect(jiangan!.sub.some((s) => s.includes('#'))).toBe(true);
  });

  test('a bureau name finds that bureau first in its year, and among the results of all years', async () => {
    const hits = await search('蔡甸区医疗保障局', '2022');
    expect(hits[0]?.url).toBe(`${basePath}wuhan-caidian-yibao/2022/`);
    expect(hits[0]?.title).toContain('武汉市蔡甸区医疗保障局');
    // Across years each index ranks with its own word statistics (one page per year here), so only presence is compared.
    const all = await search('江岸区医疗保障局', 'all');
    expect(all.find((h) => h.url === JIANGAN)?.title).toContain('武汉市江岸区医疗保障局');
  });

  test('a year\'s index holds only that year; all years merged hold several, and the 年度 filter narrows them', async () => {
    expect((await search('医疗救助', '2023')).every((h) => h.filters['年度']?.[0] === '2023')).toBe(true);
    expect((await search('医疗救助', NEWEST)).every((h) => h.filters['年度']?.[0] === NEWEST)).toBe(true);
    const years = new Set((await search('医疗救助', 'all')).map((h) => h.filters['年度']?.[0]));
    expect(years.size).toBeGreaterThan(1);
    const only2023 = await search('医疗救助', 'all', { 年度: '2023' });
    expect(only2023.map((h) => h.url)).toContain(JIANGAN);
    expect(only2023.every((h) => h.filters['年度']?.[0] === '2023')).toBe(true);
    const year = await search('2023', '2023', { 年度: '2023' });
    expect(year.map((h) => h.url)).toContain(JIANGAN);
  });

  test('pages carry the filters 部门, 年度, 地区 and 部分; 部分 offers the parts a disclosure may leave out, and narrows by them', async () => {
    const hit = (await search('江岸区医疗保障局', '2023')).find((h) => h.url === JIANGAN)!;
    expect(hit.filters['部门']).toEqual(['医疗保障局']);
    expect(hit.filters['年度']).toEqual(['2023']);
    expect(hit.filters['地区']?.[0]).toContain('江岸区');
    expect(hit.filters['部分']).toEqual(expect.arrayContaining(['附件']));
    // 概况, 决算表, 情况说明 and 名词解释 are on every page: as values they would narrow nothing (parts.ts).
    const all = await search(null, 'all');
    const offered = new Set(all.flatMap((h) => h.filters['部分'] ?? []));
    expect([...offered].sort()).toEqual(['附件', '重点工作'].sort());
    // The Jiangxi template has no 重点工作: a page without it is left out when a reader picks it.
    const jiangxi = all.find((h) => h.url.includes('nanchang-'))!;
    expect(jiangxi.filters['部分'] ?? []).not.toContain('重点工作');
    const withKeyWork = await search(null, 'all', { 部分: '重点工作' });
    expect(withKeyWork.length).toBeGreaterThan(0);
    expect(withKeyWork.map((h) => h.url)).not.toContain(jiangxi.url);
    expect(withKeyWork.length).toBe(all.filter((h) => h.filters['部分']?.includes('重点工作')).length);
  });

  test('the narrative\'s figures are found and link to their part; the tables\' headings are indexed, their rows are not', async () => {
    // 城乡医疗救助 966.29 万元 is printed in 公开02/03/05表 and cited in 情况说明: search finds it there.
    const hits = await search('966.29', '2023');
    const jiangan = hits.find((h) => h.url === JIANGAN);
    expect(jiangan).toBeDefined();
    expect(jiangan!.sub.some((s) => /#explanation-/.test(s))).toBe(true);
    expect(jiangan!.content).toMatch(/支出决算为966\.29万元/);
    // The heading of 公开02表 is indexed (results link to #t02) ...
    const heading = (await search('收入决算表', '2023')).find((h) => h.url === JIANGAN);
    expect(heading?.sub.some((s) => /#t02$/.test(s))).toBe(true);
    // ... its rows are not (scripts/index-search.ts NOT_INDEXED): the 栏次 header rows, with their 1 2 3 ….
    expect(jiangan!.content).not.toContain('栏次');
    expect(jiangan!.content).not.toMatch(/1 2 3 4 5 6 7/);
  });

  test('what every page repeats is not indexed (standard table notes, charts, definitions, evaluation facts); the bureau\'s own words are', async () => {
    const page2023 = (await search('开展打击欺诈骗保维护基金安全政策宣传活动次数', '2023')).find((h) => h.url === JIANGAN);
    // A self-evaluation's indicator (the bureau's own words) is found ...
    expect(page2023).toBeDefined();
    const text = page2023!.content;
    // ... and so are the glossary's terms and the narrative.
    expect(text).toContain('一般公共预算财政拨款收入');
    expect(text).toMatch(/医疗救助/);
    // Left out (scripts/index-search.ts NOT_INDEXED): a table's printed standard note and its 编制单位 line ...
    expect(text).not.toContain('本表反映');
    expect(text).not.toContain('编制单位');
    // ... the charts' titles and summaries ...
    expect(text).not.toMatch(/图\s*1/);
    // ... the glossary's definitions ...
    expect(text).not.toContain('指区级财政一般公共预算当年拨付的资金');
    // ... and a self-evaluation's header row, facts and table caption (its heading names the project already).
    expect(text).toContain('项目支出绩效自评表');
    expect(text).not.toContain('一级指标');
    expect(text).not.toContain('执行率');
    expect(text).not.toContain('绩效指标完成情况');
  });
});

/** Hrefs of the results listed (pages and their sub-results). */
const resultLinks = () => page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
/** A bureau of the newest year, from the index itself: its page of that year, its bureau page, and its name from the site's list of bureaus. */
const newestBureau = async () => {
  const [own] = await search(null, NEWEST);
  const bureauUrl = own!.url.replace(/[^/]+\/$/, '');
  const { bureaus } = JSON.parse(readFileSync(join(dir, 'search', 'bureaus.json'), 'utf8')) as { bureaus: { name: string; aliases: string[]; url: string }[] };
  const { name, aliases } = bureaus.find((b) => b.url === bureauUrl)!;
  return { own: own!, name, shortName: aliases[0]!, bureauUrl };
};
/** The links in the 部门 box, when it is shown: path and text. */
const namedLinks = () =>
  page.$$eval('[data-search-named]:not([hidden]) a', (links) => links.map((a) => ({ path: new URL((a as HTMLAnchorElement).href).pathname, text: a.textContent })));
/**
 * Waits until results are listed, every href contains `part` and, if given,
 * one is `expected` (the UI re-renders as searches, result data and filters
 * complete).
 */
async function resultsWhere(part = '', expected?: string): Promise<string[]> {
  await page.waitForFunction(
    ([p, e]) => {
      const hrefs = [...document.querySelectorAll('.pagefind-ui__result-link')].map((a) => a.getAttribute('href') ?? '');
      return hrefs.length > 0 && hrefs.every((h) => h.includes(p!)) && (!e || hrefs.includes(e));
    },
    [part, expected] as const,
  );
  return resultLinks();
}

/** Chooses a year (or 'all') in the menu and presses 切换: the page opens again with ?year=…&q=…. */
async function chooseYear(year: string): Promise<void> {
  await page.locator('#search-year').selectOption(year);
  await Promise.all([
    page.waitForURL((u) => u.searchParams.get('year') === year, { waitUntil: 'networkidle' }),
    page.locator('.search-year button', { hasText: '切换' }).click(),
  ]);
}

describe('search page', () => {
  test('Pagefind UI in Chinese: by default the newest year; typing a term lists its results under the base path', async () => {
    await page.goto(base + 'search/', { waitUntil: 'networkidle' });
    expect(await page.locator('#search-year').inputValue()).toBe(NEWEST);
    expect(await page.$$eval('#search-year option', (os) => os.map((o) => o.textContent))).toEqual([...YEARS.map((y) => `${y} 年度`), '全部年度']);
    await page.locator('.pagefind-ui__search-input').fill('医疗救助');
    await page.waitForSelector('.pagefind-ui__result-link');
    const links = await resultLinks();
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.startsWith(basePath) && l.includes(`/${NEWEST}/`))).toBe(true);
    expect(await page.textContent('.pagefind-ui__message')).toMatch(/[找结果]/);
    // The term and the year are in the address.
    const address = new URL(page.url());
    expect(address.searchParams.get('q')).toBe('医疗救助');
    expect(address.searchParams.get('year')).toBe(NEWEST);
    expect(visit.errors).toEqual([]);
    expect(visit.external).toEqual([]);
  });

  test('typing Chinese through an input method searches the committed word at once, never the pinyin being composed', async () => {
    await page.goto(base + 'search/', { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      const w = window as unknown as { searched: (string | null)[]; fiftyAfterCommit?: string | null };
      w.searched = [];
      // Every search the UI starts puts its term in the address (search.ts processTerm).
      const replace = history.replaceState.bind(history);
      history.replaceState = (data, unused, url) => {
        w.searched.push(new URL(String(url), location.href).searchParams.get('q'));
        replace(data, unused, url);
      };
      // The term in the address 50 ms after the commit: half the wait after a key.
      window.addEventListener('compositionend', () => setTimeout(() => (w.fiftyAfterCommit = new URL(location.href).searchParams.get('q')), 50), { capture: true });
    });
    await page.locator('.pagefind-ui__search-input').focus();
    // 150 ms between letters: longer than the wait after a key, so each letter would have been searched.
    await typeWithInputMethod(page, '三公经费', 'sangong', 150);
    await page.waitForSelector('.pagefind-ui__result-link');
    const { searched, fiftyAfterCommit } = await page.evaluate(() => {
      const w = window as unknown as { searched: string[]; fiftyAfterCommit: string };
      return { searched: w.searched, fiftyAfterCommit: w.fiftyAfterCommit };
    });
    expect(searched).toEqual(['三公经费']);
    expect(fiftyAfterCommit).toBe('三公经费');
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe('三公经费');

    // Digits typed after it are searched after the pause after the last key (a key held up more than the pause on a
    // busy machine may search what was typed so far: only the first and the last search are asserted).
    await page.keyboard.type(' 2023');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '三公经费 2023');
    const after = await page.evaluate(() => (window as unknown as { searched: string[] }).searched);
    expect(after[0]).toBe('三公经费');
    expect(after.at(-1)).toBe('三公经费 2023');
    expect(visit.errors).toEqual([]);
  });

  test('a bureau\'s name, full, without its city or short, is answered by the 部门 box alone, typed or in the address, with nothing of the index downloaded; its button searches the text', async () => {
    // The newest year's bureau, from the index itself.
    const { own, name, shortName, bureauUrl } = await newestBureau();
    const requested: string[] = [];
    const record = (r: Request) => requested.push(new URL(r.url()).pathname);
    page.on('request', record);
    const answered = async (term: string) => {
      await page.waitForFunction((t) => new URL(location.href).searchParams.get('q') === t, term);
      await page.waitForSelector('[data-search-named]:not([hidden]) [data-search-named-only]:not([hidden])');
      expect(await namedLinks()).toEqual([
        { path: bureauUrl, text: name },
        { path: own.url, text: expect.stringContaining(`${NEWEST} 年度`) },
      ]);
      // Screen readers are told (Pagefind's own message is hidden with its results).
      expect(await page.textContent('[data-search-named-status]')).toBe(`部门：${name}，已列出该部门及其决算`);
      // Pagefind's results and filters are hidden, and no part of the index was fetched for the name's words.
      expect(await page.locator('.pagefind-ui__drawer').isVisible()).toBe(false);
      expect(requested.filter((p) => p.endsWith('.pf_index'))).toEqual([]);
    };
    await page.goto(base + 'search/', { waitUntil: 'networkidle' });
    requested.length = 0;
    // Without its city (武汉市): the end of one bureau's name.
    await page.locator('.pagefind-ui__search-input').fill(name.slice(3));
    await answered(name.slice(3));
    // The short name the documents use (东西湖区医保局).
    await page.locator('.pagefind-ui__search-input').fill(shortName);
    await answered(shortName);
    await page.locator('.pagefind-ui__search-input').fill(name);
    await answered(name);

    // The button searches the name as text: Pagefind's results, the box at their top without its note.
    await page.locator('[data-search-named-only] button').click();
    await drawnResults(page);
    expect(requested.some((p) => p.endsWith('.pf_index'))).toBe(true);
    expect(await page.$eval('.pagefind-ui__results-area', (area) => area.firstElementChild?.matches('[data-search-named]'))).toBe(true);
    expect(await page.locator('[data-search-named-only]').isVisible()).toBe(false);
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe(name);

    // Opened with ?q=<name> (the header's search box on every page): the same answer.
    requested.length = 0;
    await page.goto(`${base}search/?q=${encodeURIComponent(name)}`, { waitUntil: 'networkidle' });
    await answered(name);
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe(name);
    // Emptying the field leaves the answer.
    await page.locator('.pagefind-ui__search-input').fill('');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-named]')!.hidden);
    expect(await page.textContent('[data-search-named-status]')).toBe('');
    page.off('request', record);
    expect(visit.errors).toEqual([]);
  });

  test('a bureau without a page in the year searched is still answered by the 部门 box: its bureau page, and a note to see its other years', async () => {
    const { bureaus } = JSON.parse(readFileSync(join(dir, 'search', 'bureaus.json'), 'utf8')) as { bureaus: { name: string; url: string; years: string[] }[] };
    const other = bureaus.find((b) => !b.years.includes(NEWEST))!;
    await page.goto(`${base}search/?q=${encodeURIComponent(other.name)}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-search-named]:not([hidden]) [data-search-named-only]:not([hidden])');
    expect(await namedLinks()).toEqual([{ path: other.url, text: other.name }]);
    expect(await page.textContent('[data-search-named] li')).toBe(`${other.name}（${NEWEST} 年度无决算，其他年度见部门页面）`);
    expect(await page.textContent('[data-search-named-status]')).toBe(`部门：${other.name}，${NEWEST} 年度无其决算`);
    expect(visit.errors).toEqual([]);
  });

  test('four characters or more from inside a bureau\'s name are searched as text, with that bureau and its page of the year linked at the top of the results; other terms link none', async () => {
    const { own, name, bureauUrl } = await newestBureau();
    await page.goto(base + 'search/', { waitUntil: 'networkidle' });
    // 东西湖区医疗保障: neither the name nor its end.
    const part = name.slice(3, -1);
    await page.locator('.pagefind-ui__search-input').fill(part);
    await page.waitForFunction((t) => new URL(location.href).searchParams.get('q') === t, part);
    await page.waitForSelector('[data-search-named]:not([hidden]) a');
    expect(await namedLinks()).toEqual([
      { path: bureauUrl, text: name },
      { path: own.url, text: expect.stringContaining(`${NEWEST} 年度`) },
    ]);
    // At the top of the results, above the UI's message.
    expect(await page.$eval('.pagefind-ui__results-area', (area) => area.firstElementChild?.matches('[data-search-named]'))).toBe(true);
    expect(await page.locator('[data-search-named-only]').isVisible()).toBe(false);
    await page.locator(`[data-search-named] a[href="${bureauUrl}"]`).click();
    await page.waitForURL((u) => u.pathname === bureauUrl);
    expect(await page.textContent('h1')).toContain(name);

    await page.goto(base + 'search/', { waitUntil: 'networkidle' });
    await page.locator('.pagefind-ui__search-input').fill('医疗救助');
    await page.waitForSelector('.pagefind-ui__result-link');
    await page.waitForTimeout(300);
    expect(await page.$eval('[data-search-named]', (box) => (box as HTMLElement).hidden)).toBe(true);
    expect(visit.errors).toEqual([]);
  });

  test('opening the page loads the search engine and the newest year\'s entry, so the first term only fetches its part of the index', async () => {
    const fresh = await openPage(browser, origin);
    const requested: string[] = [];
    fresh.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await fresh.page.goto(base + 'search/', { waitUntil: 'networkidle' });
    const bundle = `${basePath}${newestSearchBundle(dir)}`;
    expect(requested).toContain(`${bundle}pagefind.js`);
    expect(requested.some((p) => p.startsWith(`${bundle}wasm.`))).toBe(true);
    expect(requested.some((p) => p.startsWith(bundle) && p.endsWith('.pf_meta'))).toBe(true);
    expect(requested.some((p) => p.endsWith('.pf_index'))).toBe(false);
    requested.length = 0;
    await fresh.page.locator('.pagefind-ui__search-input').fill('医疗救助');
    await fresh.page.waitForSelector('.pagefind-ui__result-link');
    expect(requested.some((p) => p.endsWith('.pf_index'))).toBe(true);
    expect(requested.filter((p) => p.endsWith('pagefind.js') || p.includes('/wasm.'))).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.page.context().close();
  });

  test('choosing another year (切换) searches that year\'s index for the same term, and the address follows', async () => {
    await page.goto(`${base}search/?q=${encodeURIComponent('医疗救助')}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.pagefind-ui__result-link');
    await chooseYear('2023');
    const links = await resultsWhere('/2023/', JIANGAN);
    expect(links).toContain(JIANGAN);
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe('医疗救助');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2023');
    expect(visit.errors).toEqual([]);
  });

  test('全部年度 finds a term that only an older year has; the address restores the choice', async () => {
    // 汉阳 is only in 2021 (武汉市汉阳区医疗保障局): the newest year has nothing.
    await page.goto(`${base}search/?q=${encodeURIComponent('汉阳')}`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => /汉阳/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''));
    expect(await page.$$('.pagefind-ui__result-link')).toHaveLength(0);
    expect(await page.textContent('.pagefind-ui__message')).toContain('全部年度');
    await chooseYear('all');
    expect(await resultsWhere('', HANYANG)).toContain(HANYANG);
    const address = page.url();
    expect(new URL(address).searchParams.get('year')).toBe('all');

    // The link reproduces the search: same year, same term, same results.
    await page.goto(address, { waitUntil: 'networkidle' });
    expect(await page.locator('#search-year').inputValue()).toBe('all');
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe('汉阳');
    expect(await resultsWhere('', HANYANG)).toContain(HANYANG);
    await page.goto(`${base}search/?year=2021&q=${encodeURIComponent('汉阳')}`, { waitUntil: 'networkidle' });
    expect(await page.locator('#search-year').inputValue()).toBe('2021');
    expect(await resultsWhere('', HANYANG)).toContain(HANYANG);
    expect(visit.errors).toEqual([]);
    expect(visit.failed).toEqual([]);
  });

  test('全部年度 with ?q=: the year filter narrows the merged results', async () => {
    await page.goto(`${base}search/?year=all&q=${encodeURIComponent('医疗救助')}`, { waitUntil: 'networkidle' });
    const before = (await drawnResults(page)).length;
    expect(before).toBeGreaterThan(1);
    await page.locator('.pagefind-ui__filter-name', { hasText: '年度' }).click();
    await page.locator('.pagefind-ui__filter-label', { hasText: '2023' }).click();
    const links = await drawnResults(page, before);
    expect(links).toContain(JIANGAN);
    expect(links.every((l) => l.includes('/2023/'))).toBe(true);
  });
});
