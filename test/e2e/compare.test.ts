/** 部门对比 (choice kept in the URL, restored on reload) and the subject pages (类 → 款 → 项 → year), in Chromium. */
import { expect, inject, test } from 'vitest';
import { useBrowser } from './helpers/browser.ts';

const base = inject('subUrl');
const origin = new URL(base).origin;
const open = useBrowser();

test('choose a year and two bureaus: the table shows them, the URL keeps the choice, a reload restores it', async () => {
  const visit = await open(origin);
  const { page } = visit;
  await page.goto(`${base}compare/`, { waitUntil: 'networkidle' });
  await page.selectOption('#compare-year', '2022');
  // Bureaus without a 2022 disclosure are not offered.
  await expect(page.isVisible('label[for="compare-b-wuhan-jiangan-yibao"]')).resolves.toBe(false);
  await page.getByLabel('南昌市东湖区医疗保障局').check();
  await page.getByLabel('武汉市蔡甸区医疗保障局').check();
  await page.waitForSelector('#compare-table');
  expect(new URL(page.url()).search).toBe('?year=2022&b=nanchang-donghu-yibao,wuhan-caidian-yibao');
  const headers = await page.locator('#compare-table thead th').allTextContents();
  expect(headers).toEqual(['项目', '南昌市东湖区医疗保障局', '武汉市蔡甸区医疗保障局']);
  const staffRow = await page.locator('#compare-table tbody tr', { hasText: '在职人数' }).locator('td').allTextContents();
  expect(staffRow[0]).toBe('18');

  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForSelector('#compare-table');
  await expect(page.inputValue('#compare-year')).resolves.toBe('2022');
  await expect(page.isChecked('#compare-b-nanchang-donghu-yibao')).resolves.toBe(true);
  await expect(page.isChecked('#compare-b-wuhan-caidian-yibao')).resolves.toBe(true);
  expect(await page.locator('#compare-table thead th').count()).toBe(3);

  // Unchecking one updates the table and the address.
  await page.getByLabel('武汉市蔡甸区医疗保障局').uncheck();
  await expect.poll(() => new URL(page.url()).search).toBe('?year=2022&b=nanchang-donghu-yibao');
  expect(await page.locator('#compare-table thead th').count()).toBe(2);
  expect(visit.errors).toEqual([]);
  expect(visit.external).toEqual([]);
  expect(visit.failed).toEqual([]);
  await page.context().close();
});

test('a shared address opens with the choice made', async () => {
  const visit = await open(origin);
  await visit.page.goto(`${base}compare/?year=2023&b=wuhan-jiangan-yibao`, { waitUntil: 'networkidle' });
  await visit.page.waitForSelector('#compare-table');
  expect(await visit.page.locator('#compare-table thead th').allTextContents()).toEqual(['项目', '武汉市江岸区医疗保障局']);
  const total = await visit.page.locator('#compare-table tbody tr', { hasText: '收、支总计' }).locator('td').allTextContents();
  expect(total).toEqual(['1,234.07']);
  await visit.page.context().close();
});

test('subject pages: 类 → 款 → 项 → one year lists the bureaus, and back up', async () => {
  const visit = await open(origin);
  const { page } = visit;
  await page.goto(`${base}subjects/`, { waitUntil: 'networkidle' });
  await page.getByRole('link', { name: '210 卫生健康支出' }).click();
  await expect(page.locator('h1').textContent()).resolves.toBe('210 卫生健康支出（类）');
  await page.getByRole('link', { name: '21013 医疗救助' }).click();
  await page.getByRole('link', { name: '2101301 城乡医疗救助' }).click();
  await expect(page.locator('h1').textContent()).resolves.toBe('2101301 城乡医疗救助（项）');
  await page.getByRole('link', { name: '2023 年度' }).first().click();
  const rows = await page.locator('table.data tbody th a').allTextContents();
  expect(rows).toContain('武汉市江岸区医疗保障局');
  // Up again to the 款.
  await page.getByRole('link', { name: '21013 医疗救助' }).first().click();
  await expect(page.locator('h1').textContent()).resolves.toBe('21013 医疗救助（款）');
  expect(visit.errors).toEqual([]);
  expect(visit.failed).toEqual([]);
  await page.context().close();
});

test('the bureau page puts each table side by side by year, with a chart and its table', async () => {
  const visit = await open(origin);
  await visit.page.goto(`${base}wuhan-jiangan-yibao/`, { waitUntil: 'networkidle' });
  const heads = await visit.page.locator('#by-year-t01 ~ .table-scroll thead th').allTextContents();
  expect(heads).toEqual(['项目', '2022年度（上年数）', '2023年度', '较2022年度增减', '增减率']);
  const total = await visit.page.locator('#by-year-t01 ~ .table-scroll tbody tr', { hasText: '总计（行30）' }).first().locator('td').allTextContents();
  expect(total).toEqual(['1,183.81', '1,234.07', '+50.26', '+4.2%']);
  await expect(visit.page.locator('#compare-t01 canvas').count()).resolves.toBe(1);
  await visit.page.context().close();
});
