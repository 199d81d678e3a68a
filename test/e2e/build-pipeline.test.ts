/**
 * npm run build (scripts/build.ts) is all or nothing: a build that fails —
 * bad content, a failure while rendering, a failure while indexing — leaves
 * the previously published site byte for byte as it was and no temporary
 * folder behind; so does a build stopped with Ctrl-C, and what a killed build
 * left is cleared by the next one; a second build while one runs is refused;
 * a build that succeeds replaces it. Small synthetic content
 * (scripts/synthetic/generate.ts) through CONTENT_DIR, a sub-path base.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bureauAt, bureauYearDir, generate } from '../../scripts/synthetic/generate.ts';
import { runBuild, siteFiles, startBuild } from './helpers/build.ts';

const tmp = mkdtempSync(join(tmpdir(), 'jsgk-pipeline-'));
const content = join(tmp, 'content');
const out = join(tmp, 'site');
const BASE = '/zwgk/test/';
/** The project's build lock (scripts/build.ts lockProject). */
const LOCK = join(import.meta.dirname, '../../.astro/build.lock');

/** Leftovers next to the output: temporary build folders (a failed build's log file may stay). */
const leftovers = () => (existsSync(join(tmp, '.build-tmp')) ? readdirSync(join(tmp, '.build-tmp')).filter((f) => !f.endsWith('.log')) : []);

let before: Record<string, string>;
beforeAll(() => {
  generate({ dir: content, bureaus: 2, years: 2 });
  const first = runBuild(out, { CONTENT_DIR: content, SITE_BASE: BASE });
  expect(first.status, first.output).toBe(0);
  before = siteFiles(out);
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scripts/build.ts', () => {
  test('publishes a complete site under SITE_BASE from CONTENT_DIR, with its search index', () => {
    const page = `${bureauAt(0).id}/2024/index.html`;
    expect(before[page]).toBeDefined();
    expect(before['pagefind/years.json']).toBeDefined();
    expect(before['pagefind/2024/0/pagefind-entry.json']).toBeDefined();
    expect(before['pagefind/2023/0/pagefind-entry.json']).toBeDefined();
    expect(readFileSync(join(out, page), 'utf8')).toContain(`href="${BASE}`);
    expect(readFileSync(join(out, page), 'utf8')).toContain(bureauAt(0).name);
    expect(leftovers()).toEqual([]);
  });

  test('bad content: the build stops at the check with file and line, the published site is untouched', () => {
    const bad = join(tmp, 'bad');
    generate({ dir: bad, bureaus: 2, years: 2 });
    const file = join(bureauYearDir(bad, 1, 2024), 'data.yaml');
    // Break 01表 行60 (支出总计): it no longer equals 57+58+59.
    const text = readFileSync(file, 'utf8').replace(/^(\s+"?60"?: )([\d.]+)$/m, (_, k: string, v: string) => `${k}${(Number(v) + 100).toFixed(2)}`);
    writeFileSync(file, text);
    const run = runBuild(out, { CONTENT_DIR: bad, SITE_BASE: BASE });
    expect(run.status).toBe(1);
    expect(run.output).toContain('构建失败（核对内容 / check）');
    expect(run.output).toMatch(new RegExp(`${bureauAt(1).id}/2024/data\\.yaml:\\d+ 错误 \\[t01\\.line60\\]`));
    expect(siteFiles(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 240_000);

  test.each(['render', 'index'])('a failure while %s leaves the published site untouched', (step) => {
    const run = runBuild(out, { CONTENT_DIR: content, SITE_BASE: BASE, BUILD_FAULT: step });
    expect(run.status).toBe(1);
    expect(run.output).toContain(`BUILD_FAULT=${step}`);
    expect(run.output).toContain('未改动');
    expect(siteFiles(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 240_000);

  test('Ctrl-C while rendering: the build stops with exit code 130, the published site is untouched, no temporary folder stays', async () => {
    const build = startBuild(out, { CONTENT_DIR: content, SITE_BASE: BASE });
    // Wait until astro build writes into the temporary folder.
    const rendering = () => existsSync(join(tmp, '.build-tmp')) && readdirSync(join(tmp, '.build-tmp')).some((f) => /^site-\d+-\d+$/.test(f));
    while (!rendering()) await new Promise((resolve) => setTimeout(resolve, 50));
    build.interrupt();
    const run = await build.done;
    expect(run.status, run.output).toBe(130);
    expect(run.output).toContain('构建已中断');
    expect(run.output).toContain('未改动');
    expect(siteFiles(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 240_000);

  test('a second build from the same project folder while one runs says so and changes nothing; the first goes on', async () => {
    const first = startBuild(join(tmp, 'other-site'), { CONTENT_DIR: content, SITE_BASE: BASE });
    const rendering = () => existsSync(join(tmp, '.build-tmp')) && readdirSync(join(tmp, '.build-tmp')).some((f) => /^other-site-\d+-\d+$/.test(f));
    while (!rendering()) await new Promise((resolve) => setTimeout(resolve, 50));
    const second = runBuild(out, { CONTENT_DIR: content, SITE_BASE: BASE });
    expect(second.status).toBe(1);
    expect(second.output).toMatch(/另一个构建正在运行（进程 \d+），请等它结束后再构建；未做任何改动/);
    expect(siteFiles(out)).toEqual(before);
    // The first build was not disturbed: it is still rendering when stopped.
    first.interrupt();
    const run = await first.done;
    expect(run.status, run.output).toBe(130);
    expect(existsSync(LOCK)).toBe(false);
  }, 240_000);

  test('what a killed build left is cleared by the next build; a site it had moved aside is put back first', () => {
    // A process that has ended: its id names the leftovers of a build that died, and the project's build lock.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(LOCK, `${dead}\n`);
    const tmpRoot = join(tmp, '.build-tmp');
    mkdirSync(join(tmpRoot, `site-${dead}-1`, 'half'), { recursive: true });
    mkdirSync(join(tmpRoot, `site-${dead}-1.check`), { recursive: true });
    // It died while swapping the folders: the published site is aside, the output folder missing.
    renameSync(out, join(tmpRoot, `site-${dead}-1.old`));
    const run = runBuild(out, { CONTENT_DIR: content, SITE_BASE: BASE, BUILD_FAULT: 'render' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('模拟故障');
    expect(existsSync(LOCK)).toBe(false);
    expect(siteFiles(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 240_000);

  test('a successful build replaces the site', () => {
    const narrative = join(bureauYearDir(content, 0, 2024), 'narrative.md');
    writeFileSync(narrative, `${readFileSync(narrative, 'utf8')}\n本段为构建测试新增的说明。\n`);
    const run = runBuild(out, { CONTENT_DIR: content, SITE_BASE: BASE });
    expect(run.status, run.output).toBe(0);
    expect(readFileSync(join(out, `${bureauAt(0).id}/2024/index.html`), 'utf8')).toContain('本段为构建测试新增的说明');
    expect(leftovers()).toEqual([]);
  }, 240_000);
});
