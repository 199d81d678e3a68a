/**
 * npm run import -- <file> [--bureau <id>] [--out <dir>] [--force]
 *
 * Reads the text of a published disclosure (extracted from its PDF) and writes
 * a DRAFT bureau-year (data.yaml, narrative.md, source.txt) plus
 * import-report.md listing what a person must finish. Never overwrites
 * existing content unless --force is given.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../src/core/load.ts';
import { loadClassification } from '../src/core/classification.ts';
import { CONTENT_DIR } from '../src/core/paths.ts';
import { decodeSource } from '../src/core/import/source.ts';
import { importDisclosure } from '../src/core/import/index.ts';
import { draftYaml } from '../src/core/import/write-yaml.ts';
import { formatReport, validateDraft } from '../src/core/import/report.ts';

const USAGE = `用法 / usage: npm run import -- <原文.txt> [--bureau <部门id>] [--out <目录>] [--force]`;

function fail(message: string): never {
  console.error(`导入失败 / import failed: ${message}`);
  process.exit(1);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { bureau: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
}
try {
  args = parse();
} catch (e) {
  fail(`${(e as Error).message}\n${USAGE}`);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const file = args.positionals[0];
if (!file) fail(`没有指定原文文件 / no input file given\n${USAGE}`);
if (!existsSync(file) || !statSync(file).isFile()) fail(`找不到文件 ${file} / file not found`);

const decoded = decodeSource(readFileSync(file));
if ('problem' in decoded) fail(`${file}: ${decoded.problem.message}`);

const { content } = loadContent(CONTENT_DIR);
const bureaus = content.bureaus.map((b) => ({ id: b.id, name: b.data.name, shortName: b.data.shortName, formerNames: b.data.formerNames }));
const { classification } = loadClassification();
const result = importDisclosure({
  text: decoded.text,
  bureaus,
  classification,
});

const bureauId = args.values.bureau ?? result.bureauId;
if (!bureauId) {
  fail(
    `未能按部门名称${result.bureauName ? `"${result.bureauName}"` : ''}找到已有的部门。请用 --bureau <部门id> 指定（content/bureaus/ 下的文件夹名，新部门需先建 bureau.yaml）/ no existing bureau matches; pass --bureau <id>\n已有部门 / known bureaus: ${bureaus.map((b) => `${b.id}（${b.name}）`).join('，')}`,
  );
}
if (!/^[a-z0-9][a-z0-9-]*$/.test(bureauId)) fail(`部门id "${bureauId}" 只能用小写字母、数字和连字符 / a bureau id may only hold a-z, 0-9 and -`);
if (!result.year) fail('未能读出决算年度（如"2023 年度"），无法确定草稿的年度文件夹 / the fiscal year could not be read');

const target = resolve(args.values.out ?? join(CONTENT_DIR, 'bureaus', bureauId, result.year));
const display = relative(process.cwd(), target) || target;
const files = ['data.yaml', 'narrative.md', 'source.txt', 'import-report.md'];
const existing = files.filter((f) => existsSync(join(target, f)));
if (existing.length && !args.values.force) {
  fail(`${display} 已有 ${existing.join('、')}，未覆盖。要覆盖请加 --force，或用 --out <目录> 写到别处 / the target exists; use --force to overwrite or --out <dir>`);
}

const yamlText = draftYaml(result.data, [
  `${result.bureauName ?? bureauId} ${result.year} 年度部门决算 —— 导入草稿（npm run import），请按 import-report.md 核对`,
  '金额单位：万元，照原文录入；读不出的保持空白（未知），不写 0。',
]);
const draftErrors = validateDraft(yamlText, join(display, 'data.yaml'));
const report = formatReport({ file, target: display, bureauId, result, draftErrors });
mkdirSync(target, { recursive: true });
writeFileSync(join(target, 'data.yaml'), yamlText);
writeFileSync(join(target, 'narrative.md'), result.narrative);
writeFileSync(join(target, 'source.txt'), decoded.text);
writeFileSync(join(target, 'import-report.md'), report);
console.log(report);
console.log(`已写入 / written: ${display}/{${files.join(',')}}`);
