/**
 * npm run new -- <bureau> <year> [--force]
 *
 * Starts next year's disclosure of a bureau from its latest bureau-year
 * (src/core/draft.ts): writes content/bureaus/<bureau>/<year>/data.yaml,
 * narrative.md and checklist.md, and prints the checklist. The checker then
 * lists what is still 待填写, and `npm run build` refuses until it is done.
 *
 * Refuses (exit 1, message in Chinese) an unknown bureau, a year that already
 * exists (unless --force), and a year not after the bureau's latest year.
 * The content folder is ./content, or $CONTENT_DIR (src/core/paths.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { loadContent, formatContentError } from '../src/core/load.ts';
import { CONTENT_DIR } from '../src/core/paths.ts';
import { analyse, previousYear } from '../src/core/disclosure.ts';
import { makeDraft } from '../src/core/draft.ts';

function fail(message: string): never {
  console.error(`无法创建：${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const [bureauId, year] = args.filter((a) => !a.startsWith('--'));
if (!bureauId || !year) fail('用法 / usage: npm run new -- <部门文件夹名> <年度> [--force]，例如 npm run new -- wuhan-jiangan-yibao 2024');
if (!/^\d{4}$/.test(year)) fail(`年度应为四位数字，实际为 "${year}"`);

const { content, errors } = loadContent(CONTENT_DIR);
const bureau = content.bureaus.find((b) => b.id === bureauId);
if (!bureau) {
  const broken = errors.filter((e) => e.file.includes(`/${bureauId}/`));
  if (broken.length > 0) fail(`部门 ${bureauId} 的文件有错误，请先改正：\n${broken.map(formatContentError).join('\n')}`);
  fail(`未知部门 ${bureauId}。已有部门：${content.bureaus.map((b) => b.id).join('、') || '（无）'}`);
}
const years = content.years.filter((y) => y.bureauId === bureauId);
const target = join(CONTENT_DIR, 'bureaus', bureauId, year);
const exists = existsSync(join(target, 'data.yaml'));
if (exists && !force) fail(`${relative(process.cwd(), target)}/data.yaml 已存在；如要用新草稿覆盖它，加 --force`);
const earlier = years.filter((y) => y.year < year);
const later = years.filter((y) => y.year > year);
if (later.length > 0 || earlier.length === 0) {
  const latest = years.at(-1)?.year;
  fail(
    latest
      ? `${year} 年度不在最新年度 ${latest} 之后：新年度应晚于已有的最新年度（例如 ${Number(latest) + 1}）`
      : `部门 ${bureauId} 还没有任何年度可作为底稿（或其数据有错误，请先运行 npm run check）`,
  );
}
const latest = earlier.at(-1)!;
const previous = previousYear(content.years, latest);
const disclosure = analyse({
  id: latest.id,
  data: latest.data,
  narrative: latest.narrative,
  narrativeFile: latest.narrativeFile,
  ...(previous ? { previous: previous.data } : {}),
});
const draft = makeDraft(bureau.data, { data: latest.data, narrative: latest.narrative, figures: disclosure.figures }, year);

const header = [
  `# ${bureau.data.name} ${year} 年度部门决算 —— 草稿（由 ${latest.year} 年度生成，npm run new）`,
  '#',
  '# 还须填写（也见同一文件夹的 checklist.md；npm run check 会逐项列出）：',
  ...draft.checklist.map((c, i) => `#  ${i + 1}. ${c}`),
  '',
].join('\n');
mkdirSync(target, { recursive: true });
writeFileSync(join(target, 'data.yaml'), header + stringify(draft.data, { lineWidth: 0 }));
writeFileSync(join(target, 'narrative.md'), draft.narrative);
writeFileSync(
  join(target, 'checklist.md'),
  [`# ${bureau.data.name} ${year} 年度：待填写清单`, '', `由 ${latest.year} 年度生成。逐项完成后运行 npm run check，直到没有错误。`, '', ...draft.checklist.map((c) => `- [ ] ${c}`), ''].join('\n'),
);

const shown = relative(process.cwd(), target) || target;
console.log(`已创建 ${shown}/（data.yaml、narrative.md、checklist.md），底稿为 ${latest.year} 年度${exists ? '（已覆盖原有文件）' : ''}。`);
console.log('\n待填写清单：');
draft.checklist.forEach((c, i) => console.log(`  ${i + 1}. ${c}`));
console.log(`\n下一步：npm run dev 预览（页面顶部列出未通过核对之处），npm run check 查看还缺什么。`);
