/**
 * Every internal link and asset on every page resolves (no 404), fragments
 * point at an existing id, and everything stays under the base path — for
 * the site built under /zwgk/czzj/ and for the one built under /.
 */
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from './helpers/browser.ts';

const open = useBrowser();

interface Crawl {
  pages: string[];
  broken: string[];
  outside: string[];
  missingAnchors: string[];
}

/** Visit every page reachable from the home page; check each link, asset and fragment. */
async function crawl(base: string): Promise<Crawl> {
  const origin = new URL(base).origin;
  const basePath = new URL(base).pathname;
  const queue = [base];
  const seen = new Set(queue);
  const ids = new Map<string, Set<string>>();
  const fragments: { from: string; page: string; id: string }[] = [];
  const result: Crawl = { pages: [], broken: [], outside: [], missingAnchors: [] };
  const status = new Map<string, number>();
  const check = async (url: string, from: string) => {
    if (!status.has(url)) status.set(url, (await fetch(url, { redirect: 'manual' })).status);
    if (status.get(url) !== 200) result.broken.push(`${from} → ${url} (${status.get(url)})`);
  };
  while (queue.length) {
    const url = queue.shift()!;
    const visit = await open(origin);
    const response = await visit.page.goto(url);
    result.pages.push(url);
    if (response?.status() !== 200) result.broken.push(`${url} (${response?.status()})`);
    const found = await visit.page.evaluate(() => ({
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      raw: [...document.querySelectorAll('a[href], link[href], script[src], form[action]')].map(
        (e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '',
      ),
      assets: [...document.querySelectorAll('link[href], script[src]')].map((e) => (e as HTMLLinkElement).href || (e as HTMLScriptElement).src),
    }));
    ids.set(url, new Set(found.ids));
    for (const raw of found.raw) {
      if (raw.startsWith('#') || /^[a-z]+:/i.test(raw)) continue;
      if (!raw.startsWith(basePath)) result.outside.push(`${url}: ${raw}`);
    }
    for (const asset of found.assets) if (asset.startsWith(origin)) await check(asset, url);
    for (const link of found.links) {
      if (!link.startsWith(origin)) continue;
      const target = new URL(link);
      const hash = decodeURIComponent(target.hash.slice(1));
      target.hash = '';
      const page = target.href;
      if (hash) fragments.push({ from: url, page, id: hash });
      if (target.search) continue; // search page with ?q=: same document as search/
      await check(page, url);
      // Download files (CSV, JSON, ZIP) are checked above but not opened as pages.
      const isPage = !/\.[a-z0-9]+$/i.test(target.pathname) || target.pathname.endsWith('.html');
      if (isPage && !seen.has(page) && status.get(page) === 200 && page.startsWith(base)) {
        seen.add(page);
        queue.push(page);
      }
    }
    await visit.page.context().close();
  }
  for (const f of fragments) {
    const known = ids.get(f.page);
    if (known && !known.has(f.id)) result.missingAnchors.push(`${f.from} → ${f.page}#${f.id}`);
  }
  return result;
}

describe.each([
  ['under /zwgk/czzj/', () => inject('subUrl')],
  ['under /', () => inject('rootUrl')],
])('site built %s', (_name, baseOf) => {
  test('every internal link, asset and anchor resolves and stays under the base path', { timeout: 180_000 }, async () => {
    const base = baseOf();
    const c = await crawl(base);
    expect(c.pages.length).toBeGreaterThanOrEqual(8);
    expect(c.broken).toEqual([]);
    expect(c.outside).toEqual([]);
    expect(c.missingAnchors).toEqual([]);
  });
});
