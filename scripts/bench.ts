/**
 * npm run bench -- --bureaus N --years Y [--seed S] [--rebuild] [--keep] [--no-search] [--samples K] [--dir D]
 * npm run bench -- --search-only [--samples K] --dir D   (the search figures of a site kept with --keep --dir D)
 *
 * Generates synthetic content (scripts/synthetic/generate.ts) into a temporary
 * folder, builds it with the real pipeline (scripts/build.ts: check, astro
 * build, Pagefind, publish) and prints:
 *   - wall time, time per bureau-year, time per step;
 *   - peak memory of the whole process tree (sampled from /proc every 200 ms);
 *   - output size, file count, search index size;
 *   - with --rebuild: the time of a build after one bureau-year's narrative changed, and of one after one of its figures changed;
 *   - search in headless Chromium (the site's own search page): time to the
 *     first result and bytes downloaded, for a few realistic queries, in the
 *     newest year (what the search page searches by default) and in 全部年度
 *     (every year's index merged in the browser, ?year=all). Each query is
 *     timed in K fresh visits (default 5): the median, and the fastest and
 *     slowest (one visit varies by tens of ms on a busy machine).
 * It first prints the machine: Node's and Chromium's versions and the time of
 * a fixed piece of work (machineReference), to compare runs on a machine whose
 * speed varies. Figures are printed, never asserted. Everything generated is
 * deleted at the end unless --keep.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { bureauAt, bureauYearDir, generate, moveWages } from './synthetic/generate.ts';
import { cacheFolderOf } from '../src/core/check/cache.ts';
import { BUILD_CACHE_ENV } from '../src/core/paths.ts';
import { defaultContentCacheDir } from '../src/core/content-cache.ts';
import { GZIP_TYPES } from '../src/core/security.ts';
import { parseManifest } from '../src/scripts/search-years.ts';
import type { Browser } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    bureaus: { type: 'string', default: '100' },
    years: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    rebuild: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    dir: { type: 'string' },
    'search-only': { type: 'boolean', default: false },
    samples: { type: 'string', default: '5' },
  },
});
/** Fresh visits per query on the search page; its figure is their median. */
const samples = Math.max(1, Number(values.samples) || 1);
const bureaus = Number(values.bureaus);
const years = Number(values.years);

// ---------------------------------------------------------------------------
// Memory of a process tree, from /proc

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone
    }
  }
  return map;
}

function treeRss(root: number): number {
  const kids = children();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone
    }
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

interface Run {
  ms: number;
  peak: number;
  code: number;
  output: string;
}

function measure(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 200);
    child.on('close', (code) => {
      clearInterval(timer);
      done({ ms: Date.now() - started, peak, code: code ?? 1, output });
    });
  });
}

// ---------------------------------------------------------------------------

function du(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, f));
    if (s.isFile()) {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Types `term` into the search page as a reader does and returns the ms from
 * the last thing typed to the first result of the whole term, measured inside
 * the page. Its leading Chinese is typed through the input method (two pinyin
 * letters a character, then committed: the page searches a committed word at
 * once); what follows (" 2023") key by key (the page searches 100 ms after the
 * last key).
 */
async function typeAndTime(page: import('playwright-core').Page, term: string): Promise<number> {
  const [, chinese = '', rest = ''] = /^([\u3400-\u9fff]*)(.*)$/su.exec(term)!;
  await page.evaluate((term) => {
    const w = window as unknown as { typedAt?: number; answeredAt?: number };
    const typed = () => (w.typedAt = performance.now());
    for (const type of ['input', 'compositionend']) window.addEventListener(type, typed, { capture: true });
    const answered = () => {
      // A term that is only a bureau's name is answered by the 部门 box alone (search.ts).
      if (document.querySelector('[data-search-named]:not([hidden]) [data-search-named-only]:not([hidden])')) return true;
      const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
      return message.includes(term) && (document.querySelector('.pagefind-ui__result-link') !== null || /未找到/.test(message));
    };
    const observer = new MutationObserver(() => {
      if (answered()) {
        w.answeredAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    // The link to a bureau the term names, at the top of the results (search.ts).
    const named = new MutationObserver(() => {
      if (document.querySelector('[data-search-named]:not([hidden]) a')) {
        (w as { namedAt?: number }).namedAt = performance.now();
        named.disconnect();
      }
    });
    named.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
  }, term);
  const { typeWithInputMethod } = await import('../test/e2e/helpers/browser.ts');
  await page.locator('.pagefind-ui__search-input').focus();
  if (chinese) await typeWithInputMethod(page, chinese, 'py'.repeat(chinese.length));
  if (rest) await page.keyboard.type(rest);
  const ms = await page.waitForFunction(
    () => {
      const w = window as unknown as { typedAt?: number; answeredAt?: number };
      return w.answeredAt !== undefined && Math.round(w.answeredAt - w.typedAt!);
    },
    undefined,
    { timeout: 60_000 },
  );
  return (await ms.jsonValue()) as number;
}

/** The built site served as it is, and headless Chromium, for `use`; both closed afterwards. */
async function onSite(site: string, use: (browser: Browser, server: { url: string }) => Promise<void>): Promise<void> {
  const { launch } = await import('../test/e2e/helpers/browser.ts');
  const { serveStatic } = await import('../test/e2e/helpers/server.ts');
  const server = await serveStatic(site, '/');
  const browser = await launch();
  try {
    await use(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Bytes a page downloads: as the bench's server sends them (the headers of
 * src/core/security.ts, nothing compressed on the fly; Pagefind's files are
 * gzip already and marked so), and as nginx with the shipped configuration
 * would (HTML and the GZIP_TYPES also compressed, at nginx's default level 1,
 * from 1 KB up).
 */
function countBytes(page: import('playwright-core').Page): { since(): Promise<string> } {
  let pending: Promise<{ raw: number; served: number }>[] = [];
  page.on('response', (r) => {
    pending.push(
      // The body as it travelled (sizes(); Chromium gives 0 for a worker's script: then its unpacked size, never less),
      // and unpacked (body()) to compress what nginx would.
      Promise.all([r.request().sizes(), r.body()]).then(
        ([sizes, body]) => {
          const type = (r.headers()['content-type'] ?? '').split(';')[0]!;
          const raw = sizes.responseBodySize || body.byteLength;
          const compressible = body.byteLength >= 1024 && (type === 'text/html' || GZIP_TYPES.includes(type));
          return { raw, served: compressible ? gzipSync(body, { level: 1 }).byteLength : raw };
        },
        () => ({ raw: 0, served: 0 }),
      ),
    );
  });
  return {
    /** The bytes since the last call, e.g. "231 KB（nginx 168 KB）". */
    async since() {
      const done = await Promise.all(pending);
      pending = [];
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      return `${kb(done.reduce((n, b) => n + b.raw, 0))}（nginx ${kb(done.reduce((n, b) => n + b.served, 0))}）`;
    },
  };
}

/** A fresh visit (its own browser context, nothing cached) of `address`, its bytes counted from there on. */
async function freshVisit(browser: Browser, address: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = countBytes(page);
  await page.goto(address, { waitUntil: 'networkidle' });
  return { page, bytes, close: () => context.close() };
}

/** The median of `ms` (the lower middle of an even count), with the fastest and the slowest: "295 ms（5 次 281–312 ms）". */
export function medianOf(ms: readonly number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return sorted.length === 1 ? `${median} ms` : `${median} ms（${sorted.length} 次 ${sorted[0]}–${sorted.at(-1)} ms）`;
}

/**
 * Through the search page (Pagefind's UI): a fresh visit opens the page (it
 * loads the search engine and the index's entry), then the query is typed
 * and timed to its first result, `samples` times; the bytes and the rest are
 * those of the first visit (every visit downloads the same).
 */
async function searchFigures(site: string, queries: string[], path: string): Promise<string[]> {
  const lines: string[] = [];
  const { drawnResults } = await import('../test/e2e/helpers/browser.ts');
  await onSite(site, async (browser, server) => {
    for (const [i, q] of queries.entries()) {
      const { page, bytes, close } = await freshVisit(browser, `${server.url}${path}`);
      if (i === 0) lines.push(`  打开搜索页（含搜索引擎）/ opening the search page, engine included: ${await bytes.since()}`);
      else await bytes.since();
      const times = [await typeAndTime(page, q)];
      const firstBytes = await bytes.since();
      // What the rest of the first page of results downloads, once every one is drawn.
      const answeredByBox = await page.locator('[data-search-named-only]').isVisible();
      const count = answeredByBox ? '由“部门”框直接回答 / answered by the 部门 box' : await page.textContent('.pagefind-ui__message');
      if (!answeredByBox && !count?.includes('未找到')) await drawnResults(page);
      const named = await page.evaluate(() => {
        const w = window as unknown as { typedAt: number; namedAt?: number };
        return w.namedAt === undefined ? undefined : Math.round(w.namedAt - w.typedAt);
      });
      const namedText = named === undefined ? '' : `；部门链接 / link to the bureau named ${named} ms`;
      const rest = await bytes.since();
      await close();
      while (times.length < samples) {
        const again = await freshVisit(browser, `${server.url}${path}`);
        times.push(await typeAndTime(again.page, q));
        await again.close();
      }
      lines.push(`  “${q}”：首个结果 ${medianOf(times)}，下载 ${firstBytes}，其后 ${rest}（${count?.trim()}${namedText}）`);
    }
  });
  return lines;
}

/**
 * Search through Pagefind's JS API (what the UI calls, without its input
 * debounce and rendering): a fresh visit of the home page, then the time from
 * loading pagefind.js to the first result's data (title, excerpt, link), and
 * the bytes downloaded for it. A second query on the same page is "warm".
 * `parts`: the index parts searched (folders under pagefind/), the first
 * primary, the others merged into it (as the search page does).
 */
async function apiSearchFigures(site: string, queries: string[], parts: string[]): Promise<string[]> {
  const lines: string[] = [];
  await onSite(site, async (browser, server) => {
    for (const [i, q] of queries.entries()) {
      const { page, bytes, close } = await freshVisit(browser, server.url);
      await bytes.since();
      const [primary, ...merged] = parts.map((part) => `${server.url}pagefind/${part}/`);
      const run = (query: string) =>
        page.evaluate(async ({ query, bundle, merged }) => {
          const started = performance.now();
          const pagefind = await import(bundle);
          // Merged once per page; the second query finds them merged already.
          if (!(window as unknown as { merged?: boolean }).merged) for (const m of merged) await pagefind.mergeIndex(m);
          (window as unknown as { merged?: boolean }).merged = true;
          const search = await pagefind.search(query);
          const first = await search.results[0]?.data();
          return { ms: Math.round(performance.now() - started), count: search.results.length as number, url: (first?.url ?? '') as string };
        }, { query, bundle: `${primary}pagefind.js`, merged });
      const cold = await run(q);
      const coldBytes = await bytes.since();
      const warmQuery = queries[(i + 1) % queries.length]!;
      const warm = await run(warmQuery);
      lines.push(`  JS API “${q}”：新访问首个结果 ${cold.ms} ms，下载 ${coldBytes}（${cold.count} 个结果）；随后“${warmQuery}” ${warm.ms} ms，下载 ${await bytes.since()}`);
      await close();
    }
  });
  return lines;
}

const manifestOf = (site: string) => parseManifest(JSON.parse(readFileSync(join(site, 'pagefind', 'years.json'), 'utf8')));

/** The search figures of a site built from synthetic content. */
async function searchReport(site: string, say: (line: string) => void): Promise<void> {
  const { years: searchYears, parts } = manifestOf(site);
  // A bureau's full name and its name without the city (answered by the 部门 box alone), and part of it from inside
  // (searched as text, with the box linking the bureau above the results).
  const bureau = bureauAt(0);
  const withoutCity = `${bureau.district}${bureau.type.suffix}`;
  const queries = ['医疗救助', '三公经费', bureau.name, withoutCity, withoutCity.slice(0, -1), '公务接待费 2023'];
  say(`搜索最新年度 ${searchYears[0]}（搜索页默认；中文经输入法输入，数字逐键输入后等 100 ms）/ newest year, the default, through the search page (Chinese through an input method, digits key by key):`);
  for (const line of await searchFigures(site, queries, 'search/')) say(line);
  say(`搜索全部年度（?year=all，${searchYears.length} 个年度的索引在浏览器中合并；界面）/ all years merged, through the search page:`);
  for (const line of await searchFigures(site, queries, 'search/?year=all')) say(line);
  say('搜索最新年度（Pagefind JS API，不含防抖）/ newest year through the JS API:');
  for (const line of await apiSearchFigures(site, queries, parts[searchYears[0]!]!)) say(line);
  say('搜索全部年度（Pagefind JS API）/ all years through the JS API:');
  for (const line of await apiSearchFigures(site, queries, searchYears.flatMap((y) => parts[y]!))) say(line);
}

/**
 * The same work on every run, on one core: JSON written and read back (what
 * the check and the render mostly do is JavaScript on strings and objects)
 * and SHA-256 (native code), in ms. Its figures change only with the
 * machine's speed, so two runs' other figures compare through them.
 */
function machineReference(): { js: number; sha256: number } {
  const rows = Array.from({ length: 100_000 }, (_, i) => ({ code: String(2010000 + i), name: `一般公共服务支出${i % 97}`, total: (i * 7919) % 100_000 / 100 }));
  let t = performance.now();
  for (let round = 0; round < 10; round++) JSON.parse(JSON.stringify(rows));
  const js = performance.now() - t;
  const block = Buffer.alloc(256 * 1024 * 1024, 7);
  t = performance.now();
  createHash('sha256').update(block).digest();
  return { js: Math.round(js), sha256: Math.round(performance.now() - t) };
}

/** Node's and Chromium's versions and the machine reference, as one line. */
async function machineLine(): Promise<string> {
  const { js, sha256 } = machineReference();
  const { CHROMIUM } = await import('../test/e2e/helpers/browser.ts');
  let chromium = 'Chromium ?';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // No Chromium: the search figures will say so.
  }
  return `机器 / machine: Node ${process.version}，${chromium}；固定工作量 / fixed work (machineReference): JS ${js} ms，SHA-256 ${sha256} ms`;
}

async function main(): Promise<void> {
  console.log(await machineLine());
  if (values['search-only']) {
    if (!values.dir) throw new Error('--search-only 需要 --dir（用 --keep 保留的基准测试文件夹）/ needs --dir, a folder kept with --keep');
    const site = join(resolve(values.dir), 'site');
    if (!existsSync(join(site, 'pagefind'))) {
      console.error(`${site}：没有已建好的网站 / no built site there (keep one with --keep --dir ${values.dir})`);
      process.exitCode = 1;
      return;
    }
    await searchReport(site, console.log);
    return;
  }
  const work = values.dir ? resolve(values.dir) : mkdtempSync(join(tmpdir(), `jsgk-bench-${bureaus}x${years}-`));
  const content = join(work, 'content');
  const site = join(work, 'site');
  const say = (line: string) => console.log(line);
  try {
    const t = Date.now();
    const g = generate({ dir: content, bureaus, years, seed: Number(values.seed), classificationsDir: join(ROOT, 'content/classifications') });
    say(`== 基准测试 / benchmark: ${bureaus} 个部门 × ${years} 个年度 = ${g.bureauYears} 个部门年度 ==`);
    say(`生成内容 / generate: ${sec(Date.now() - t)}，${mb(g.bytes)}`);

    // The build's cache (the pages and files a rebuild reuses) inside the work folder, removed with it.
    const env = { CONTENT_DIR: content, [BUILD_CACHE_ENV]: join(work, 'build-cache') };
    const full = await measure(['scripts/build.ts', '--out', site], env);
    if (full.code !== 0) throw new Error(`build failed:\n${full.output}`);
    for (const line of full.output.split('\n').filter((l) => l.startsWith('✓'))) say(`  ${line}`);
    say(`完整构建 / full build: ${sec(full.ms)}，每个部门年度 ${(full.ms / g.bureauYears).toFixed(1)} ms，峰值内存（进程树）/ peak RSS ${mb(full.peak)}`);
    const size = du(site);
    const index = du(join(site, 'pagefind'));
    const searchYears = manifestOf(site).years;
    const newest = du(join(site, 'pagefind', searchYears[0]!));
    say(
      `输出 / output: ${mb(size.bytes)}，${size.files} 个文件；搜索索引 / search index: ${mb(index.bytes)}，${index.files} 个文件（${searchYears.length} 个年度；最新年度 ${searchYears[0]} ${mb(newest.bytes)}）`,
    );

    if (values.rebuild) {
      // Change one bureau-year and rebuild: its narrative (the open data stays the same), then one of its figures.
      const middle = Math.floor(bureaus / 2);
      const year = g.years.at(-1)!;
      const changes: [string, string, () => void][] = [
        ['说明文字', 'its narrative', () => appendFileSync(join(bureauYearDir(content, middle, year), 'narrative.md'), `\n本段为基准测试修改 ${Date.now()}。\n`)],
        ['一个数字（06表 1.00 万元从基本工资移到津贴补贴）', 'a figure', () => moveWages(content, middle, year)],
      ];
      for (const [zh, en, change] of changes) {
        change();
        const again = await measure(['scripts/build.ts', '--out', site], env);
        if (again.code !== 0) throw new Error(`rebuild failed:\n${again.output}`);
        for (const line of again.output.split('\n').filter((l) => l.startsWith('✓'))) say(`  ${line}`);
        say(`改动 ${bureauAt(middle).id} ${year} 的${zh}后重建 / rebuild after a change to ${en}: ${sec(again.ms)}（完整构建的 ${((100 * again.ms) / full.ms).toFixed(0)}%），峰值内存 ${mb(again.peak)}`);
      }
    }

    if (!values['no-search']) await searchReport(site, say);
  } finally {
    if (!values.keep) {
      rmSync(work, { recursive: true, force: true });
      rmSync(cacheFolderOf(content), { recursive: true, force: true });
      rmSync(cacheFolderOf(content, defaultContentCacheDir()), { recursive: true, force: true });
    }
    else console.log(`保留 / kept: ${work}`);
  }
}

if (import.meta.main) await main();
