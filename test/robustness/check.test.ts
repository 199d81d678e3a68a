/**
 * Every case of the bad-input corpus through the checker CLI, as the officer
 * runs it: `node scripts/check.ts --json` per case (exit code 1, and the
 * problem reported with its file, line, field and message), and all cases at
 * once through `npm run check` (the same file:line and message in the text
 * output, no stack trace). The unusual-but-fine content must pass.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFiles, baseFiles, CASES, caseFiles, fill, FINE, writeTree, type BadCase } from './corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'node_modules/.bin');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], contentDir: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, CONTENT_DIR: contentDir, PATH: `${BIN}:${process.env.PATH}`, npm_config_json: '', npm_config_loglevel: '' },
      },
      (error, stdout, stderr) => done({ status: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

const check = (contentDir: string, ...args: string[]) => run(resolve(BIN, 'node'), ['scripts/check.ts', ...args], contentDir);

/** Run `jobs` two at a time (the machine is shared). */
async function pool<T>(jobs: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await jobs[i]!();
      }
    }),
  );
  return out;
}

interface Reported {
  file: string;
  line: number;
  field?: string;
  message: string;
  severity?: string;
}

const trees: string[] = [];
afterAll(() => trees.forEach((t) => rmSync(t, { recursive: true, force: true })));

const STACK = /\n\s+at .+:\d+:\d+/;

describe('the bad-input corpus through `node scripts/check.ts --json`, one case at a time', () => {
  const results = new Map<BadCase, Run>();
  beforeAll(async () => {
    const runs = await pool(
      CASES.map((c) => () => {
        const tree = writeTree(caseFiles(c));
        trees.push(tree);
        return check(tree, '--json');
      }),
    );
    CASES.forEach((c, i) => results.set(c, runs[i]!));
  }, 300_000);

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = results.get(c)!;
    expect(r.stderr).not.toMatch(STACK);
    expect(r.status, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; contentErrors: Reported[]; findings: Reported[] };
    expect(out.ok).toBe(false);
    // Content errors always fail the check; findings only when they are errors.
    const reported = [...out.contentErrors, ...out.findings.filter((f) => f.severity === 'error')];
    const want = { ...c.expect, file: fill(c.expect.file, 'a') };
    const match = reported.find((e) => e.file.endsWith(want.file) && e.line === want.line && (e.field ?? '') === want.field && want.message.test(e.message));
    expect(match, `expected ${want.file}:${want.line} ${want.field} ${want.message} among:\n${JSON.stringify(reported, null, 1)}`).toBeDefined();
  });
});

describe('all cases side by side through `npm run check` (text output)', () => {
  let r: Run;
  beforeAll(async () => {
    const tree = writeTree({});
    trees.push(tree);
    CASES.forEach((c, i) => addFiles(tree, { ...baseFiles(), ...c.files }, `case${i}`));
    r = await run('npm', ['run', 'check'], tree);
  }, 120_000);

  it('exits 1 without a stack trace', () => {
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const file = fill(c.expect.file, `case${i}`);
    const lines = r.stdout.split('\n');
    // A content error is one line "file:line field: message" ("file:line: message" without a field);
    // a finding is "file:line 错误 [rule] message" with the field on the next line.
    const at = lines.findIndex(
      (l, n) =>
        (l.includes(`${file}:${c.expect.line} `) || l.includes(`${file}:${c.expect.line}:`)) &&
        c.expect.message.test(l) &&
        `${l}\n${lines[n + 1] ?? ''}`.includes(c.expect.field),
    );
    expect(at, `no line "${file}:${c.expect.line} … ${c.expect.message}" in:\n${r.stdout.slice(0, 4000)}`).toBeGreaterThanOrEqual(0);
  });
});

describe('unusual but fine content passes the check', () => {
  it.each(FINE.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const tree = writeTree({ ...baseFiles(), ...f.files });
    trees.push(tree);
    const r = await check(tree);
    expect(r.stdout).toMatch(/通过：1 个部门，1 个部门年度；内容错误 0 个，核对错误 0 个/);
    expect(r.status).toBe(0);
  });
});
