/**
 * npm run new: a draft of next year in a temporary copy of the content, which
 * the checker reports as incomplete; filled from the seed's tables it checks
 * clean and builds, with the bureau page comparing its years; a draft left
 * unfilled still renders, with the 草稿/未通过核对 banner.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { buildEnv } from '../e2e/helpers/build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let tmp: string;
let content: string;

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...buildEnv(), CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}`, stdout: r.stdout };
}
const check = () => JSON.parse(run('scripts/check.ts', ['--json']).stdout) as { ok: boolean; contentErrors: unknown[]; findings: { rule: string; severity: string; bureauYear: string; file: string; line: number; field?: string; message: string }[] };
const draftDir = (bureau: string, year: string) => join(content, 'bureaus', bureau, year);

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'jsgk-new-'));
  content = join(tmp, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run new', () => {
  test('refuses an unknown bureau, a year not after the latest, an existing year without --force', () => {
    const unknown = run('scripts/new.ts', ['no-such-bureau', '2024']);
    expect(unknown.status).toBe(1);
    expect(unknown.out).toContain('未知部门 no-such-bureau');
    const early = run('scripts/new.ts', ['wuhan-jiangan-yibao', '2023']);
    expect(early.status).toBe(1);
    expect(early.out).toContain('已存在');
    const before = run('scripts/new.ts', ['wuhan-jiangan-yibao', '2022']);
    expect(before.status).toBe(1);
    expect(before.out).toContain('不在最新年度 2023 之后');
    expect(run('scripts/new.ts', ['wuhan-jiangan-yibao', '20x4']).out).toContain('四位数字');
  });

  test('creates the draft, prints the checklist, and the checker reports what is missing', () => {
    const made = run('scripts/new.ts', ['wuhan-jiangan-yibao', '2024']);
    expect(made.status, made.out).toBe(0);
    expect(made.out).toContain('待填写清单');
    expect(made.out).toContain('tables.t05');
    expect(readFileSync(join(draftDir('wuhan-jiangan-yibao', '2024'), 'checklist.md'), 'utf8')).toContain('- [ ] data.yaml tables.t01');
    const data = parseDocument(readFileSync(join(draftDir('wuhan-jiangan-yibao', '2024'), 'data.yaml'), 'utf8')).toJS();
    // This year's figures become next year's comparatives.
    expect(data.prior).toMatchObject({ year: '2023', grandTotal: '1234.07', gpbExpenditure: '1234.07', personnel: '181.02' });
    expect(data.tables.t01).toEqual({ notProvided: '待填写' });

    const r = check();
    expect(r.ok).toBe(false);
    expect(r.contentErrors).toEqual([]);
    const todo = r.findings.filter((f) => f.bureauYear === 'wuhan-jiangan-yibao/2024' && f.rule === 'draft.todo');
    expect(todo.every((f) => f.severity === 'error')).toBe(true);
    expect(todo.map((f) => f.field)).toEqual(expect.arrayContaining(['draft', 'source.title', 'tables.t01.notProvided', 'tables.t09.notProvided']));
    const t01 = todo.find((f) => f.field === 'tables.t01.notProvided')!;
    expect(t01.message).toContain('公开01表');
    expect(t01.file).toMatch(/wuhan-jiangan-yibao\/2024\/data\.yaml$/);
    expect(readFileSync(join(draftDir('wuhan-jiangan-yibao', '2024'), 'data.yaml'), 'utf8').split('\n')[t01.line - 1]).toMatch(/notProvided: 待填写/);
    expect(todo.some((f) => f.file.endsWith('narrative.md'))).toBe(true);
    // Only the draft fails: the other bureau-years are untouched.
    expect(r.findings.filter((f) => f.severity === 'error' && f.bureauYear !== 'wuhan-jiangan-yibao/2024')).toEqual([]);
  });

  test('filled from the seed, the draft checks clean; a second draft left unfilled still builds its page with the banner', { timeout: 120_000 }, () => {
    const dir = draftDir('wuhan-jiangan-yibao', '2024');
    const seed = parseDocument(readFileSync(join(content, 'bureaus/wuhan-jiangan-yibao/2023/data.yaml'), 'utf8'));
    const doc = parseDocument(readFileSync(join(dir, 'data.yaml'), 'utf8'));
    for (const key of ['tables', 'publishedAsIs', 'budget', 'performance', 'operatingCost', 'staff']) {
      if (seed.has(key)) doc.set(key, seed.get(key));
      else doc.delete(key);
    }
    doc.setIn(['source', 'title'], '武汉市江岸区医疗保障局2024年度部门决算');
    doc.delete('draft');
    writeFileSync(join(dir, 'data.yaml'), doc.toString());
    const narrative = readFileSync(join(dir, 'narrative.md'), 'utf8');
    writeFileSync(join(dir, 'narrative.md'), narrative.split('\n').filter((l) => !l.includes('待填写')).join('\n'));
    const filled = check();
    expect(filled.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(filled.contentErrors).toEqual([]);
    expect(filled.ok).toBe(true);

    expect(run('scripts/new.ts', ['wuhan-hanyang-yibao', '2022']).status).toBe(0);
    const out = join(tmp, 'dist');
    const built = run('node_modules/astro/bin/astro.mjs', ['build', '--outDir', out]);
    expect(built.status, built.out).toBe(0);
    const page = (p: string) => readFileSync(join(out, p, 'index.html'), 'utf8');

    expect(page('wuhan-jiangan-yibao/2024/')).not.toContain('draft-banner');
    const draft = page('wuhan-hanyang-yibao/2022/');
    expect(draft).toContain('草稿 · 未通过核对');
    expect(draft).toMatch(/wuhan-hanyang-yibao\/2022\/data\.yaml:\d+ tables\.t01\.notProvided<\/code> 公开01表的数字 待填写/);
    expect(draft).toContain('href="#data-check"');

    // The bureau page compares its years: 2022 from 2023's 上年数, 2023 and 2024 from their files.
    const bureau = page('wuhan-jiangan-yibao/');
    expect(bureau).toContain('2022年度（上年数）');
    expect(bureau).toMatch(/<th scope="col" class="num"[^>]*>2024年度<\/th>/);
    expect(bureau).toContain('较2023年度增减');
    expect(bureau).toContain('id="compare-t05"');
  });
});
