/**
 * The security headers of the documented server configuration
 * (src/core/security.ts; README "服务器配置与安全头"), as the test server sends
 * them for every file: the right headers, cache lifetimes and MIME types per
 * kind of file; the page's meta policy and the header policy agree; under
 * both, the pages load with no Content-Security-Policy violation, the charts
 * draw and search works; another site cannot frame the pages.
 * (pages.test.ts, charts.test.ts and search.test.ts run under the same
 * headers, and every console error, CSP violations included, fails them.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { headersFor } from '../../src/core/security.ts';
import { useBrowser } from './helpers/browser.ts';
import { serveStatic } from './helpers/server.ts';
import { disclosureWith, html, newestSearchBundle } from './helpers/site.ts';

const base = inject('subUrl');
const dir = inject('subDir');
/** The newest year's Pagefind bundle (one per year), e.g. pagefind/2024/. */
const YEAR = newestSearchBundle(dir);
const origin = new URL(base).origin;

const open = useBrowser();

const head = async (path: string) => (await fetch(base + path, { method: 'HEAD' })).headers;
const first = (folder: string, ext: string) => {
  const name = (readdirSync(join(dir, folder), { recursive: true }) as string[]).find((f) => f.endsWith(ext));
  if (!name) throw new Error(`no ${ext} under ${folder}`);
  return `${folder}/${name}`;
};

describe('headers', () => {
  test('every response carries the security headers, with frame-ancestors in the header policy', async () => {
    for (const path of ['', 'search/', first('_astro', '.js'), `${YEAR}pagefind.js`, first('pagefind', '.pf_meta')]) {
      const h = await head(path);
      expect(h.get('content-security-policy'), path).toContain("frame-ancestors 'self'");
      expect(h.get('content-security-policy'), path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('referrer-policy'), path).toBe('same-origin');
      expect(h.get('permissions-policy'), path).toContain('camera=()');
    }
  });

  test("the page's meta policy is the header policy without frame-ancestors (no drift between the two)", async () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html(dir, ''))?.[1]?.replaceAll('&#39;', "'");
    const header = (await head('')).get('content-security-policy');
    expect(meta).toBeDefined();
    expect(meta).not.toContain('frame-ancestors'); // ignored (and warned about) in a meta tag
    expect(header).toBe(`${meta}; frame-ancestors 'self'`);
  });

  test('files named by their content are cached for a year; pages and Pagefind entry files are revalidated', async () => {
    const immutable = 'public, max-age=31536000, immutable';
    for (const path of [first('_astro', '.js'), first('_astro', '.css'), first('pagefind', '.pf_meta'), first(`${YEAR}index`, '.pf_index'), first(`${YEAR}fragment`, '.pf_fragment')]) {
      expect((await head(path)).get('cache-control'), path).toBe(immutable);
    }
    for (const path of ['', 'glossary/', `${YEAR}pagefind.js`, `${YEAR}pagefind-entry.json`, `${YEAR}wasm.unknown.pagefind`, 'pagefind/years.json', 'favicon.svg']) {
      expect((await head(path)).get('cache-control'), path).toBe('no-cache');
    }
  });

  test('MIME types: HTML, JavaScript, CSS, and Pagefind files as binary', async () => {
    const type = async (path: string) => (await head(path)).get('content-type');
    expect(await type('')).toBe('text/html; charset=utf-8');
    expect(await type(`${YEAR}pagefind.js`)).toBe('text/javascript; charset=utf-8');
    expect(await type(first('_astro', '.css'))).toBe('text/css; charset=utf-8');
    expect(await type(`${YEAR}pagefind-entry.json`)).toBe('application/json; charset=utf-8');
    expect(await type('pagefind/years.json')).toBe('application/json; charset=utf-8');
    for (const ext of ['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter', '.pagefind']) {
      expect(await type(first('pagefind', ext)), ext).toBe('application/octet-stream');
    }
  });

  test("Pagefind's gzip files are marked as gzip (the browser unpacks them); nothing else is", async () => {
    for (const ext of ['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter', '.pagefind']) {
      const path = first('pagefind', ext);
      expect((await head(path)).get('content-encoding'), ext).toBe('gzip');
      // Unpacked by fetch as a browser does, the file is Pagefind's data: its signature first (pagefind.js then skips its own gunzip).
      const body = Buffer.from(await (await fetch(base + path)).arrayBuffer());
      expect(body.subarray(0, 12).toString('latin1'), ext).toBe('pagefind_dcd');
    }
    for (const path of ['', `${YEAR}pagefind.js`, `${YEAR}pagefind-entry.json`, 'pagefind/years.json', 'pagefind/pagefind-ui.js']) {
      expect((await head(path)).get('content-encoding'), path).toBeNull();
    }
  });
});

describe('in Chromium, under the header and the meta policy', () => {
  test('the test catches a violation: an inline script injected into a page is blocked and reported', async () => {
    const visit = await open(origin);
    await visit.page.goto(base, { waitUntil: 'networkidle' });
    await visit.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await visit.page.waitForTimeout(100);
    expect(await visit.page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    expect(visit.errors.join('\n')).toContain('CSP violation: script-src-elem blocked inline');
    await visit.page.context().close();
  });

  test('a bureau-year page draws its charts with no violation', async () => {
    const path = disclosureWith(dir, 'figure class="chart')!;
    const visit = await open(origin);
    await visit.page.goto(base + path, { waitUntil: 'networkidle' });
    await visit.page.waitForSelector('figure.chart canvas');
    const drawn = await visit.page.$$eval('figure.chart canvas', (canvases) =>
      (canvases as HTMLCanvasElement[]).filter((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        return data.some((v, i) => i % 4 === 3 && v > 0);
      }).length,
    );
    expect(drawn).toBeGreaterThan(0);
    expect(visit.errors).toEqual([]);
    await visit.page.context().close();
  });

  test('search compiles its WebAssembly and lists results with no violation', async () => {
    const visit = await open(origin);
    await visit.page.goto(`${base}search/?q=${encodeURIComponent('医疗救助')}`, { waitUntil: 'networkidle' });
    await visit.page.waitForSelector('.pagefind-ui__result-link');
    expect(await visit.page.$$eval('.pagefind-ui__result-link', (a) => a.length)).toBeGreaterThan(0);
    expect(visit.errors).toEqual([]);
    expect(visit.failed).toEqual([]);
    await visit.page.context().close();
  });

  test("search works as well from a host that sends Pagefind's files unmarked (pagefind.js unpacks them itself)", async () => {
    const unmarked = (path: string) => {
      const { 'Content-Encoding': _marked, ...rest } = headersFor(path);
      return rest;
    };
    const plain = await serveStatic(dir, new URL(base).pathname, unmarked);
    try {
      const visit = await open(plain.origin);
      const encodings: (string | undefined)[] = [];
      visit.page.on('response', (r) => r.url().includes('.pf_index') && encodings.push(r.headers()['content-encoding']));
      await visit.page.goto(`${plain.url}search/?q=${encodeURIComponent('医疗救助')}`, { waitUntil: 'networkidle' });
      await visit.page.waitForSelector('.pagefind-ui__result-link');
      expect(await visit.page.textContent('.pagefind-ui__message')).toMatch(/找到 \d+ 个/);
      expect(encodings.length).toBeGreaterThan(0);
      expect(encodings.every((e) => e === undefined)).toBe(true);
      expect(visit.errors).toEqual([]);
      await visit.page.context().close();
    } finally {
      await plain.close();
    }
  });

  test('the site may frame its own pages; another site cannot (frame-ancestors)', async () => {
    /** The title inside the first iframe of the page, once it had time to load ('' when blocked). */
    const framedTitle = async (page: Page) => {
      await page.waitForTimeout(1000);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      return (await frame?.evaluate(() => document.title).catch(() => undefined)) ?? '';
    };
    // Same origin: a page of the site embedding another of its pages.
    const own = await open(origin);
    await own.page.goto(base, { waitUntil: 'networkidle' });
    await own.page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, `${base}glossary/`);
    expect(await framedTitle(own.page)).toContain('名词解释');
    await own.page.context().close();
    // Another origin (an opaque one here) embedding the site.
    const foreign = await open(origin);
    await foreign.page.setContent(`<iframe src="${base}glossary/"></iframe>`);
    expect(await framedTitle(foreign.page)).not.toContain('名词解释');
    await foreign.page.context().close();
  });
});
