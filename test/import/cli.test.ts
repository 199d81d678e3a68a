/** npm run import: bad input, bureau id, no overwrite without --force. Runs the real script. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp.ts';

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
const tmp = () => tempDir('import-cli-');
const SEED = 'content/bureaus/wuhan-jiangan-yibao/2023/source.txt';

describe('npm run import', () => {
  it('writes the draft and the report to --out, and refuses to overwrite it without --force', () => {
    const out = join(tmp(), 'draft');
    const first = run(SEED, '--out', out);
    expect(first.status, first.stderr).toBe(0);
    for (const f of ['data.yaml', 'narrative.md', 'source.txt', 'import-report.md']) expect(existsSync(join(out, f))).toBe(true);
    expect(first.stdout).toContain('公开01表 收入支出决算总表：已从表格读取');
    writeFileSync(join(out, 'narrative.md'), 'edited by a person');
    const second = run(SEED, '--out', out);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('--force');
    expect(readFileSync(join(out, 'narrative.md'), 'utf8')).toBe('edited by a person');
    expect(run(SEED, '--out', out, '--force').status).toBe(0);
    expect(readFileSync(join(out, 'narrative.md'), 'utf8')).toContain(':fig[4.2%]{name=grandTotal.changePct}');
  });
  it('does not overwrite the existing content of the bureau-year by default', () => {
    const r = run(SEED);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未覆盖');
  });
  it('refuses a GBK file with a clear message and no stack trace', () => {
    const file = join(tmp(), 'gbk.txt');
    writeFileSync(file, Buffer.from([0xb2, 0xbf, 0xc3, 0xc5, 0xbe, 0xf6, 0xcb, 0xe3])); // 部门决算 in GBK
    const r = run(file, '--out', join(tmp(), 'x'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('不是 UTF-8');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('refuses a missing or empty file', () => {
    expect(run('no/such/file.txt').stderr).toContain('找不到文件');
    const empty = join(tmp(), 'empty.txt');
    writeFileSync(empty, '  \n');
    const r = run(empty);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('文件是空的');
  });
  it('asks for --bureau when no existing bureau matches the name', () => {
    const file = join(tmp(), 'other.txt');
    writeFileSync(file, readFileSync(SEED, 'utf8').replaceAll('江岸区医保局', '某某区医保局'));
    const r = run(file, '--out', join(tmp(), 'y'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--bureau');
    expect(run(file, '--out', join(tmp(), 'y'), '--bureau', 'wuhan-moumou-yibao').status).toBe(0);
  });
});
