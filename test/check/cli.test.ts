/**
 * scripts/check.ts: `npm run check --json` prints JSON that parses; the exit
 * code follows errors; --quiet prints only errors and the summary.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUREAU, CLEAN, edit, writeContent } from './fixtures.ts';

const NODE = resolve('node_modules/.bin/node');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(NODE, ['scripts/check.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env, npm_config_json: '', npm_config_loglevel: '' } });

describe('npm run check', () => {
  const npm = (args: string[], env: Record<string, string> = {}) =>
    spawnSync('npm', ['run', 'check', ...args], { encoding: 'utf8', env: { ...process.env, ...env, PATH: `${resolve('node_modules/.bin')}:${process.env.PATH}` } });

  it('`npm run check --json` output parses as JSON (the real content)', () => {
    const r = npm(['--json']);
    const out = JSON.parse(r.stdout) as { ok: boolean; summary: { errors: number; contentErrors: number }; findings: { rule: string; line: number }[]; contentErrors: unknown[] };
    expect(Array.isArray(out.findings)).toBe(true);
    expect(Array.isArray(out.contentErrors)).toBe(true);
    expect(out.ok).toBe(out.summary.errors + out.summary.contentErrors === 0);
  });

  it('`npm run check --json` still parses when there are errors; `-- --json` exits 1', () => {
    const { root } = writeContent({ a: { bureau: BUREAU, years: { 2023: edit(CLEAN, 't01-27', '280.00', '290.00') } } });
    const viaNpm = npm(['--json'], { CONTENT_DIR: root });
    const out = JSON.parse(viaNpm.stdout) as { ok: boolean; summary: { errors: number } };
    expect(out.ok).toBe(false);
    expect(out.summary.errors).toBeGreaterThan(0);
    const direct = npm(['--', '--json'], { CONTENT_DIR: root });
    expect(direct.status).toBe(1);
    expect((JSON.parse(direct.stdout.slice(direct.stdout.indexOf('{'))) as { ok: boolean }).ok).toBe(false);
  });

  it('exits 0 on clean content and prints a summary line', () => {
    const { root } = writeContent({ a: { bureau: BUREAU, years: { 2023: CLEAN } } });
    const r = run([], { CONTENT_DIR: root });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/通过：1 个部门，1 个部门年度；内容错误 0 个，核对错误 0 个，警告 0 个/);
  });

  it('exits 1 on an error finding, grouped under its bureau-year, without a stack trace', () => {
    const broken = edit(edit(CLEAN, 't01-27', '280.00', '290.00'), 'proc-total', '10.00', '10.01');
    const { root } = writeContent({ a: { bureau: BUREAU, years: { 2023: broken } } });
    const r = run([], { CONTENT_DIR: root });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('== a/2023：');
    expect(r.stdout).toMatch(/data\.yaml:\d+ 错误 \[t01\.line27\]/);
    expect(r.stdout).toMatch(/警告 \[facts\.procurement\]/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);

    const quiet = run(['--quiet'], { CONTENT_DIR: root });
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toContain('[t01.line27]');
    expect(quiet.stdout).not.toContain('警告 [');
    expect(quiet.stdout).toMatch(/未通过：.*警告 1 个/);

    const json = JSON.parse(run(['--json'], { CONTENT_DIR: root }).stdout) as { findings: { rule: string; severity: string }[] };
    expect(json.findings.map((f) => [f.rule, f.severity])).toContainEqual(['t01.line27', 'error']);
  });

  it('exits 1 on a schema error and prints it as file:line', () => {
    const { root } = writeContent({ a: { bureau: BUREAU, years: { 2023: CLEAN } } });
    writeFileSync(`${root}/bureaus/a/2023/data.yaml`, CLEAN.replace('1: 200.00 # @t01-1', '1: -200.00 # @t01-1'));
    const r = run([], { CONTENT_DIR: root });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/data\.yaml:\d+ tables\.t01\.lines\.1: /);
    expect(r.stdout).toMatch(/内容错误 1 个/);
  });
});
