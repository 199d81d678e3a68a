/**
 * Every page loads cleanly, in Chinese, from its own origin only; the
 * disclosure page has the template's structure, anchors and table rules;
 * the pages work at 360 px, without JavaScript, in print and with the
 * font-size control.
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from './helpers/browser.ts';
import { bureauPaths, disclosurePaths, disclosureWith, pagePaths, representativePaths } from './helpers/site.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const base = inject('subUrl');
const dir = inject('subDir');
const origin = new URL(base).origin;
const JIANGAN = 'wuhan-jiangan-yibao/2023/';

const open = useBrowser();

describe('every page', () => {
  test('the site has every page type', () => {
    const pages = pagePaths(dir);
    expect(pages).toContain('');
    expect(pages).toContain('glossary/');
    expect(pages).toContain('search/');
    expect(pages).toContain(JIANGAN);
    expect(bureauPaths(dir).length).toBeGreaterThan(0);
    expect(disclosurePaths(dir).length).toBeGreaterThan(1);
  });

  test('loads without console errors, in zh-CN, requesting nothing from another origin', async () => {
    expect(existsSync(join(dir, '404.html'))).toBe(true);
    for (const path of [...representativePaths(dir), '404.html']) {
      const visit = await open(origin);
      const response = await visit.page.goto(base + path, { waitUntil: 'networkidle' });
      expect.soft(response?.status(), path).toBe(200);
      expect.soft(visit.errors, path).toEqual([]);
      expect.soft(visit.external, path).toEqual([]);
      expect.soft(visit.failed, path).toEqual([]);
      expect.soft(await visit.page.getAttribute('html', 'lang'), path).toBe('zh-CN');
      const ids = await visit.page.$$eval('[id]', (els) => els.map((e) => e.id));
      expect.soft(ids.filter((id, i) => ids.indexOf(id) !== i), `${path}: duplicate ids`).toEqual([]);
      await visit.page.context().close();
    }
  });

  test('never scrolls sideways on a 360 px phone; wide tables scroll in their own box', async () => {
    for (const path of representativePaths(dir)) {
      const visit = await open(origin, { viewport: { width: 360, height: 740 } });
      await visit.page.goto(base + path, { waitUntil: 'networkidle' });
      const width = await visit.page.evaluate(() => document.documentElement.scrollWidth);
      expect.soft(width, path).toBeLessThanOrEqual(360);
      await visit.page.context().close();
    }
    const visit = await open(origin, { viewport: { width: 360, height: 740 } });
    await visit.page.goto(base + JIANGAN);
    const box = await visit.page.$eval('#t01', (h) => {
      const scroller = h.closest('.table-scroll')!;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth, focusable: scroller.getAttribute('tabindex') };
    });
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(box.focusable).toBe('0');
    await visit.page.context().close();
  });

  test('headings never skip a level', async () => {
    for (const path of representativePaths(dir)) {
      const visit = await open(origin);
      await visit.page.goto(base + path);
      const levels = await visit.page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      expect.soft(levels[0], path).toBe(1);
      const jumps = levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1);
      expect.soft(jumps, `${path}: ${levels.join(',')}`).toEqual([]);
      await visit.page.context().close();
    }
  });
});

describe('bureau-year page', () => {
  test('has the six parts, the nine tables and row anchors by subject code', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + JIANGAN);
    const page = visit.page;
    for (const id of ['part1', 'part2', 'part3', 'part4', 'part5', 'part6']) expect(await page.$(`#${id}`), id).not.toBeNull();
    for (let n = 1; n <= 9; n++) expect(await page.$(`#t0${n}`), `t0${n}`).not.toBeNull();
    expect(await page.$('#t02-2101301')).not.toBeNull();
    expect(await page.$('#t05-2101301')).not.toBeNull();
    expect(await page.$('#t06-30101')).not.toBeNull();
    expect(await page.$('#t01-line-39')).not.toBeNull();
    const order = await page.$$eval('h2.part-title', (hs) => hs.map((h) => h.textContent));
    expect(order.map((t) => t!.slice(0, 4))).toEqual(['第一部分', '第二部分', '第三部分', '第四部分', '第五部分', '第六部分']);
    const toc = await page.$$eval('.toc a', (as) => as.map((a) => a.getAttribute('href')));
    expect(toc).toContain('#part6');
    expect(toc).toContain('#t09');
    await page.context().close();
  });

  test('shows the publication date (or 未注明) and the as-of date', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + JIANGAN);
    const meta = await visit.page.textContent('.page-meta');
    expect(meta).toMatch(/发布日期：(\d{4}-\d{2}-\d{2}|未注明)/);
    expect(meta).toContain('数据截至：2023-12-31');
    await visit.page.context().close();
  });

  test('tables: caption, unit, scoped headers, right-aligned tabular numbers, blank stays blank', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + JIANGAN);
    const page = visit.page;
    const captions = await page.$$eval('section:has(> #part2) table caption', (cs) => cs.map((c) => c.textContent ?? ''));
    expect(captions[0]).toContain('公开01表 收入支出决算总表');
    expect(captions.every((c) => c.includes('金额单位：万元'))).toBe(true);
    const unscoped = await page.$$eval('section:has(> #part2) table th', (ths) => ths.filter((th) => !th.getAttribute('scope')).length);
    expect(unscoped).toBe(0);
    const cells = await page.$$eval('#t02-2101301 td', (tds) =>
      tds.map((td) => ({ text: td.textContent!.trim(), align: getComputedStyle(td).textAlign, numeric: getComputedStyle(td).fontVariantNumeric })),
    );
    expect(cells[0]!.text).toBe('2101301'); // code in its own column
    expect(cells[1]!.text).toBe('966.29');
    expect(cells[1]!.align).toBe('right');
    expect(cells[1]!.numeric).toContain('tabular-nums');
    expect(cells[3]!.text).toBe(''); // 上级补助收入: blank in the document, not 0
    expect(await page.textContent('#t01-line-56')).toContain('二十六、抗疫特别国债安排的支出');
    const total = await page.$$eval('#t02-total td', (tds) => tds.map((td) => td.textContent!.trim()));
    expect(total[0]).toBe('1,234.07'); // thousands separator
    await page.context().close();
  });

  test('an empty table says 本表无数据 with its 空表说明', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + JIANGAN);
    const block = await visit.page.$eval('#t07', (h) => h.closest('section')!.textContent);
    expect(block).toContain('本表无数据');
    expect(block).toContain('本单位无政府性基金预算财政拨款收入及支出');
    await visit.page.context().close();
  });

  test.skipIf(!disclosureWith(dir, '本表数据摘自情况说明'))('a table taken from the narrative says so', async () => {
    const path = disclosureWith(dir, '本表数据摘自情况说明')!;
    const visit = await open(origin);
    await visit.page.goto(base + path);
    expect(await visit.page.isVisible('.table-status.from-narrative')).toBe(true);
    expect(await visit.page.textContent('.table-status.from-narrative')).toContain('本表数据摘自情况说明，不完整');
    await visit.page.context().close();
  });

  test.skipIf(!disclosureWith(dir, '原文未提供本表'))('a table not provided says 原文未提供本表 with the reason', async () => {
    const path = disclosureWith(dir, '原文未提供本表')!;
    const visit = await open(origin);
    await visit.page.goto(base + path);
    const status = await visit.page.$$eval('.table-status', (s) => s.map((x) => x.textContent ?? '').filter((t) => t.includes('原文未提供本表')));
    expect(status.length).toBeGreaterThan(0);
    expect(status[0]).toMatch(/原因：\S+/);
    await visit.page.context().close();
  });

  test.skipIf(!disclosureWith(dir, '（原文为“'))('a published figure that differs from the computed one carries a visible note', async () => {
    const path = disclosureWith(dir, '（原文为“')!;
    const visit = await open(origin);
    await visit.page.goto(base + path);
    const note = visit.page.locator('.narrative .fig-note').first();
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/^（原文为“.+”）$/);
    const style = await note.evaluate((n) => ({ color: getComputedStyle(n).color, background: getComputedStyle(n).backgroundColor }));
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
    await visit.page.context().close();
  });

  test('glossary terms explain themselves in a keyboard-operable popover', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + JIANGAN);
    const page = visit.page;
    const term = page.locator('section:has(> #part2) button.term').first();
    await term.focus();
    await page.keyboard.press('Enter');
    const pop = page.locator('.term-pop:popover-open');
    expect(await pop.count()).toBe(1);
    expect((await pop.textContent())!.length).toBeGreaterThan(4);
    await page.keyboard.press('Escape');
    expect(await page.locator('.term-pop:popover-open').count()).toBe(0);
    await page.context().close();
  });
});

describe('reading without JavaScript, printing, larger type', () => {
  test('the disclosure is complete without JavaScript: tables, chart summaries and chart data tables', async () => {
    const visit = await open(origin, { javaScriptEnabled: false });
    await visit.page.goto(base + JIANGAN);
    const page = visit.page;
    expect(await page.$$eval('section:has(> #part2) table.data', (t) => t.length)).toBeGreaterThanOrEqual(7);
    for (const n of [1, 2, 3, 4]) {
      expect(await page.isVisible(`#fig-${n} figcaption`)).toBe(true);
      expect(await page.isVisible(`#fig-${n} .chart__data table`)).toBe(true);
    }
    expect(visit.errors).toEqual([]);
    await page.context().close();
  });

  test('print: A4 without navigation, chart data tables printed', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + JIANGAN, { waitUntil: 'networkidle' });
    const page = visit.page;
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.site-header')).toBe(false);
    expect(await page.isVisible('.toc')).toBe(false);
    const data = await page.$eval('#fig-1 .chart__data', (d) => d.getBoundingClientRect().height);
    expect(data).toBeGreaterThan(20);
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.context().close();
  });

  test('the font-size control enlarges the text and remembers the choice', async () => {
    const visit = await open(origin);
    await visit.page.goto(base);
    const page = visit.page;
    const before = await page.$eval('main p', (p) => parseFloat(getComputedStyle(p).fontSize));
    await page.click('[data-font-size] button[data-size="xlarge"]');
    expect(await page.getAttribute('html', 'data-font-size')).toBe('xlarge');
    expect(await page.getAttribute('[data-font-size] button[data-size="xlarge"]', 'aria-pressed')).toBe('true');
    await page.goto(base + JIANGAN);
    expect(await page.getAttribute('html', 'data-font-size')).toBe('xlarge');
    await page.goto(base);
    const after = await page.$eval('main p', (p) => parseFloat(getComputedStyle(p).fontSize));
    expect(after).toBeGreaterThan(before * 1.2);
    await page.context().close();
  });

  test('the first Tab reaches a visible skip link to the main content', async () => {
    const visit = await open(origin);
    await visit.page.goto(base + JIANGAN);
    const page = visit.page;
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      href: document.activeElement?.getAttribute('href'),
      top: document.activeElement?.getBoundingClientRect().top ?? -1,
      outline: getComputedStyle(document.activeElement!).outlineStyle,
    }));
    expect(focused.text).toBe('跳到正文');
    expect(focused.href).toBe('#main');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(focused.outline).not.toBe('none');
    await page.context().close();
  });
});
