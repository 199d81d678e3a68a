/**
 * The Pagefind step of the build (scripts/build.ts runs it after astro build):
 * index the built site with Pagefind's Node API.
 *
 * Only the bureau-year pages carry data-pagefind-body (their main content),
 * with filters 部门, 年度, 地区 and 部分; their part and table headings have
 * ids, so results link to the matching part. The table rows are not indexed
 * (NOT_INDEXED below). Any Pagefind error fails the
 * build (exit 1): a broken index must not be published.
 *
 * Usage: node scripts/index-search.ts [dist-folder]   (default: dist)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import * as pagefind from 'pagefind';

/** HTML files under the site, relative paths. */
function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
}

/**
 * Left out of the index: the rows of the nine tables and the data tables under
 * the charts. They are two thirds of a page's words (mostly numbers, each a
 * word of its own, and the same 科目 names on every page) and more than half of
 * the indexing time. What stays searchable: the narrative with every figure it
 * cites, the tables' headings (公开NN表 …: results link to #tNN), the
 * self-evaluations and the rest of the page. Numbers that appear only in a
 * table's cells are found by opening the table (or its CSV), not by search.
 */
export const NOT_INDEXED = ['.table-block tr', '.chart-table'] as const;

export interface IndexResult {
  /** Bureau-year pages indexed. */
  indexed: number;
  /** All HTML pages Pagefind looked at. */
  pages: number;
  outputPath: string;
  ms: number;
}

/** Index the built site in `site`, writing `site/pagefind/`. Throws with a message in Chinese and English. */
export async function indexSite(site: string): Promise<IndexResult> {
  if (!existsSync(join(site, 'index.html'))) throw new Error(`未找到构建结果 / no built site at ${site} (run astro build first)`);
  // Without any data-pagefind-body, Pagefind would index whole pages (menus, footers): refuse.
  const marked = htmlFiles(site).filter((f) => readFileSync(join(site, f), 'utf8').includes('data-pagefind-body'));
  if (marked.length === 0) throw new Error('没有页面标记 data-pagefind-body / no page is marked for indexing');

  const started = Date.now();
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', excludeSelectors: [...NOT_INDEXED] });
    if (errors.length > 0 || !index) throw new Error(`Pagefind 无法创建索引 / cannot create the index:\n${errors.join('\n')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind 索引出错 / indexing failed:\n${added.errors.join('\n')}`);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入索引出错 / writing the index failed:\n${written.errors.join('\n')}`);

    const entry = JSON.parse(readFileSync(join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (indexed !== marked.length) {
      throw new Error(`Pagefind 索引了 ${indexed} 个页面，应为 ${marked.length} 个 / indexed ${indexed} pages, expected ${marked.length}`);
    }
    return { indexed, pages: added.page_count, outputPath: written.outputPath, ms: Date.now() - started };
  } finally {
    await pagefind.close();
  }
}

if (import.meta.main) {
  try {
    const r = await indexSite(resolve(process.argv[2] ?? process.env.SITE_DIR ?? 'dist'));
    console.log(`Pagefind: 已索引 ${r.indexed} 个部门决算页面（共 ${r.pages} 个页面），${r.ms} ms → ${r.outputPath}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
