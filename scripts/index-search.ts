/**
 * The Pagefind step of the build (scripts/build.ts runs it after astro build):
 * index the built site with Pagefind's Node API, one index per year.
 *
 * Only the bureau-year pages (<bureau>/<year>/index.html) carry
 * data-pagefind-body (their main content), with filters 部门, 年度, 地区 and
 * 部分; their part and table headings have ids, so results link to the
 * matching part. The table rows are not indexed (NOT_INDEXED below).
 *
 * Each year gets its own index, in parts of at most about PAGES_PER_PART
 * pages (pagefind/<year>/<n>/, a bureau's part fixed by its name), built one
 * part after the other: memory is bounded by one part's pages, a rebuild
 * indexes again only the parts whose pages changed (and Pagefind writes only
 * the files of theirs that changed), and a reader's search
 * only downloads the index of the year searched (the search page merges a
 * year's parts, and for 全部年度 every year's, in the browser). pagefind/
 * itself holds the UI files, shared by all, and years.json, the years (newest
 * first) and their parts, which the search page and other sites' portals read
 * (src/scripts/search-years.ts).
 *
 * Any Pagefind error fails the build (exit 1), and so does an index whose page
 * count differs from the marked pages of its part: a broken index must not be
 * published.
 *
 * Usage: node scripts/index-search.ts [dist-folder]   (default: dist)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { linkOrCopy } from '../src/core/files.ts';
import * as pagefind from 'pagefind';
import { YEARS_FILE, type YearsManifest } from '../src/scripts/search-years.ts';

/** HTML files under the site, relative paths. */
function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
}

/** A bureau-year page's file: <bureau>/<year>/index.html. */
const BUREAU_YEAR_FILE = /^[^/]+\/(\d{4})\/index\.html$/;

/**
 * Files of Pagefind's UI, the same in every bundle: kept once in pagefind/
 * (the search page loads them from there) and removed from the years' bundles,
 * which keep what a search needs (pagefind.js, its worker, wasm, entry, meta,
 * index, fragments, filters).
 */
const UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
] as const;

/**
 * Left out of the index: what is the same on every page or repeats what the
 * page already says in words, so that a search reads the words that tell
 * bureaus apart. Words on every page make the largest parts of the index a
 * search downloads (each occurrence is kept with its position) and the
 * slowest to score, and index time grows with them.
 * - the rows of the nine tables and the data tables under the charts: two
 *   thirds of a page's words, mostly numbers (each a word of its own) and the
 *   same 科目 names on every page;
 * - each table's 编制单位/金额单位 line, its printed standard notes (本表反映…,
 *   27 行＝…) and its 相关名词 links (the bureau's own 说明 stays);
 * - the charts: their titles and summaries repeat the narrative's figures;
 * - the glossary's definitions (the terms stay), standard texts shown on
 *   名词解释 with every bureau's wording;
 * - a self-evaluation's header row, its facts list (名称, 实施单位, budget,
 *   rate) and its table's caption (the project's name again, + 绩效指标完成情况:
 *   a word of a project's name, such as 经费, is on most pages, and each
 *   occurrence costs a search for it); its heading (the project's name), goals
 *   and indicators stay.
 * What stays searchable: the narrative with every figure it cites, the
 * tables' headings (公开NN表 …: results link to #tNN), the glossary's terms,
 * the self-evaluations' goals and indicators and the rest of the page. Numbers
 * that appear only in a table's cells are found by opening the table (or its
 * CSV), not by search.
 */
export const NOT_INDEXED = [
  '.table-block tr',
  '.table-meta',
  '.table-standard-notes',
  '.table-related',
  '.chart',
  '.glossary-list dd',
  '.evaluation thead',
  '.evaluation caption',
  '.evaluation .facts',
] as const;

/**
 * A year with more bureau-year pages than this is indexed in parts of about
 * this size, pagefind/<year>/<n>/, which the search page merges in the
 * browser: Pagefind's memory stays bounded by one part, and a rebuild after
 * one bureau-year changed indexes its part again, not the whole year. Parts
 * cost the reader bytes (each part's own chunks of every word searched), so
 * they are large: at 15,000 bureau-years (3,000 a year) of realistic pages,
 * parts of 1,000 made 公务接待费 2023 download 587 KB instead of 227 KB, for a
 * word on every page 20–40 ms sooner (README, "Building at scale").
 */
export const PAGES_PER_PART = 3000;

export interface YearIndex {
  year: string;
  /** Bureau-year pages of that year, indexed. */
  indexed: number;
  /** Its parts, e.g. ["2024/0", "2024/1"]: folders under pagefind/. */
  parts: string[];
  /** Of those, the parts whose pages were those of the previous site: linked from it, not indexed again. */
  reused: number;
  ms: number;
}

export interface IndexResult {
  /** Bureau-year pages indexed, all years. */
  indexed: number;
  /** The years' indexes, newest first. */
  years: YearIndex[];
  outputPath: string;
  ms: number;
}

/** One part of a year's index: its folder under pagefind/ and its pages. */
interface Part {
  name: string;
  files: string[];
  /** SHA-256 of its pages (paths and bytes) and of what else decides its index (Pagefind's version, the excluded parts). */
  digest: string;
}

/**
 * The marked pages (data-pagefind-body) by year, newest first, each with the
 * SHA-256 of its bytes. Throws if one is not a bureau-year page.
 */
function markedByYear(site: string): Map<string, { file: string; sha256: string }[]> {
  const byYear = new Map<string, { file: string; sha256: string }[]>();
  for (const file of htmlFiles(site).sort()) {
    const bytes = readFileSync(join(site, file));
    if (!bytes.includes('data-pagefind-body')) continue;
    const year = BUREAU_YEAR_FILE.exec(file)?.[1];
    if (!year) {
      throw new Error(`${file} 标记了 data-pagefind-body，但不是部门决算页面（<部门>/<年度>/index.html）/ only bureau-year pages are indexed, by year`);
    }
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push({ file, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return new Map([...byYear].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)));
}

/**
 * A year's pages in parts of at most about `pagesPerPart`: a bureau's part is
 * fixed by its folder name's hash, so adding or changing one bureau leaves the
 * other parts as they were. Empty parts are left out.
 */
function partsOf(year: string, pages: { file: string; sha256: string }[], pagesPerPart: number): Part[] {
  const count = Math.ceil(pages.length / pagesPerPart);
  const parts = Array.from({ length: count }, () => [] as { file: string; sha256: string }[]);
  for (const page of pages) {
    const bureau = page.file.split('/')[0]!;
    parts[createHash('sha256').update(bureau).digest().readUInt32BE(0) % count]!.push(page);
  }
  return parts.flatMap((list, n) => {
    if (list.length === 0) return [];
    const hash = createHash('sha256').update(`${PAGEFIND_VERSION}\0${NOT_INDEXED.join(',')}\0`);
    for (const { file, sha256 } of list) hash.update(`${file}\0${sha256}\0`);
    return [{ name: `${year}/${n}`, files: list.map((p) => p.file), digest: hash.digest('hex') }];
  });
}

/**
 * In each part's bundle: the digest of the pages it was made from. A rebuild
 * whose pages of a part are byte for byte those of the previous site links
 * that part's index instead of indexing it again.
 */
const PAGES_DIGEST = 'pages.sha256';

const PAGEFIND_VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '../node_modules/pagefind/package.json'), 'utf8')) as { version: string }).version;

/** Index one part's pages into `outputPath`; checks the count. */
async function indexPart(site: string, part: Part, outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: [...NOT_INDEXED] });
  if (errors.length > 0 || !index) throw new Error(`Pagefind 无法创建索引 / cannot create the index:\n${errors.join('\n')}`);
  try {
    // Bureau folders are [a-z0-9-] (src/core/load.ts), so they can be listed in a glob as they are.
    const bureaus = part.files.map((f) => f.split('/')[0]!);
    const odd = bureaus.find((b) => !/^[a-z0-9-]+$/.test(b));
    if (odd) throw new Error(`${odd}: 部门文件夹名只能包含小写字母、数字和连字符 / a bureau folder name must be [a-z0-9-]`);
    const year = part.name.split('/')[0]!;
    const added = await index.addDirectory({ path: site, glob: `{${bureaus.join(',')}}/${year}/index.html` });
    if (added.errors.length > 0) throw new Error(`Pagefind 索引 ${part.name} 出错 / indexing ${part.name} failed:\n${added.errors.join('\n')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入 ${part.name} 索引出错 / writing the ${part.name} index failed:\n${written.errors.join('\n')}`);
    const indexed = Object.values(bundleEntry(outputPath).languages).reduce((n, l) => n + l.page_count, 0);
    if (indexed !== part.files.length) {
      throw new Error(`Pagefind 在 ${part.name} 索引了 ${indexed} 个页面，应为 ${part.files.length} 个 / indexed ${indexed} pages of ${part.name}, expected ${part.files.length}`);
    }
  } finally {
    // Free the part's index in the Pagefind service before the next one.
    await index.deleteIndex();
  }
}

/** Every file under `from` placed under `to`, hard-linked (an index's files are never changed, only replaced) or copied. */
function linkTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    const path = join(to, relative(from, join(entry.parentPath, entry.name)));
    if (entry.isDirectory()) mkdirSync(path, { recursive: true });
    else {
      mkdirSync(dirname(path), { recursive: true });
      linkOrCopy(join(entry.parentPath, entry.name), path);
    }
  }
}

/**
 * The folders of a bundle whose files are named by a hash of their content:
 * the pages' fragments, the index chunks and the filters. Pagefind does not
 * write such a file again when the output folder already has it.
 */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'] as const;

/** The start of a decompressed Pagefind metadata file, before its CBOR. */
const META_SIGNATURE = 'pagefind_dcd';

/** A bundle's entry file: its Pagefind version and, per language, the hash naming its metadata file. */
function bundleEntry(bundle: string): { version: string; languages: Record<string, { hash: string; page_count: number }> } {
  return JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
}

/**
 * The hashed files a bundle's metadata names, as paths in the bundle
 * (fragment/<page or group>.pf_fragment, index/<chunk>.pf_index,
 * filter/<filter>.pf_filter), and its metadata files. Read from Pagefind's
 * metadata (gzip, "pagefind_dcd", then CBOR: [version, pages [hash, words,
 * group], chunks [from, to, hash], filters [name, hash], …]); throws if it
 * is not laid out so, as a later Pagefind may do.
 */
export function namedFiles(bundle: string): Set<string> {
  const files = new Set<string>();
  for (const { hash } of Object.values(bundleEntry(bundle).languages)) {
    const metaFile = `pagefind.${hash}.pf_meta`;
    const bytes = gunzipSync(readFileSync(join(bundle, metaFile)));
    const meta: unknown = bytes.subarray(0, META_SIGNATURE.length).toString() === META_SIGNATURE ? decode(bytes.subarray(META_SIGNATURE.length)) : undefined;
    /** Column `column` of the metadata's list `list` (its rows are arrays), if every row has a string there. */
    const hashes = (list: number, column: number): string[] | undefined => {
      const rows = Array.isArray(meta) ? meta[list] : undefined;
      if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && typeof r[column] === 'string')) return undefined;
      return rows.map((r: string[]) => r[column]!);
    };
    // A page's fragment is in its group's file when it has a group (an empty string when not).
    const [pages, groups, chunks, filters] = [hashes(1, 0), hashes(1, 2), hashes(2, 2), hashes(3, 1)];
    if (!pages || !groups || !chunks || !filters) {
      throw new Error(`${join(bundle, metaFile)}: Pagefind 索引元数据的格式与预期不同 / Pagefind's metadata is not laid out as expected (Pagefind ${PAGEFIND_VERSION})`);
    }
    files.add(metaFile);
    pages.forEach((page, i) => files.add(`fragment/${groups[i] || page}.pf_fragment`));
    for (const chunk of chunks) files.add(`index/${chunk}.pf_index`);
    for (const filter of filters) files.add(`filter/${filter}.pf_filter`);
  }
  return files;
}

/**
 * Before a changed part is indexed again: its previous bundle's hashed files
 * linked into the new bundle, so that Pagefind writes only the files that
 * changed (the changed pages' fragments, the chunks and filters they touch).
 * Only from a bundle of the same Pagefind version; its files are trusted as
 * that build wrote them, as a reused part's are. Returns whether it seeded.
 */
function seedFromPrevious(previousBundle: string, bundle: string): boolean {
  if (!existsSync(join(previousBundle, 'pagefind-entry.json')) || bundleEntry(previousBundle).version !== PAGEFIND_VERSION) return false;
  for (const folder of HASHED_FOLDERS) if (existsSync(join(previousBundle, folder))) linkTree(join(previousBundle, folder), join(bundle, folder));
  return true;
}

/** After indexing into a seeded bundle: the previous files the new index does not name (a changed page's old fragment, replaced chunks and metadata) removed. */
function dropUnnamed(bundle: string): void {
  const named = namedFiles(bundle);
  const candidates = [
    ...HASHED_FOLDERS.flatMap((folder) => (existsSync(join(bundle, folder)) ? readdirSync(join(bundle, folder)).map((f) => `${folder}/${f}`) : [])),
    ...readdirSync(bundle).filter((f) => f.endsWith('.pf_meta')),
  ];
  for (const file of candidates) if (!named.has(file)) rmSync(join(bundle, file));
}

/**
 * Index the built site in `site`, writing `site/pagefind/`. With `previous`
 * (the site this build replaces), a part whose pages are unchanged keeps the
 * previous site's index. Throws with a message in Chinese and English.
 */
export async function indexSite(site: string, options: { previous?: string; pagesPerPart?: number } = {}): Promise<IndexResult> {
  if (!existsSync(join(site, 'index.html'))) throw new Error(`未找到构建结果 / no built site at ${site} (run astro build first)`);
  // Without any data-pagefind-body, Pagefind would index whole pages (menus, footers): refuse.
  const marked = markedByYear(site);
  if (marked.size === 0) throw new Error('没有页面标记 data-pagefind-body / no page is marked for indexing');

  const started = Date.now();
  const outputPath = join(site, 'pagefind');
  rmSync(outputPath, { recursive: true, force: true });
  const years: YearIndex[] = [];
  mkdirSync(outputPath, { recursive: true });
  const previous = options.previous ? join(options.previous, 'pagefind') : undefined;
  const reusable = (part: Part) => {
    const file = previous && join(previous, part.name, PAGES_DIGEST);
    return !!file && existsSync(file) && readFileSync(file, 'utf8').trim() === part.digest && UI_FILES.every((f) => existsSync(join(previous!, f)));
  };
  try {
    // One part after the other: Pagefind already spreads one index over the cores.
    for (const [year, pages] of marked) {
      const yearStarted = Date.now();
      const parts = partsOf(year, pages, options.pagesPerPart ?? PAGES_PER_PART);
      let reused = 0;
      for (const part of parts) {
        const bundle = join(outputPath, part.name);
        if (reusable(part)) {
          linkTree(join(previous!, part.name), bundle);
          reused++;
          continue;
        }
        const seeded = !!previous && seedFromPrevious(join(previous, part.name), bundle);
        await indexPart(site, part, bundle);
        if (seeded) dropUnnamed(bundle);
        // The UI files once, in pagefind/ (from a part indexed now); gone from every part's bundle.
        for (const file of UI_FILES) {
          if (!existsSync(join(outputPath, file))) renameSync(join(bundle, file), join(outputPath, file));
          else rmSync(join(bundle, file), { force: true });
        }
        writeFileSync(join(bundle, PAGES_DIGEST), `${part.digest}\n`);
      }
      years.push({ year, indexed: pages.length, parts: parts.map((p) => p.name), reused, ms: Date.now() - yearStarted });
    }
  } finally {
    await pagefind.close();
  }
  // Every part reused: the UI files of the previous site (the same Pagefind version: it is part of the digest).
  for (const file of UI_FILES) if (!existsSync(join(outputPath, file))) linkOrCopy(join(previous!, file), join(outputPath, file));
  const manifest: YearsManifest = { years: years.map((y) => y.year), parts: Object.fromEntries(years.map((y) => [y.year, y.parts])) };
  writeFileSync(join(outputPath, YEARS_FILE), JSON.stringify(manifest));
  return { indexed: years.reduce((n, y) => n + y.indexed, 0), years, outputPath, ms: Date.now() - started };
}

if (import.meta.main) {
  try {
    const r = await indexSite(resolve(process.argv[2] ?? process.env.SITE_DIR ?? 'dist'));
    console.log(`Pagefind: 已索引 ${r.indexed} 个部门决算页面，${r.years.length} 个年度（${r.years.map((y) => `${y.year}: ${y.indexed}${y.parts.length > 1 ? `，${y.parts.length} 部分` : ''}`).join('；')}），${r.ms} ms → ${r.outputPath}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
