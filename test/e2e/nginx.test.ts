/**
 * The nginx configuration that `npm run nginx-config` prints, run for real
 * with Debian's nginx (`apt-get install nginx-light`; .ci/run installs it)
 * over the site built under /zwgk/czzj/: nginx accepts it, and it serves
 * the sub-path through `alias` with the security headers, cache lifetimes,
 * MIME types and gzip it promises; in Chromium the pages load with no CSP
 * violation and search works. Skipped only where nginx is not installed and
 * this is not CI.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { CACHE_IMMUTABLE, CSP_HEADER, nginxConfig } from '../../src/core/security.ts';
import { launch, openPage } from './helpers/browser.ts';
import { disclosureWith, newestSearchBundle } from './helpers/site.ts';

const NGINX = '/usr/sbin/nginx';
const BASE = '/zwgk/czzj/';
const dir = inject('subDir');
/** The newest year's Pagefind bundle (one per year), e.g. pagefind/2024/. */
const YEAR = newestSearchBundle(dir);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!existsSync(NGINX) && !process.env.CI)('the printed nginx configuration, served by nginx', () => {
  let prefix: string;
  let nginx: ChildProcess;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    prefix = mkdtempSync(join(tmpdir(), 'jsgk-nginx-'));
    const port = await freePort();
    for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, d));
    copyFileSync('/etc/nginx/mime.types', join(prefix, 'mime.types'));
    const site = nginxConfig({ base: BASE, root: dir, serverName: '127.0.0.1' }).replace('listen 80;', `listen 127.0.0.1:${port};`);
    writeFileSync(join(prefix, 'site.conf'), site);
    writeFileSync(
      join(prefix, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        // The built site sits in a private temporary folder: workers must run as this user to read it.
        ...(process.getuid?.() === 0 ? ['user root;'] : []),
        `pid ${prefix}/nginx.pid;`,
        `error_log ${prefix}/error.log warn;`,
        'events { worker_connections 64; }',
        'http {',
        '    access_log off;',
        ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `    ${d === 'body' ? 'client_body' : d}_temp_path ${prefix}/${d};`),
        `    include ${prefix}/site.conf;`,
        '}',
        '',
      ].join('\n'),
    );
    const check = spawnSync(NGINX, ['-t', '-p', prefix, '-c', join(prefix, 'nginx.conf')], { encoding: 'utf8' });
    if (check.status !== 0 || /\[(warn|emerg|error)\]/.test(check.stderr)) throw new Error(`nginx -t refused or warned about the printed configuration:\n${check.stderr}\n${site}`);
    nginx = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: 'ignore' });
    url = `http://127.0.0.1:${port}${BASE}`;
    for (let i = 0; i < 50; i++) {
      if (await fetch(url).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    nginx?.kill('SIGQUIT');
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  const get = (path: string, init: RequestInit = {}) => fetch(url + path, { redirect: 'manual', ...init });
  const first = (folder: string, ext: string) => `${folder}/${(readdirSync(join(dir, folder), { recursive: true }) as string[]).find((f) => f.endsWith(ext))}`;

  test('pages under the sub-path, with every security header and revalidation', async () => {
    const r = await get('');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<html lang="zh-CN">');
    expect(r.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(r.headers.get('referrer-policy')).toBe('same-origin');
    expect(r.headers.get('permissions-policy')).toContain('camera=()');
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  test('the sub-path without its slash redirects; an unknown page gets the site 404 page with the headers', async () => {
    const bare = await fetch(url.slice(0, -1), { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(new URL(bare.headers.get('location')!, url).pathname).toBe(BASE);
    const missing = await get('no-such-page/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<html lang="zh-CN">');
    expect(missing.headers.get('content-security-policy')).toBe(CSP_HEADER);
  });

  test('hashed files are cached for a year, Pagefind entry files are revalidated, Pagefind files are binary', async () => {
    for (const path of [first('_astro', '.js'), first('_astro', '.css'), first('pagefind', '.pf_meta'), first(`${YEAR}index`, '.pf_index'), first(`${YEAR}fragment`, '.pf_fragment')]) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe(CACHE_IMMUTABLE);
      expect(r.headers.get('content-security-policy'), path).toBe(CSP_HEADER);
    }
    for (const path of [`${YEAR}pagefind.js`, `${YEAR}pagefind-entry.json`, `${YEAR}wasm.unknown.pagefind`, 'pagefind/years.json']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('no-cache');
    }
    for (const ext of ['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter', '.pagefind']) {
      expect((await get(first('pagefind', ext))).headers.get('content-type'), ext).toBe('application/octet-stream');
    }
    expect((await get(`${YEAR}pagefind.js`)).headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
  });

  test("Pagefind's gzip files are sent as they are, marked as gzip; a missing one's error page is not", async () => {
    for (const ext of ['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter', '.pagefind']) {
      const r = await get(first('pagefind', ext), { headers: { 'accept-encoding': 'gzip' } });
      expect(r.headers.get('content-encoding'), ext).toBe('gzip');
      // fetch unpacks it as a browser does: Pagefind's data, its signature first, not packed twice.
      expect(Buffer.from(await r.arrayBuffer()).subarray(0, 12).toString('latin1'), ext).toBe('pagefind_dcd');
    }
    // Asked for unpacked (nginx would gzip the HTML error page itself otherwise), the error page is not marked.
    const missing = await get(`${YEAR}index/zh-cn_missing.pf_index`, { headers: { 'accept-encoding': 'identity' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect(await missing.text()).toContain('<html lang="zh-CN">');
    expect((await get(`${YEAR}pagefind.js`)).headers.get('content-encoding')).toBeNull();
  });

  test('text files are sent gzip-compressed', async () => {
    const r = await get(first('_astro', '.css'), { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('vary')).toContain('Accept-Encoding');
  });

  test('in Chromium: a bureau-year page with its charts and the search page load with no CSP violation', async () => {
    const origin = new URL(url).origin;
    const page = disclosureWith(dir, 'figure class="chart')!;
    const visit = await openPage(browser, origin);
    await visit.page.goto(url + page, { waitUntil: 'networkidle' });
    await visit.page.waitForSelector('figure.chart canvas');
    await visit.page.goto(`${url}search/?q=${encodeURIComponent('医疗救助')}`, { waitUntil: 'networkidle' });
    await visit.page.waitForSelector('.pagefind-ui__result-link');
    expect(visit.errors).toEqual([]);
    expect(visit.failed).toEqual([]);
    expect(visit.external).toEqual([]);
    await visit.page.context().close();
  });
});
