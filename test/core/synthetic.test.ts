/**
 * The bench's synthetic content must weigh like the real disclosures: search
 * and index figures grow with the words a page carries, so a page much lighter
 * than the seeds would flatter them.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bureauYearDir, generate } from '../../scripts/synthetic/generate.ts';
import { tempDir } from '../temp.ts';


const seedNarratives = readdirSync('content/bureaus').flatMap((b) =>
  readdirSync(join('content/bureaus', b), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => readFileSync(join('content/bureaus', b, e.name, 'narrative.md'), 'utf8')),
);

describe('synthetic narrative', () => {
  it('is about as long as the seeds\' (from nine tenths of the shortest to the longest) and has their parts, 附件说明 included', () => {
    const dir = join(tempDir('synthetic-'), 'content');
    generate({ dir, bureaus: 12, years: 1, seed: 7, classificationsDir: 'content/classifications' });
    const lengths = seedNarratives.map((n) => Buffer.byteLength(n));
    expect(seedNarratives.length).toBe(5);
    for (let i = 0; i < 12; i++) {
      const narrative = readFileSync(join(bureauYearDir(dir, i, 2024), 'narrative.md'), 'utf8');
      expect(Buffer.byteLength(narrative)).toBeGreaterThan(Math.min(...lengths) * 0.9);
      expect(Buffer.byteLength(narrative)).toBeLessThan(Math.max(...lengths));
      for (const heading of ['# 部门主要职责', '# 情况说明', '# 重点工作完成情况', '# 附件说明']) expect(narrative.split('\n')).toContain(heading);
    }
  });
});
