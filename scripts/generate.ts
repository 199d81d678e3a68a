/**
 * npm run generate -- --out <dir> [--bureaus N] [--years Y] [--seed S]
 *
 * Writes synthetic content (see scripts/synthetic/generate.ts) into <dir>,
 * to build with CONTENT_DIR=<dir> npm run build. Never writes into content/.
 */
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './synthetic/generate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    bureaus: { type: 'string', default: '100' },
    years: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.out) {
  console.error('用法 / usage: npm run generate -- --out <folder> [--bureaus 100] [--years 5] [--seed 1]');
  process.exit(2);
}
const out = resolve(values.out);
if (out === resolve('content') || (existsSync(out) && readdirSync(out).length > 0 && !existsSync(resolve(out, 'site.yaml')))) {
  console.error(`拒绝写入 ${out}：请指定一个空文件夹 / refusing to write into ${out}: give an empty folder`);
  process.exit(2);
}
const started = Date.now();
const result = generate({ dir: out, bureaus: Number(values.bureaus), years: Number(values.years), seed: Number(values.seed) });
console.log(
  `已生成 ${result.bureaus} 个部门 × ${result.years.length} 个年度 = ${result.bureauYears} 个部门年度（${(result.bytes / 1e6).toFixed(1)} MB）→ ${result.dir}，${Date.now() - started} ms`,
);
