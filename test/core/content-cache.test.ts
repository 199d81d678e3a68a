/**
 * The content as the pages read it, kept per bureau (src/core/content-cache.ts):
 * read back, it is exactly what parsing the files gives (an unknown amount
 * stays unknown); only a changed bureau is parsed again; a broken file is
 * reported on every run and never stored; a removed bureau is forgotten.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentCached } from '../../src/core/content-cache.ts';
import { loadContent } from '../../src/core/load.ts';
import { tempDir } from '../temp.ts';

const work = tempDir('content-cache-');
const root = join(work, 'content');
const cacheDir = join(work, 'cache');
cpSync('content', root, { recursive: true });

// A blank amount inside a list (unknown, not zero): JSON would turn it into null.
const donghu = join(root, 'bureaus/nanchang-donghu-yibao/2022/data.yaml');
writeFileSync(
  donghu,
  readFileSync(donghu, 'utf8').replace(
    '    empty: 本部门无国有资产占用情况。\n',
    '    columns: [年初数, 年末数]\n    rows:\n      - { name: 房屋, values: ["", 12.50] }\n',
  ),
);
const jiangan = join(root, 'bureaus/wuhan-jiangan-yibao/2023/data.yaml');

/** What parsing every file afresh gives, without the line lookups (functions, not kept). */
function afresh() {
  const { content, errors } = loadContent(root);
  return {
    bureaus: content.bureaus.map(({ lineOf: _, ...b }) => b),
    years: content.years.map(({ lineOf: _, ...y }) => y),
    errors,
  };
}

describe('loadContentCached', () => {
  it('first run parses every bureau; the second reads every bureau back, exactly as parsed (an unknown amount stays undefined)', () => {
    const reference = afresh();
    const extra = reference.years.find((y) => y.id === 'nanchang-donghu-yibao/2022')!.data.extraTables[0]!;
    expect(extra.rows[0]!.values).toEqual([undefined, '12.50']);
    const cold = loadContentCached(root, { cacheDir });
    expect(cold).toMatchObject({ cached: 0, parsed: 5, errors: [] });
    const warm = loadContentCached(root, { cacheDir });
    expect(warm).toMatchObject({ cached: 5, parsed: 0, errors: [] });
    for (const run of [cold, warm]) {
      expect(run.bureaus).toStrictEqual(reference.bureaus);
      expect(run.years).toStrictEqual(reference.years);
    }
    expect(warm.keys?.size).toBe(5);
  });

  it('holds each bureau serialised: a bureau-year read again after four other bureaus is parsed afresh from it, the same content', () => {
    const { years } = loadContentCached(root, { cacheDir });
    const firstOf = (bureauId: string) => years.find((y) => y.bureauId === bureauId)!;
    const bureauIds = [...new Set(years.map((y) => y.bureauId))];
    expect(bureauIds).toHaveLength(5);
    const first = firstOf(bureauIds[0]!);
    const data = first.data;
    // The same bureau read again, while it is among the last four read: the same parsed objects.
    expect(first.data).toBe(data);
    for (const id of bureauIds.slice(1)) expect(firstOf(id).data.year).toBe(firstOf(id).year);
    const again = first.data;
    expect(again).not.toBe(data);
    expect(again).toStrictEqual(data);
    expect(first.narrative).toStrictEqual(afresh().years.find((y) => y.id === first.id)!.narrative);
  });

  it('a changed data.yaml: only its bureau is parsed again, and the change is there', () => {
    writeFileSync(jiangan, readFileSync(jiangan, 'utf8').replace('      27: 1234.07   # 本年收入合计', '      27: 1234.08   # 本年收入合计'));
    const after = loadContentCached(root, { cacheDir });
    expect(after).toMatchObject({ cached: 4, parsed: 1 });
    expect(after.years).toStrictEqual(afresh().years);
    expect(after.years.find((y) => y.id === 'wuhan-jiangan-yibao/2023')!.data.tables.t01).toMatchObject({ lines: { 27: '1234.08' } });
  });

  it('a broken file is reported on every run, and its bureau is not stored', () => {
    const good = readFileSync(jiangan, 'utf8');
    writeFileSync(jiangan, `${good}\n  bad: [unclosed\n`);
    for (let run = 0; run < 2; run++) {
      const broken = loadContentCached(root, { cacheDir });
      expect(broken).toMatchObject({ cached: 4, parsed: 1 });
      expect(broken.errors).toEqual(afresh().errors);
      expect(broken.errors.map((e) => e.file)).toEqual([expect.stringContaining('wuhan-jiangan-yibao/2023/data.yaml')]);
    }
    writeFileSync(jiangan, good);
  });

  it('a removed bureau is gone from the result and from the cache', () => {
    rmSync(join(root, 'bureaus/wuhan-hanyang-yibao'), { recursive: true });
    const after = loadContentCached(root, { cacheDir });
    expect(after.bureaus.map((b) => b.id)).not.toContain('wuhan-hanyang-yibao');
    expect(after.years).toStrictEqual(afresh().years);
    const [folder] = readdirSync(cacheDir);
    expect(existsSync(join(cacheDir, folder!, 'wuhan-hanyang-yibao.bin'))).toBe(false);
    expect(readdirSync(join(cacheDir, folder!))).toHaveLength(4);
  });

  it('with the cache off, every bureau is parsed and nothing is written', () => {
    const off = loadContentCached(root, { cacheDir: false });
    expect(off).toMatchObject({ cached: 0, parsed: 4 });
    expect(off.years).toStrictEqual(afresh().years);
  });
});
