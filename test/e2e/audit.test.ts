/**
 * 数据核对 on the site: the bureau-year page's #data-check section and the
 * site-wide /audit/ page list the findings; the narrative's note keeps the
 * published wording as text and is a keyboard-operable link to its finding.
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from './helpers/browser.ts';
import { RULES } from '../../src/core/check/rules.ts';

const base = inject('subUrl');
const origin = new URL(base).origin;
const DONGXIHU = 'wuhan-dongxihu-yibao/2024/';

const open = useBrowser();

describe('数据核对', () => {
  test('the bureau-year page has a 数据核对 section in its table of contents, grouped by certainty', async () => {
    const visit = await open(origin);
    const page = visit.page;
    await page.goto(base + DONGXIHU);
    expect(await page.locator('.toc a[href="#data-check"]').textContent()).toBe('数据核对');
    const section = page.locator('section:has(> #data-check)');
    expect(await section.locator('h2').first().textContent()).toBe('数据核对');
    const groups = await section.locator('h3').allTextContents();
    expect(groups.map((g) => g.replace(/\s+/g, ' ').trim())).toEqual([expect.stringMatching(/^确定 \d+ 条$/), expect.stringMatching(/^提示 \d+ 条$/)]);
    const finding = section.locator('li#check-n30-grandTotal-changePct');
    const text = (await finding.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('原文"增长 6.4%"');
    expect(text).toContain('“增长 6.4%”'); // 原文
    expect(text).toContain('0.64%'); // 计算值
    expect(text).toContain('收、支总计 2,776.88；上年收、支总计 2,759.20'); // 计算依据
    expect(text).toContain('第三部分 情况说明 / 一、收入支出决算总体情况说明');
    expect(text).toContain('narrative.md 第 30 行');
    // The unit and the wrong denominator are listed too.
    expect(await section.locator('li#check-n84-item-2101101-budget').textContent()).toContain('823.58 元');
    await page.context().close();
  });

  test('the note keeps the published wording as text and is a keyboard-operable link to its finding', async () => {
    const visit = await open(origin);
    const page = visit.page;
    await page.goto(base + DONGXIHU);
    const link = page.locator('.narrative [data-fig="grandTotal.changePct"] .fig-note a');
    // Not colour alone: the words say it, and a screen reader reads them as a link.
    expect(await page.locator('.narrative [data-fig="grandTotal.changePct"]').first().textContent()).toBe('0.6%（原文为“6.4%”）'); // the template prints one decimal
    const accessibleName = await link.first().evaluate((a) => (a as HTMLAnchorElement).textContent);
    expect(accessibleName).toBe('原文为“6.4%”');
    await link.first().focus();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('原文为“6.4%”');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#check-n30-grandTotal-changePct');
    const target = page.locator('#check-n30-grandTotal-changePct');
    expect(await target.isVisible()).toBe(true);
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    await page.context().close();
  });

  test('the site-wide page lists the findings by bureau and year, and every rule with its tolerance', async () => {
    const visit = await open(origin);
    const page = visit.page;
    await page.goto(base + 'audit/');
    expect(await page.locator('h1').textContent()).toBe('数据核对');
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toEqual(expect.arrayContaining(['武汉市东西湖区医疗保障局 2024 年度', '武汉市蔡甸区医疗保障局 2022 年度', '核对规则与容差']));
    const caidian = page.locator('section:has(> #audit-wuhan-caidian-yibao-2022)');
    expect(await caidian.textContent()).toContain('原文"截至2021年12月31日"与决算年度 2022 年不符');
    // Links to each page's 数据核对 section.
    expect(await page.locator(`a[href$="wuhan-caidian-yibao/2022/#data-check"]`).count()).toBeGreaterThan(0);
    const ruleRows = page.locator('#rules-caption + thead + tbody tr');
    expect(await ruleRows.count()).toBe(Object.keys(RULES).length);
    expect(await page.locator('[id="rule-narrative.unit"]').textContent()).toContain('元');
    expect(await page.locator('#tolerances-caption').textContent()).toBe('容差与确定程度');
    await page.context().close();
  });
});
