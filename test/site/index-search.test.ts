/** The Pagefind step of the build fails loudly (exit 1) instead of publishing a broken index. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(dir: string) {
  return spawnSync(process.execPath, ['scripts/index-search.ts', dir], { encoding: 'utf8' });
}
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'index-search-'));
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  return dir;
}
const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body>${body}</body></html>`;

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

  it('indexes the marked pages and writes the bundle', () => {
    const dir = site({
      'index.html': page('<main>首页</main>'),
      'a.html': page('<main data-pagefind-body><h1 data-pagefind-meta="title">江岸区医疗保障局</h1><p>医疗救助</p></main>'),
    });
    const r = run(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('已索引 1 个');
    expect(existsSync(join(dir, 'pagefind', 'pagefind-ui.js'))).toBe(true);
  });
});
