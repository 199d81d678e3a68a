/**
 * The Pagefind step of the build: one index per year (pagefind/<year>/), the UI
 * files once in pagefind/, years.json listing the years; it fails loudly
 * (exit 1) instead of publishing a broken index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { indexSite } from '../../scripts/index-search.ts';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp.ts';

function run(dir: string) {
  return spawnSync(process.execPath, ['scripts/index-search.ts', dir], { encoding: 'utf8' });
}
function site(pages: Record<string, string>): string {
  const dir = tempDir('index-search-');
  for (const [name, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), html);
  }
  return dir;
}
const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;
const bureauYear = (name: string, text: string) =>
  page(`<main data-pagefind-body><h1 data-pagefind-meta="title">${name}</h1><p>${text}</p></main>`);
const entry = (dir: string, year: string) =>
  JSON.parse(readFileSync(join(dir, 'pagefind', year, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };

describe('scripts/index-search.ts', () => {
  it('fails without a built site', () => {
    const r = run(join(tmpdir(), 'no-such-site'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未找到构建结果');
  });

  it('fails when no page is marked with data-pagefind-body', () => {
    const r = run(site({ 'index.html': page('<main>首页</main>') }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('data-pagefind-body');
  });

  it('fails when a marked page is not a bureau-year page', () => {
    const r = run(site({ 'index.html': page('<main>首页</main>'), 'glossary/index.html': bureauYear('术语', '基本支出') }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('glossary/index.html');
  });

  it('writes one index per year with that year\'s pages only, the UI files once and years.json', () => {
    const dir = site({
      'index.html': page('<main>首页</main>'),
      'jiangan/2023/index.html': bureauYear('江岸区医疗保障局 2023', '医疗救助'),
      'jiangan/2022/index.html': bureauYear('江岸区医疗保障局 2022', '医疗救助'),
      'hanyang/2023/index.html': bureauYear('汉阳区医疗保障局 2023', '医疗救助'),
      // Same layout, not marked: not indexed, not counted.
      'compare/2023/index.html': page('<main>比较</main>'),
    });
    const r = run(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('已索引 3 个');
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', 'years.json'), 'utf8'))).toEqual({ years: ['2023', '2022'] });
    expect(Object.values(entry(dir, '2023').languages)[0]?.page_count).toBe(2);
    expect(Object.values(entry(dir, '2022').languages)[0]?.page_count).toBe(1);
    for (const year of ['2023', '2022']) {
      expect(existsSync(join(dir, 'pagefind', year, 'pagefind.js'))).toBe(true);
      expect(existsSync(join(dir, 'pagefind', year, 'pagefind-ui.js'))).toBe(false);
    }
    expect(existsSync(join(dir, 'pagefind', 'pagefind-ui.js'))).toBe(true);
    expect(existsSync(join(dir, 'pagefind', 'pagefind-ui.css'))).toBe(true);
  });

  it('a rebuild keeps the index of a year whose pages are unchanged and indexes a changed year again', async () => {
    const pages = {
      'index.html': page('<main>首页</main>'),
      'jiangan/2023/index.html': bureauYear('江岸区医疗保障局 2023', '医疗救助'),
      'jiangan/2022/index.html': bureauYear('江岸区医疗保障局 2022', '医疗救助'),
    };
    const before = site(pages);
    expect(run(before).status).toBe(0);
    const after = site({ ...pages, 'jiangan/2023/index.html': bureauYear('江岸区医疗保障局 2023', '城乡居民基本医疗保险') });
    const r = await indexSite(after, { previous: before });
    expect(r.years.map((y) => [y.year, !!y.reused])).toEqual([['2023', false], ['2022', true]]);
    const files = (dir: string, year: string) => (readdirSync(join(dir, 'pagefind', year), { recursive: true }) as string[]).sort();
    // The unchanged year: the previous bundle, file for file.
    expect(files(after, '2022')).toEqual(files(before, '2022'));
    for (const f of files(before, '2022')) {
      if (statSync(join(before, 'pagefind', '2022', f)).isFile()) expect(readFileSync(join(after, 'pagefind', '2022', f)).equals(readFileSync(join(before, 'pagefind', '2022', f)))).toBe(true);
    }
    // The changed year: made again (its words differ), the UI files still once in pagefind/.
    expect(readFileSync(join(after, 'pagefind', '2023', 'pages.sha256'), 'utf8')).not.toBe(readFileSync(join(before, 'pagefind', '2023', 'pages.sha256'), 'utf8'));
    expect(existsSync(join(after, 'pagefind', 'pagefind-ui.js'))).toBe(true);
    expect(existsSync(join(after, 'pagefind', '2023', 'pagefind-ui.js'))).toBe(false);
    // Nothing changed at all: every year kept, the UI files taken from the previous site.
    const again = site({ ...pages, 'jiangan/2023/index.html': bureauYear('江岸区医疗保障局 2023', '城乡居民基本医疗保险') });
    const r2 = await indexSite(again, { previous: after });
    expect(r2.years.every((y) => y.reused)).toBe(true);
    expect(existsSync(join(again, 'pagefind', 'pagefind-ui.js'))).toBe(true);
  });
});
