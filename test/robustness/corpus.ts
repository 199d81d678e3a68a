/**
 * The corpus of bad input: every way a finance officer's files can go wrong
 * that we know of, each with the message the officer must get (file, line,
 * field, what was expected). The tests run each case through the real
 * commands: scripts/check.ts (check.test.ts) and, for what the content loader
 * sees, `astro build` and `astro dev` (astro.test.ts).
 *
 * A case is a small content tree: the base tree below (one bureau `{b}` with
 * one clean bureau-year, the real classification lists, site.yaml) with some
 * files replaced, added (a string or bytes) or removed (null). `{b}` in a path
 * or an expected file is the bureau's folder name, so the loader cases can
 * also be put side by side in one tree, one bureau each.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BUREAU, CLEAN, edit } from '../check/fixtures.ts';

export const NARRATIVE = `# 部门主要职责
负责全区医疗保障工作。

# 情况说明
收、支总计 :fig{name=grandTotal} 万元。
`;

export type Files = Record<string, string | Buffer | null>;

export interface Expected {
  /** End of the file path as reported (paths are relative to the working directory). */
  file: string;
  line: number;
  /** The field path, '' when the problem is the file itself. */
  field: string;
  message: RegExp;
}

export interface BadCase {
  name: string;
  /** Replaced, added (text or bytes) or removed (null) files, relative to the content folder. */
  files: Files;
  expect: Expected;
  /** Whether the content loader (src/content.config.ts, so `astro build`/`astro dev`) reports it; otherwise only the checker does. */
  loader: boolean;
}

/** The base tree: one bureau `{b}` with a clean 2023. */
export function baseFiles(b = '{b}'): Files {
  return {
    [`bureaus/${b}/bureau.yaml`]: BUREAU,
    [`bureaus/${b}/2023/data.yaml`]: CLEAN,
    [`bureaus/${b}/2023/narrative.md`]: NARRATIVE,
  };
}

/** 1-based number of the first line containing `text` in `source`. */
export function lineWith(source: string, text: string): number {
  const i = source.split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line with "${text}"`);
  return i + 1;
}

const DATA = 'bureaus/{b}/2023/data.yaml';
const NARR = 'bureaus/{b}/2023/narrative.md';
const BUREAU_FILE = 'bureaus/{b}/bureau.yaml';

/** The data file with one tagged line changed (see test/check/fixtures.ts), and the line it is on. */
function dataCase(name: string, tag: string, from: string, to: string, field: string, message: RegExp, loader = true): BadCase {
  const text = edit(CLEAN, tag, from, to);
  return { name, files: { [DATA]: text }, expect: { file: DATA, line: lineWith(text, to), field, message }, loader };
}

/** A data file with extra text spliced in after the line holding `after`. */
function insertAfter(source: string, after: string, insert: string): string {
  const lines = source.split('\n');
  const i = lines.findIndex((l) => l.includes(after));
  if (i < 0) throw new Error(`no line with "${after}"`);
  lines.splice(i + 1, 0, insert);
  return lines.join('\n');
}

// 部门 in GBK, as Chinese offices' software often saves it.
const GBK_BUMEN = Buffer.from([0xb2, 0xbf, 0xc3, 0xc5]);

/** "Billion laughs": nine levels of nine aliases would expand to 9^9 strings. */
const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(
    'bcdefghi'.split('').map((k, i) => {
      const prev = 'abcdefgh'[i]!;
      return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`;
    }),
  )
  .join('\n');

const duplicateKey = insertAfter(CLEAN, '# @t01-1', '      1: 210.00');
const tabIndented = CLEAN.replace('  year: 2022 # @prior-year', '\tyear: 2022 # @prior-year');
const unclosed = edit(CLEAN, 'proc-total', 'total: 10.00', 'total: [10.00');
const duplicateRow = insertAfter(CLEAN, '# @t02-2080505', '      - { code: "2080505", name: 机关事业单位基本养老保险缴费支出, total: 20.00, fiscal: 20.00 }');
const withoutT09 = CLEAN.split('\n').filter((l) => !/^ {2}t09:|# @t09-(budget|actual)$/.test(l)).join('\n');
const starNote = insertAfter(CLEAN, '  t01:', '    note: *注：本表数据为原文');
const tooBig = `${CLEAN}# ${'填'.repeat(400_000)}\n`;
const crlfNegative = edit(CLEAN, 't01-1', '200.00', '-200.00').replaceAll('\n', '\r\n');

export const CASES: BadCase[] = [
  // --- YAML syntax
  { name: 'malformed YAML: an unclosed bracket', files: { [DATA]: unclosed }, expect: { file: DATA, line: lineWith(unclosed, '[10.00') + 1, field: '', message: /YAML 格式错误：缩进不对齐，或括号 \[ \] \{ \} 未闭合/ }, loader: true },
  { name: 'duplicate YAML keys', files: { [DATA]: duplicateKey }, expect: { file: DATA, line: lineWith(duplicateKey, '1: 210.00'), field: '', message: /字段名重复出现/ }, loader: true },
  { name: 'a tab used for indentation', files: { [DATA]: tabIndented }, expect: { file: DATA, line: lineWith(tabIndented, '\tyear'), field: '', message: /缩进不能用 Tab 键，请改用空格/ }, loader: true },
  {
    name: 'text with a colon, unquoted',
    files: { [BUREAU_FILE]: BUREAU.replace('shortName: 测试区医保局', 'shortName: 简称: 测试区医保局') },
    expect: { file: BUREAU_FILE, line: 2, field: '', message: /含冒号的文字请加引号/ },
    loader: true,
  },
  { name: 'two YAML documents in one file (---)', files: { [DATA]: `${CLEAN}---\nyear: 2024\n` }, expect: { file: DATA, line: lineWith(`${CLEAN}---`, '---'), field: '', message: /多个文档/ }, loader: true },
  { name: 'YAML nested thousands of levels deep', files: { [DATA]: `${CLEAN}note: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` }, expect: { file: DATA, line: lineWith(CLEAN, '@prior-year') + 1, field: '', message: /层级过深/ }, loader: true },
  { name: 'a YAML alias bomb ("billion laughs") is refused at once', files: { [DATA]: BILLION_LAUGHS }, expect: { file: DATA, line: 2, field: '', message: /不支持 YAML 别名 \*a/ }, loader: true },
  { name: 'text starting with * (read as a YAML alias)', files: { [DATA]: starNote }, expect: { file: DATA, line: lineWith(starNote, '*注'), field: '', message: /以 \* 或 & 开头的文字请加引号/ }, loader: true },
  // --- empty, encoding, size
  { name: 'an empty data file', files: { [DATA]: '' }, expect: { file: DATA, line: 1, field: '', message: /文件为空/ }, loader: true },
  { name: 'a bureau file holding only comments', files: { [BUREAU_FILE]: '# 待填写\n' }, expect: { file: BUREAU_FILE, line: 1, field: '', message: /文件为空/ }, loader: true },
  {
    name: 'a GBK-encoded data file: says so and how to convert',
    files: { [DATA]: Buffer.concat([Buffer.from('year: 2023\nsource: { title: "'), GBK_BUMEN, Buffer.from('" }\n')]) },
    expect: { file: DATA, line: 2, field: '', message: /不是 UTF-8 编码（可能是 GBK.*iconv -f GBK -t UTF-8.*记事本\/WPS.*UTF-8/ },
    loader: true,
  },
  { name: 'a GBK-encoded narrative', files: { [NARR]: Buffer.concat([Buffer.from('# 情况说明\n'), GBK_BUMEN]) }, expect: { file: NARR, line: 2, field: '', message: /不是 UTF-8 编码/ }, loader: true },
  { name: 'a UTF-16 file (Notepad "Unicode")', files: { [NARR]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NARRATIVE, 'utf16le')]) }, expect: { file: NARR, line: 1, field: '', message: /UTF-16 编码.*另存为/ }, loader: true },
  { name: 'a huge file', files: { [DATA]: tooBig }, expect: { file: DATA, line: 1, field: '', message: /文件过大（\d+ 字节，上限 1048576 字节）/ }, loader: true },
  // --- values
  dataCase('a negative amount', 't01-1', '200.00', '-200.00', 'tables.t01.lines.1', /应为金额（万元，非负，最多两位小数），实际为 "-200.00"/),
  dataCase('words where an amount belongs', 't02-sum', 'total: 280.00', 'total: 二百八十', 'tables.t02.summary.total', /应为金额.*实际为 "二百八十"/),
  dataCase('three decimals', 't01-27', '280.00', '280.001', 'tables.t01.lines.27', /最多两位小数/),
  dataCase('a thousands comma inside { }', 't02-sum', 'total: 280.00', 'total: 1,280.00', 'tables.t02.summary', /千分位逗号/),
  {
    name: 'a date that is not in the calendar',
    files: { [DATA]: CLEAN.replace('asOf: "2023-12-31"', 'asOf: "2023-13-45"') },
    expect: { file: DATA, line: lineWith(CLEAN, 'asOf:'), field: 'asOf', message: /没有这一天："2023-13-45"/ },
    loader: true,
  },
  dataCase('a code that is not digits', 't02-2080505', '"2080505"', '"20805x5"', 'tables.t02.rows.2.code', /应为功能分类科目编码/),
  {
    name: 'a wrong type: text where a list belongs',
    files: { [DATA]: CLEAN.replace('units: [测试局]', 'units: 测试局') },
    expect: { file: DATA, line: lineWith(CLEAN, 'units:'), field: 'scope.units', message: /类型错误：应为列表/ },
    loader: true,
  },
  { name: 'a wrong type: the whole file is a list', files: { [DATA]: '- 2023\n- 测试\n' }, expect: { file: DATA, line: 1, field: '', message: /类型错误：应为对象/ }, loader: true },
  { name: 'a missing required field', files: { [DATA]: CLEAN.replace('template: wuhan\n', '') }, expect: { file: DATA, line: 1, field: 'template', message: /缺少必填字段/ }, loader: true },
  {
    name: 'a year folder whose data says another year',
    files: { [DATA]: CLEAN.replace('year: 2023', 'year: 2022') },
    expect: { file: DATA, line: 1, field: 'year', message: /年度 2022 与文件夹名 2023 不一致 \// },
    loader: true,
  },
  {
    name: 'a misspelt field name',
    files: { [DATA]: CLEAN.replace('template: wuhan', 'templte: wuhan') },
    expect: { file: DATA, line: 1, field: '', message: /未知字段 templte/ },
    loader: true,
  },
  // --- rules the checker applies
  dataCase('a code that does not exist', 't05-2101501', '"2101501"', '"2101598"', 'tables.t05.rows.6.code', /功能分类科目 2101598（行政运行）不在科目表中.*content\/classifications\/functional\.yaml/, false),
  { name: 'a duplicate row', files: { [DATA]: duplicateRow }, expect: { file: DATA, line: lineWith(duplicateRow, '# @t02-2080505') + 1, field: 'tables.t02.rows.3.code', message: /02表 科目 2080505 .*重复出现（第一次在第 \d+ 行）/ }, loader: false },
  { name: 'a missing required table', files: { [DATA]: withoutT09 }, expect: { file: DATA, line: lineWith(withoutT09, 'tables:'), field: 'tables.t09', message: /缺少公开09表.*t09: \{ empty: 空表说明 \}/ }, loader: false },
  {
    name: 'an unknown figure name in the narrative',
    files: { [NARR]: NARRATIVE.replace('name=grandTotal', 'name=grandTotl') },
    expect: { file: NARR, line: lineWith(NARRATIVE, ':fig'), field: 'grandTotl', message: /未知的数据名称"grandTotl"/ },
    loader: false,
  },
  {
    name: 'a narrative nested thousands of levels deep',
    files: { [NARR]: `${NARRATIVE}\n${'> '.repeat(5000)}引用\n` },
    expect: { file: NARR, line: 1, field: '', message: /嵌套过深/ },
    loader: false,
  },
  {
    name: 'raw HTML and a script in the narrative',
    files: { [NARR]: `${NARRATIVE}\n<script>alert("x")</script>\n` },
    expect: { file: NARR, line: lineWith(NARRATIVE, ':fig') + 2, field: '', message: /不支持 HTML（<script>）/ },
    loader: false,
  },
  // --- the tree: bureaus, years, folder names
  { name: 'a bureau-year whose bureau does not exist', files: { [BUREAU_FILE]: null }, expect: { file: BUREAU_FILE, line: 1, field: '', message: /缺少部门信息文件 bureau\.yaml，其下年度 2023 无法发布/ }, loader: true },
  {
    name: 'two data files claiming one bureau-year',
    files: { 'bureaus/{b}/2023/data.yml': CLEAN },
    expect: { file: 'bureaus/{b}/2023/data.yml', line: 1, field: '', message: /部门年度 [a-z0-9]+\/2023 只能有一个数据文件 data\.yaml/ },
    loader: true,
  },
  {
    name: 'a copied year folder claiming the same bureau-year',
    files: { 'bureaus/{b}/2022/data.yaml': CLEAN, 'bureaus/{b}/2022/narrative.md': NARRATIVE },
    expect: { file: 'bureaus/{b}/2022/data.yaml', line: 1, field: 'year', message: /年度 2023 与文件夹名 2022 不一致，而 [a-z0-9]+\/2023 已有自己的文件夹：两个文件声明了同一部门年度/ },
    loader: true,
  },
  { name: 'a year folder named like a copy', files: { 'bureaus/{b}/2023 副本/data.yaml': CLEAN }, expect: { file: 'bureaus/{b}/2023 副本', line: 1, field: '', message: /年度文件夹名"2023 副本"应为四位年份/ }, loader: true },
  {
    name: 'a parent bureau pointing outside the content (../)',
    files: { [BUREAU_FILE]: `${BUREAU}parent: ../../etc\n` },
    expect: { file: BUREAU_FILE, line: 5, field: 'parent', message: /上级部门 \.\.\/\.\.\/etc 不存在/ },
    loader: false,
  },
  {
    name: 'a parent bureau given as an absolute path',
    files: { [BUREAU_FILE]: `${BUREAU}parent: /etc/passwd\n` },
    expect: { file: BUREAU_FILE, line: 5, field: 'parent', message: /上级部门 \/etc\/passwd 不存在/ },
    loader: false,
  },
  ...['Bad Name', 'con', 'lpt1', 'ｊｉａｎｇａｎ', 'jiangan\u200b', '.hidden', `${'a'.repeat(65)}`].map(
    (folder): BadCase => ({
      name: `a bureau folder named ${JSON.stringify(folder)}`,
      files: { [`bureaus/${folder}/bureau.yaml`]: BUREAU },
      expect: { file: `bureaus/${folder}`, line: 1, field: '', message: /只能用小写英文字母、数字和连字符/ },
      loader: true,
    }),
  ),
  { name: 'CRLF line endings: an error still names its line', files: { [DATA]: crlfNegative }, expect: { file: DATA, line: lineWith(crlfNegative, '-200.00'), field: 'tables.t01.lines.1', message: /应为金额/ }, loader: true },
  // --- the site settings (read by the checker and by the pages, not by the content loader)
  { name: 'an empty site.yaml', files: { 'site.yaml': '' }, expect: { file: 'site.yaml', line: 1, field: '', message: /文件为空/ }, loader: false },
];

/** Content that is unusual but fine: it must pass the check and build. */
export const FINE: { name: string; files: Files }[] = [
  {
    name: 'a byte-order mark (BOM) on every file',
    files: {
      'bureaus/{b}/bureau.yaml': `\uFEFF${BUREAU}`,
      'bureaus/{b}/2023/data.yaml': `\uFEFF${CLEAN}`,
      'bureaus/{b}/2023/narrative.md': `\uFEFF${NARRATIVE}`,
    },
  },
  {
    name: 'CRLF line endings (Windows)',
    files: {
      'bureaus/{b}/bureau.yaml': BUREAU.replaceAll('\n', '\r\n'),
      'bureaus/{b}/2023/data.yaml': CLEAN.replaceAll('\n', '\r\n'),
      'bureaus/{b}/2023/narrative.md': NARRATIVE.replaceAll('\n', '\r\n'),
    },
  },
  { name: 'a tab inside a value and in the narrative', files: { 'bureaus/{b}/2023/narrative.md': NARRATIVE.replace('负责', '负责\t') } },
];

export const fill = (text: string, b: string) => text.replaceAll('{b}', b);

const ROOT = resolve(import.meta.dirname, '../..');

/** Write a content folder: site.yaml, the classification lists, then `files` (with `{b}` replaced). Returns its path. */
export function writeTree(files: Files, b = 'a'): string {
  const root = mkdtempSync(join(tmpdir(), 'robust-'));
  cpSync(join(ROOT, 'content/classifications'), join(root, 'classifications'), { recursive: true });
  writeFileSync(join(root, 'site.yaml'), 'siteName: 测试\norganisation: 测试单位\n');
  addFiles(root, files, b);
  return root;
}

export function addFiles(root: string, files: Files, b: string): void {
  for (const [path, body] of Object.entries(files)) {
    const full = join(root, fill(path, b));
    if (body === null) {
      rmSync(full, { force: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof body === 'string' ? fill(body, b) : body);
  }
}

/** The base tree with the case applied (later entries win). */
export function caseFiles(c: { files: Files }): Files {
  return { ...baseFiles(), ...c.files };
}
