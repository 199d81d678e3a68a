/**
 * The corpus through Astro itself, where the content loader
 * (src/content.config.ts) sees the content: `astro build` must stop with the
 * same file:line messages as the checker and no stack trace, and write no
 * site; unusual-but-fine content must build, with no script from the
 * narrative reaching a page; `astro dev` must report a bad edit (an error
 * page, the message in the terminal) and keep running.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatContentError } from '../../src/core/load.ts';
import { addFiles, baseFiles, CASES, fill, FINE, NARRATIVE, writeTree } from './corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = ['node_modules/astro/bin/astro.mjs'];
const NODE = resolve(ROOT, 'node_modules/.bin/node');
/** The environment of a user's shell: without Vitest's own variables (under NODE_ENV=test the dev server serves no pages). */
function env(contentDir: string): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
  return { ...clean, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', SITE_BASE: '/' };
}
const STACK = /\n\s+at .+:\d+:\d+/;

const trash: string[] = [];
afterAll(() => trash.forEach((t) => rmSync(t, { recursive: true, force: true })));

function build(contentDir: string) {
  const out = mkdtempSync(join(tmpdir(), 'robust-dist-'));
  trash.push(out);
  const r = spawnSync(NODE, [...ASTRO, 'build', '--outDir', out], { cwd: ROOT, env: env(contentDir), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
  return { ...r, out, output: `${r.stdout}\n${r.stderr}` };
}

describe('astro build', () => {
  it('stops on every case the loader sees, with the same file:line message, no stack trace and no site', () => {
    const loaderCases = CASES.filter((c) => c.loader);
    const tree = writeTree({});
    trash.push(tree);
    loaderCases.forEach((c, i) => addFiles(tree, { ...baseFiles(), ...c.files }, `case${i}`));
    const r = build(tree);
    expect(r.status).not.toBe(0);
    expect(r.output).not.toMatch(STACK);
    expect(r.output).not.toContain('Stack trace');
    expect(existsSync(join(r.out, 'index.html'))).toBe(false);
    const missing = loaderCases.filter((c, i) => {
      const file = fill(c.expect.file, `case${i}`);
      const head = formatContentError({ file, line: c.expect.line, field: c.expect.field, message: '' });
      return !r.output.split('\n').some((l) => l.includes(head) && c.expect.message.test(l));
    });
    expect(missing.map((c) => c.name), r.output.slice(0, 3000)).toEqual([]);
  }, 240_000);

  it('builds unusual but fine content (BOM, CRLF, tabs) and lets no script from the narrative reach a page', () => {
    const tree = writeTree({});
    trash.push(tree);
    FINE.forEach((f, i) => addFiles(tree, { ...baseFiles(), ...f.files }, `fine${i}`));
    // The checker refuses raw HTML in the narrative; the pages must not carry it either way.
    addFiles(tree, { ...baseFiles(), 'bureaus/{b}/2023/narrative.md': `${NARRATIVE}\n<script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n` }, 'html');
    const r = build(tree);
    expect(r.status, r.output.slice(-3000)).toBe(0);
    for (const id of [...FINE.map((_, i) => `fine${i}`), 'html']) {
      const page = readFileSync(join(r.out, id, '2023', 'index.html'), 'utf8');
      expect(page).toContain('data-fig="grandTotal">282.00</span>');
      expect(page).toContain('负责');
    }
    const pages = (readdirSync(r.out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    for (const p of pages) {
      const html = readFileSync(join(r.out, p), 'utf8');
      expect(html, p).not.toContain('alert(');
      expect(html, p).not.toContain('onerror');
    }
  }, 240_000);
});

describe('astro dev', () => {
  it('reloads the open page on an edit and shows the edit, reports a bad edit with its file:line message instead of the page, keeps running, and recovers when fixed', async () => {
    const tree = writeTree(baseFiles('a'));
    trash.push(tree);
    const port = 4400 + Math.floor(Math.random() * 500);
    const dev = spawn(NODE, [...ASTRO, 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env: env(tree), detached: true });
    let log = '';
    // Without colour codes: under CI=1 the dev server colours its output ("Local  \x1b[36mhttp://…").
    const plain = (d: unknown) => String(d).replace(/\x1b\[[0-9;]*m/g, '');
    dev.stdout.on('data', (d) => (log += plain(d)));
    dev.stderr.on('data', (d) => (log += plain(d)));
    // Astro moves to the next port when one is taken: read the address it prints.
    const page = () => `${/Local\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(log)?.[1] ?? `http://127.0.0.1:${port}/`}a/2023/`;
    const get = async () => {
      if (!/Local\s+http/.test(log)) throw new Error('not ready');
      const res = await fetch(page());
      return { status: res.status, body: await res.text() };
    };
    let last = "";
    const until = async (ok: (r: { status: number; body: string }) => boolean) => {
      for (let i = 0; i < 60; i++) {
        try {
          const r = await get();
          last = `${r.status} ${r.body.slice(0, 300)}`;
          if (ok(r)) return r;
        } catch {
          // not listening yet
        }
        await new Promise((w) => setTimeout(w, 500));
      }
      throw new Error(`dev server never answered as expected (last: ${last}):\n${log}`);
    };
    try {
      await until((r) => r.status === 200);
      // The open preview is told to reload (Vite's channel to the browser) when a content file changes.
      const reloads: string[] = [];
      const hmr = new WebSocket(page().replace(/^http/, 'ws').replace(/a\/2023\/$/, ''), 'vite-hmr');
      hmr.onmessage = (m) => reloads.push(String(m.data));
      await new Promise((open, fail) => ((hmr.onopen = open), (hmr.onerror = fail)));
      const data = join(tree, 'bureaus/a/2023/data.yaml');
      const good = readFileSync(data, 'utf8');
      writeFileSync(data, good.replace('1: 200.00 # @t01-1', '1: -200.00 # @t01-1'));
      const bad = await until((r) => r.status >= 500 && /data\.yaml:9 tables\.t01\.lines\.1/.test(log));
      // The page answers 500 and Vite's overlay (in the browser) shows the error; the terminal shows the same message.
      expect(bad.status).toBe(500);
      expect(log).toMatch(/data\.yaml:9 tables\.t01\.lines\.1: 应为金额/);
      expect(log).not.toMatch(STACK);
      // The watcher notices the change a moment after the request that read it.
      for (let i = 0; i < 40 && !reloads.some((m) => JSON.parse(m).type === 'full-reload'); i++) await new Promise((w) => setTimeout(w, 250));
      expect(reloads.map((m) => JSON.parse(m).type)).toContain('full-reload');
      hmr.close();
      writeFileSync(data, good);
      const fixed = await until((r) => r.status === 200);
      expect(fixed.body).toContain('data-fig="grandTotal">282.00</span>');
      // An edit to the narrative shows on the next request (nothing computed for the old text is kept).
      const narrative = join(tree, 'bureaus/a/2023/narrative.md');
      writeFileSync(narrative, `${readFileSync(narrative, 'utf8')}\n预览中新增的一段。\n`);
      await until((r) => r.status === 200 && r.body.includes('预览中新增的一段'));
    } finally {
      process.kill(-dev.pid!, 'SIGTERM');
    }
  }, 120_000);
});
