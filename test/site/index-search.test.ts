/**
 * The Pagefind step of the build: one index per year, in parts of a bounded
 * size (pagefind/<year>/<n>/), the UI files once in pagefind/, years.json
 * listing the years and their parts; a rebuild indexes again only the parts
 * whose pages changed; it fails loudly (exit 1) instead of publishing a broken
 * index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { indexSite, namedFiles } from '../../scripts/index-search.ts';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { encode } from 'cborg';
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
const entry = (dir: string, part: string) =>
  JSON.parse(readFileSync(join(dir, 'pagefind', part, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
const pageCount = (dir: string, part: string) => Object.values(entry(dir, part).languages)[0]?.page_count;
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'pagefind', 'years.json'), 'utf8')) as { years: string[]; parts: Record<string, string[]> };
const filesOf = (dir: string, part: string) => (readdirSync(join(dir, 'pagefind', part), { recursive: true }) as string[]).sort();
/** The part's bundle in `after` is the one in `before`, file for file, byte for byte. */
function samePart(before: string, after: string, part: string): void {
  expect(filesOf(after, part)).toEqual(filesOf(before, part));
  for (const f of filesOf(before, part)) {
    if (statSync(join(before, 'pagefind', part, f)).isFile()) expect(readFileSync(join(after, 'pagefind', part, f)).equals(readFileSync(join(before, 'pagefind', part, f))), f).toBe(true);
  }
}

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
    expect(manifest(dir)).toEqual({ years: ['2023', '2022'], parts: { '2023': ['2023/0'], '2022': ['2022/0'] } });
    expect(pageCount(dir, '2023/0')).toBe(2);
    expect(pageCount(dir, '2022/0')).toBe(1);
    for (const part of ['2023/0', '2022/0']) {
      expect(existsSync(join(dir, 'pagefind', part, 'pagefind.js'))).toBe(true);
      expect(existsSync(join(dir, 'pagefind', part, 'pagefind-ui.js'))).toBe(false);
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
    expect(r.years.map((y) => [y.year, y.reused])).toEqual([['2023', 0], ['2022', 1]]);
    // The unchanged year: the previous bundle, file for file.
    samePart(before, after, '2022/0');
    // The changed year: made again (its words differ), the UI files still once in pagefind/.
    expect(readFileSync(join(after, 'pagefind', '2023/0', 'pages.sha256'), 'utf8')).not.toBe(readFileSync(join(before, 'pagefind', '2023/0', 'pages.sha256'), 'utf8'));
    expect(existsSync(join(after, 'pagefind', 'pagefind-ui.js'))).toBe(true);
    expect(existsSync(join(after, 'pagefind', '2023/0', 'pagefind-ui.js'))).toBe(false);
    // Nothing changed at all: every year kept, the UI files taken from the previous site.
    const again = site({ ...pages, 'jiangan/2023/index.html': bureauYear('江岸区医疗保障局 2023', '城乡居民基本医疗保险') });
    const r2 = await indexSite(again, { previous: after });
    expect(r2.years.every((y) => y.reused === y.parts.length)).toBe(true);
    expect(existsSync(join(again, 'pagefind', 'pagefind-ui.js'))).toBe(true);
  });

  /**
   * Three 2023 pages indexed; 江岸's page changed and indexed again over that site (after `tamper` with its
   * bundle), and a fresh index of the changed pages to compare with. Returns the three sites' fragment folders.
   */
  async function reindexed(tamper: (bundle: string) => void = () => {}) {
    const pages = {
      'index.html': page('<main>首页</main>'),
      'jiangan/2023/index.html': bureauYear('江岸区医疗保障局 2023', '医疗救助'),
      'hanyang/2023/index.html': bureauYear('汉阳区医疗保障局 2023', '医疗救助'),
      'wuchang/2023/index.html': bureauYear('武昌区医疗保障局 2023', '医疗救助'),
    };
    const before = site(pages);
    await indexSite(before);
    tamper(join(before, 'pagefind/2023/0'));
    const changed = { ...pages, 'jiangan/2023/index.html': bureauYear('江岸区医疗保障局 2023', '城乡居民基本医疗保险') };
    const after = site(changed);
    await indexSite(after, { previous: before });
    const fresh = site(changed);
    await indexSite(fresh);
    // Byte for byte what a fresh build writes: the old fragment and chunks of the changed page are not left behind.
    samePart(fresh, after, '2023/0');
    const fragments = (dir: string) => join(dir, 'pagefind/2023/0/fragment');
    const shared = readdirSync(fragments(after)).filter((f) => existsSync(join(fragments(before), f)));
    const sameFile = (f: string) => statSync(join(fragments(after), f)).ino === statSync(join(fragments(before), f)).ino;
    return { after, shared, sameFile };
  }

  it("a changed year's index made again is the one a fresh build makes, with the unchanged pages' files linked from the previous site", async () => {
    const { after, shared, sameFile } = await reindexed();
    expect(shared).toHaveLength(2);
    for (const f of shared) expect(sameFile(f), f).toBe(true);
    // Every file the index names is there.
    for (const f of namedFiles(join(after, 'pagefind/2023/0'))) expect(existsSync(join(after, 'pagefind/2023/0', f)), f).toBe(true);
  });

  it('does not start from the files of an index another Pagefind version wrote', async () => {
    const { shared, sameFile } = await reindexed((bundle) => {
      const entry = join(bundle, 'pagefind-entry.json');
      writeFileSync(entry, readFileSync(entry, 'utf8').replace(/"version":"[^"]+"/, '"version":"0.0.1"'));
    });
    expect(shared).toHaveLength(2);
    for (const f of shared) expect(sameFile(f), f).toBe(false);
  });

  it('says so when a bundle\'s metadata is not laid out as this Pagefind version lays it out', () => {
    const bundle = tempDir('index-meta-');
    writeFileSync(join(bundle, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: { 'zh-cn': { hash: 'zh-cn_1', page_count: 1 } } }));
    writeFileSync(join(bundle, 'pagefind.zh-cn_1.pf_meta'), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), encode(['1.6.0', { pages: [] }])])));
    expect(() => namedFiles(bundle)).toThrow(/pagefind\.zh-cn_1\.pf_meta: Pagefind 索引元数据的格式与预期不同/);
  });

  it('splits a large year into parts, a bureau always in the same one, and a rebuild indexes again only the changed part', async () => {
    const bureaus = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((c) => `bureau-${c}`);
    const pages = Object.fromEntries([
      ['index.html', page('<main>首页</main>')],
      ...bureaus.map((b) => [`${b}/2024/index.html`, bureauYear(`${b} 2024`, '医疗救助')]),
      ['bureau-a/2023/index.html', bureauYear('bureau-a 2023', '医疗救助')],
    ]);
    const before = site(pages);
    // At most about 3 pages a part: 8 pages of 2024 in up to 3 parts (a part with no bureau is left out).
    const r = await indexSite(before, { pagesPerPart: 3 });
    const parts = manifest(before).parts;
    expect(parts['2023']).toEqual(['2023/0']);
    expect(parts['2024']!.length).toBeGreaterThan(1);
    expect(parts['2024']!.every((p) => /^2024\/[012]$/.test(p))).toBe(true);
    expect(r.years.map((y) => y.parts)).toEqual([parts['2024'], parts['2023']]);
    // Every page of the year is in exactly one part.
    expect(parts['2024']!.reduce((n, p) => n + pageCount(before, p)!, 0)).toBe(bureaus.length);
    expect(r.indexed).toBe(bureaus.length + 1);

    // bureau-e's page changes: its part is indexed again, the other parts are the previous ones, linked.
    const after = site({ ...pages, 'bureau-e/2024/index.html': bureauYear('bureau-e 2024', '城乡居民基本医疗保险') });
    const r2 = await indexSite(after, { previous: before, pagesPerPart: 3 });
    expect(manifest(after)).toEqual(manifest(before));
    const changed = parts['2024']!.filter((p) => readFileSync(join(after, 'pagefind', p, 'pages.sha256'), 'utf8') !== readFileSync(join(before, 'pagefind', p, 'pages.sha256'), 'utf8'));
    expect(changed).toHaveLength(1);
    expect(r2.years[0]).toMatchObject({ year: '2024', reused: parts['2024']!.length - 1 });
    for (const p of parts['2024']!.filter((p) => p !== changed[0])) {
      samePart(before, after, p);
      expect(statSync(join(after, 'pagefind', p, 'pagefind-entry.json')).ino).toBe(statSync(join(before, 'pagefind', p, 'pagefind-entry.json')).ino);
    }
  });
});
