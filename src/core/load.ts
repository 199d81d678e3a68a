/**
 * Reads the content folder: bureaus, bureau-years (YAML data + Markdown
 * narrative), and reports every problem with file, line and field.
 *
 * Layout (see README):
 *   content/bureaus/<bureau-id>/bureau.yaml
 *   content/bureaus/<bureau-id>/<year>/data.yaml
 *   content/bureaus/<bureau-id>/<year>/narrative.md
 *   content/bureaus/<bureau-id>/<year>/source.txt   (optional: the original text)
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { FAILSAFE_SCHEMA, Type as FastType, load as loadFastYaml } from 'js-yaml';
import type { z } from 'zod';
import { bureauSchema, bureauYearSchema, type Bureau, type BureauYear } from './schema.ts';
import { compareText } from './order.ts';

/** A problem in the content, always pointing at a file and line. */
export interface ContentError {
  file: string;
  line: number;
  /** Dotted path of the field, e.g. tables.t02.rows.3.total. */
  field: string;
  message: string;
}

export function formatContentError(e: ContentError): string {
  return `${e.file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${e.message}`;
}

/**
 * One Error listing content errors, for Astro to print (build) or show in the
 * browser (dev). No stack: the message says where and what, and a stack trace
 * of our loader would only hide it.
 */
export function contentErrorsError(errors: readonly ContentError[]): Error {
  const error = new Error(`内容有 ${errors.length} 处错误 / content has ${errors.length} error(s):\n${errors.map(formatContentError).join('\n')}`);
  error.stack = '';
  return error;
}

export interface BureauEntry {
  id: string;
  file: string;
  data: Bureau;
  /** Field path → line in bureau.yaml, for findings. */
  lineOf: (path: readonly (string | number)[]) => number;
}

export interface BureauYearEntry {
  /** "<bureau-id>/<year>" */
  id: string;
  bureauId: string;
  year: string;
  dataFile: string;
  narrativeFile: string;
  /** The original document text, when the content keeps it. */
  sourceFile?: string;
  data: BureauYear;
  narrative: string;
  /** Field path → line in data.yaml, for findings. */
  lineOf: (path: readonly (string | number)[]) => number;
}

export interface LoadOptions {
  /**
   * Called with each bureau-year's id before its files are read; returning
   * true skips it (the caller holds it already, e.g. the checker's cache).
   * Skipped ids are listed in `unchanged`.
   */
  skipYear?: (id: string) => boolean;
  /** Only the bureau folders this returns true for are read (all when absent): to load a large site in batches. */
  bureaus?: (bureauId: string) => boolean;
}

export interface Content {
  root: string;
  bureaus: BureauEntry[];
  years: BureauYearEntry[];
}

/** Content files are small (the largest real data.yaml and narrative.md are ~45 KB): anything above 1 MB is a mistake. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Windows cannot create files or folders with these names (any extension), so a site holding one cannot be copied there. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * Whether a folder name can become part of a URL and an output path as is:
 * lower-case ASCII letters, digits and hyphens, at most 64 characters, not a
 * name Windows reserves. Anything else (../, absolute paths, spaces, full-width
 * or other Unicode look-alikes) is refused rather than rewritten.
 */
export function isSafeId(name: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(name) && !WINDOWS_RESERVED.test(name);
}

const HOW_TO_UTF8 =
  '请转换为 UTF-8：命令行 iconv -f GBK -t UTF-8 原文件 > 新文件；或在记事本/WPS 中"另存为"，编码选 UTF-8 ' +
  '/ convert it to UTF-8: iconv -f GBK -t UTF-8 in > out, or "Save as" UTF-8 in Notepad/WPS';

/** Read a text file as UTF-8, refusing other encodings and oversized files with a clear message. */
export function readText(file: string, display: string, errors: ContentError[]): string | null {
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) {
    errors.push({
      file: display,
      line: 1,
      field: '',
      message: `文件过大（${size} 字节，上限 ${MAX_FILE_BYTES} 字节），请检查是否误放了其他文件 / file too large (${size} bytes, limit ${MAX_FILE_BYTES})`,
    });
    return null;
  }
  const bytes = readFileSync(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    errors.push({ file: display, line: 1, field: '', message: `文件是 UTF-16 编码（记事本的"Unicode"），应为 UTF-8。${HOW_TO_UTF8.replace('-f GBK', '-f UTF-16')}` });
    return null;
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    // The line of the first byte that is not UTF-8, so the officer can see where.
    const loose = new TextDecoder('utf-8').decode(bytes);
    const bad = loose.indexOf('\uFFFD');
    const line = bad < 0 ? 1 : loose.slice(0, bad).split('\n').length;
    errors.push({
      file: display,
      line,
      field: '',
      message: `文件不是 UTF-8 编码（可能是 GBK，第 ${line} 行起无法识别）。${HOW_TO_UTF8} / file is not UTF-8 (perhaps GBK)`,
    });
    return null;
  }
}

/** What each YAML syntax error means for someone who does not know YAML, by the parser's error code. */
const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: '缩进不能用 Tab 键，请改用空格 / tabs are not allowed as indentation, use spaces',
  DUPLICATE_KEY: '同一层级中字段名重复出现，请删去或合并其中一个 / a key appears twice in one mapping',
  BAD_INDENT: '缩进不对齐，或括号 [ ] { } 未闭合 / bad indentation or an unclosed bracket',
  MISSING_CHAR: '缺少配对的引号或括号 / a closing quote or bracket is missing',
  MULTIPLE_DOCS: '文件中有 "---" 分隔的多个文档，只能有一个 / the file holds several YAML parts separated by ---',
  BLOCK_AS_IMPLICIT_KEY: '一行中有多个"字段: 值"，含冒号的文字请加引号 / text containing ": " must be quoted',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行，含冒号的文字请加引号 / a key cannot span lines; quote text containing ": "',
  UNEXPECTED_TOKEN: '此处有无法识别的字符 / unexpected characters',
};

/**
 * Read a content YAML file: parse it and validate it against `schema`. The one
 * way content YAML is loaded (bureaus, bureau-years, classifications, site and
 * archive settings, earlier versions, import drafts).
 *
 * Two parsers, one result. The full parser (`parseYaml`, the `yaml` package's
 * Document with line positions and our rules: duplicate keys, aliases, tabs…)
 * is the only authority for what a file means when anything is wrong, and the
 * only source of error messages and lines. It is slow (~6 ms for a 22 KB
 * data.yaml), so a file first goes through `parseYamlFast` (js-yaml, ~10× faster)
 * and its result is used ONLY when the text holds nothing the two parsers could
 * read differently (see unsafeForFastPath and fastKeyIsSafe), js-yaml parses it
 * without complaint, AND the schema accepts it. Whenever any of that fails the
 * file is read again by the full parser from scratch and errors are reported
 * from there, exactly as if there were no fast path. A file read on the fast
 * path is parsed fully only if a line is asked for (`lineOf`, for a finding).
 * test/core/yaml-fast.test.ts checks that both paths give deep-equal values.
 */
export function readYaml<S extends z.ZodType>(
  text: string,
  display: string,
  schema: S,
  errors: ContentError[],
  describe: DescribeIssue = (issue) => issue.message,
): { data: z.output<S>; lineOf: (path: readonly (string | number)[]) => number } | null {
  const fast = parseYamlFast(text);
  if (fast !== undefined) {
    const result = schema.safeParse(fast);
    if (result.success) return { data: result.data, lineOf: lazyLineOf(text, display) };
  }
  const parsed = parseYaml(text, display, errors);
  if (!parsed) return null;
  const data = validate(schema, parsed.value, display, parsed.lineOf, errors, describe);
  return data === null ? null : { data, lineOf: parsed.lineOf };
}

/** Field path → line, with the full parse done on the first call (most files never need a line). */
function lazyLineOf(text: string, display: string): (path: readonly (string | number)[]) => number {
  let parsed: ReturnType<typeof parseYaml> | undefined;
  return (path) => {
    if (parsed === undefined) parsed = parseYaml(text, display, []);
    return parsed ? parsed.lineOf(path) : 1;
  };
}

/**
 * js-yaml with the YAML 1.2 core schema's null and bool (the same words as the
 * `yaml` package's core schema; an empty value is null in both) and nothing
 * else, so every other plain scalar stays its text: what `parseYaml` makes of
 * numbers (their source text, so 010101 and 12.50 keep every digit). No
 * timestamps (2023-12-31 stays text, as in the core schema), no merge keys (<<
 * is an ordinary key, as in YAML 1.2), no tags.
 */
const FAST_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new FastType('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (s: string) => /^(?:~|null|Null|NULL)$/.test(s), construct: () => null }),
    new FastType('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:true|True|TRUE|false|False|FALSE)$/.test(s),
      construct: (s: string) => s[0] === 't' || s[0] === 'T',
    }),
  ],
});

/**
 * Text the fast path leaves to the full parser, found with cheap scans:
 * anchors and aliases (& *: parseYaml refuses aliases) and tags (!) where a
 * node can start (after a space, a line start, [ { , or :), directives (% at a
 * line start: %YAML 1.1 would change the schema), document markers (--- and
 * ... at a line start), explicit keys (? ) and collections used as keys (] or
 * } before :, which the parsers turn into different strings), tabs, a CR not
 * followed by LF, a byte order mark inside the text, the Unicode line and
 * paragraph separators (U+0085, U+2028, U+2029), and lines of 1,000
 * characters or more (a key may be longer than the 1,024 characters YAML
 * allows, which only the full parser refuses). A false alarm (a * inside a
 * quoted note) only costs speed.
 */
function unsafeForFastPath(text: string): boolean {
  return (UNSAFE_CHAR.test(text) && UNSAFE_AT_CHAR.test(text)) || UNSAFE_LINE.test(text) || hasLongLine(text);
}
/** Every match of UNSAFE_AT_CHAR holds one of these; scanning for them first is several times quicker. */
const UNSAFE_CHAR = /[&*!?\t\r\uFEFF\u0085\u2028\u2029]/;
const UNSAFE_AT_CHAR = /(?:^|[\s[{,:])[&*!]|[\t\uFEFF\u0085\u2028\u2029]|\r(?!\n)|(?:^|[\s[{,])\?(?:\s|$)/m;
const UNSAFE_LINE = /^(?:%|---|\.\.\.)|[\]}][ \t]*:/m;

function hasLongLine(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if ((end < 0 ? text.length : end) - start >= 1000) return true;
    if (end < 0) break;
    start = end + 1;
  }
  return false;
}

/**
 * A mapping key both parsers give as the same string with the same meaning.
 * Not: a null key (~, null, empty: "" to one parser, "null" to the other),
 * __proto__, or a number other than a plain integer: the full parser compares
 * keys as numbers, so 1 and 01 (or 1.0, 0x1, +1) are one key to it and a
 * duplicate, while js-yaml sees two texts.
 */
function fastKeyIsSafe(key: string): boolean {
  if (key === '' || key === 'null' || key === '__proto__') return false;
  const c = key.charCodeAt(0);
  const numberLike = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e; // 0-9 + - .
  return !numberLike || /^(?:0|[1-9]\d{0,14})$/.test(key);
}

function fastValueIsSafe(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > 64) return false;
  if (Array.isArray(value)) return value.every((item) => fastValueIsSafe(item, depth + 1));
  for (const key of Object.keys(value)) {
    if (!fastKeyIsSafe(key) || !fastValueIsSafe((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * The fast parse: the plain value `parseYaml` would give for this text, or
 * undefined when the text is not one the fast path may read (then the caller
 * uses `parseYaml`). Exported for the differential test; content is loaded
 * with `readYaml`.
 */
export function parseYamlFast(text: string): Record<string, unknown> | undefined {
  if (unsafeForFastPath(text)) return undefined;
  let value: unknown;
  try {
    value = loadFastYaml(text, { schema: FAST_SCHEMA });
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !fastValueIsSafe(value, 0)) return undefined;
  return value as Record<string, unknown>;
}

/**
 * The full parse (the authority; see readYaml). Parse YAML keeping the source
 * text of every number (so 010101 and 1.10 survive) and a way back from a field
 * path to its line. Refuses aliases
 * (`*name`): content never needs them, a text starting with * would silently
 * become one, and nested aliases can expand exponentially ("billion laughs").
 * Exported for the differential test; content is loaded with `readYaml`.
 */
export function parseYaml(text: string, display: string, errors: ContentError[]) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  // Only the first syntax error: the ones after it are mostly its consequences.
  const [err] = doc.errors;
  if (err) {
    const hint = /call stack/.test(err.message) ? '括号或缩进的层级过深 / nested too deeply' : YAML_HINTS[err.code];
    const message = hint ? `YAML 格式错误：${hint}` : `YAML 格式错误 / malformed YAML: ${err.message.split('\n')[0]}`;
    errors.push({ file: display, line: lineAt(err.pos[0]), field: '', message });
    return null;
  }
  let aliases = 0;
  visit(doc, {
    Alias(_key, node) {
      if (aliases++ === 0) {
        errors.push({
          file: display,
          line: lineAt(node.range?.[0]),
          field: '',
          message: `不支持 YAML 别名 *${node.source}：请直接写出内容；以 * 或 & 开头的文字请加引号，如 note: "*注：…" / YAML aliases are not allowed; quote text starting with * or &`,
        });
      }
      return visit.BREAK;
    },
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined) node.value = node.source;
    },
  });
  if (aliases > 0) return null;
  const value = doc.toJS() as unknown;
  if (value === null || value === undefined) {
    errors.push({ file: display, line: 1, field: '', message: '文件为空（没有任何字段）/ the file is empty' });
    return null;
  }
  const lineOf = (path: readonly (string | number)[]) => lineOfPath(doc, lineCounter, path);
  return { value, lineOf };
}

/**
 * The line of a field: the line of its key (or of the list item), so a
 * field holding a block shows where it is named. A field that does not exist
 * points at the nearest parent that does.
 */
function lineOfPath(doc: Document, counter: LineCounter, path: readonly (string | number)[]): number {
  const lineAt = (node: { range?: [number, number, number] | null } | null | undefined) =>
    node?.range ? counter.linePos(node.range[0]).line : undefined;
  let node: unknown = doc.contents;
  let line = lineAt(doc.contents as { range?: [number, number, number] } | null) ?? 1;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      if (!pair) break;
      line = lineAt(pair.key as { range?: [number, number, number] }) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      line = lineAt(item) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/** The message for one schema issue; `value` is the whole parsed file. */
export type DescribeIssue = (issue: z.core.$ZodIssue, value: unknown) => string;

function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  display: string,
  lineOf: (p: readonly (string | number)[]) => number,
  errors: ContentError[],
  describe: DescribeIssue,
): z.output<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    errors.push({ file: display, line: lineOf(path), field: path.join('.'), message: describe(issue, value) });
  }
  return null;
}

/** Bureau and bureau-year files: a missing field says so, other issues in both languages (describeIssue). */
function describeContentIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const missing = valueAt(value, path) === undefined && issue.code !== 'unrecognized_keys';
  return missing ? `缺少必填字段 / required field is missing` : describeIssue(issue);
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const zh: Record<string, string> = { array: '列表', object: '对象（键: 值）', string: '文本', number: '数字', boolean: '是/否' };
      return `类型错误：应为${zh[issue.expected] ?? issue.expected} / wrong type: expected ${issue.expected}`;
    }
    case 'unrecognized_keys': {
      const hint = issue.keys.some((k) => /^\d{3}(\.\d+)?$/.test(k))
        ? '（{ } 里的千分位逗号会把数字拆开：请写 1234.07 而不是 1,234.07 / a thousands comma inside { } splits the number: write 1234.07）'
        : '';
      return `未知字段 ${issue.keys.join('、')}${hint} / unknown field(s): ${issue.keys.join(', ')}`;
    }
    case 'invalid_value':
      return `取值应为 ${issue.values.map(String).join(' / ')} 之一 / expected one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return `格式不符：应为表格数据，或 { empty: 空表说明 }，或 { notProvided: 原因 } / does not match any allowed shape`;
    default:
      return issue.message;
  }
}

/** Whether any of `errors` is in a file under `dir` (errors name files relative to the working folder, as loadContent() does). */
export function errorsUnder(errors: readonly ContentError[], dir: string): boolean {
  const shown = relative(process.cwd(), dir) || dir;
  return errors.some((e) => e.file === shown || e.file.startsWith(shown + sep));
}

/** The folders in `dir` (those `only` accepts), by name. */
function listDirs(dir: string, only: (name: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => only(name) && statSync(join(dir, name)).isDirectory())
    .sort();
}

/**
 * Load and validate all content under `root` (the folder holding `bureaus/`).
 * Returns the content and every error found; nothing is thrown for bad input.
 */
export function loadContent(root: string, options: LoadOptions = {}): { content: Content; errors: ContentError[]; unchanged: string[] } {
  const errors: ContentError[] = [];
  const unchanged: string[] = [];
  const bureaus: BureauEntry[] = [];
  const years: BureauYearEntry[] = [];
  const bureausDir = join(root, 'bureaus');
  const display = (file: string) => relative(process.cwd(), file) || file;

  for (const bureauId of listDirs(bureausDir, options.bureaus)) {
    const bureauDir = join(bureausDir, bureauId);
    const bureauFile = join(bureauDir, 'bureau.yaml');
    if (!isSafeId(bureauId)) {
      errors.push({
        file: display(bureauDir),
        line: 1,
        field: '',
        message: `部门文件夹名"${bureauId}"不可用：只能用小写英文字母、数字和连字符（至多 64 个字符，不能是 con、nul 等 Windows 保留名），如 wuhan-jiangan-yibao / a bureau folder name may only hold a-z, 0-9 and -`,
      });
      continue;
    }
    if (!existsSync(bureauFile)) {
      const orphans = listDirs(bureauDir);
      errors.push({
        file: display(bureauFile),
        line: 1,
        field: '',
        message: `缺少部门信息文件 bureau.yaml${orphans.length > 0 ? `，其下年度 ${orphans.join('、')} 无法发布` : ''} / bureau.yaml is missing`,
      });
      continue;
    }
    const bureauDisplay = display(bureauFile);
    const bureauText = readText(bureauFile, bureauDisplay, errors);
    const readBureau = bureauText === null ? null : readYaml(bureauText, bureauDisplay, bureauSchema, errors, describeContentIssue);
    if (readBureau) bureaus.push({ id: bureauId, file: bureauDisplay, data: readBureau.data, lineOf: readBureau.lineOf });

    const yearDirs = listDirs(bureauDir);
    for (const yearDir of yearDirs) {
      const dir = join(bureauDir, yearDir);
      const dataFile = join(dir, 'data.yaml');
      const narrativeFile = join(dir, 'narrative.md');
      const dataDisplay = display(dataFile);
      const narrativeDisplay = display(narrativeFile);
      if (!/^\d{4}$/.test(yearDir)) {
        errors.push({ file: display(dir), line: 1, field: '', message: `年度文件夹名"${yearDir}"应为四位年份，如 2023 / a year folder must be named like 2023` });
        continue;
      }
      // Exactly one data file per bureau-year: a second YAML file (a copy, data.yml) would claim the same bureau-year.
      const rivals = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name) && name !== 'data.yaml');
      for (const name of rivals) {
        errors.push({
          file: display(join(dir, name)),
          line: 1,
          field: '',
          message: `部门年度 ${bureauId}/${yearDir} 只能有一个数据文件 data.yaml，此文件与之重复，请删除或移走 / a second data file for the same bureau-year`,
        });
      }
      if (rivals.length > 0) continue;
      if (!existsSync(dataFile)) {
        errors.push({ file: dataDisplay, line: 1, field: '', message: '缺少数据文件 data.yaml / data.yaml is missing' });
        continue;
      }
      if (options.skipYear?.(`${bureauId}/${yearDir}`)) {
        unchanged.push(`${bureauId}/${yearDir}`);
        continue;
      }
      const dataText = readText(dataFile, dataDisplay, errors);
      const narrativeText = existsSync(narrativeFile) ? readText(narrativeFile, narrativeDisplay, errors) : null;
      const parsed = dataText === null ? null : readYaml(dataText, dataDisplay, bureauYearSchema, errors, describeContentIssue);
      if (!parsed) continue;
      const { data } = parsed;
      if (data.year !== yearDir) {
        const claimed = yearDirs.includes(data.year) ? `，而 ${bureauId}/${data.year} 已有自己的文件夹：两个文件声明了同一部门年度` : '';
        errors.push({
          file: dataDisplay,
          line: parsed.lineOf(['year']),
          field: 'year',
          message: `年度 ${data.year} 与文件夹名 ${yearDir} 不一致${claimed} / year does not match its folder`,
        });
        continue;
      }
      const narrative = narrativeText ?? '';
      if (!existsSync(narrativeFile)) {
        errors.push({ file: narrativeDisplay, line: 1, field: '', message: '缺少说明文件 narrative.md / narrative.md is missing' });
      }
      const sourceFile = join(dir, 'source.txt');
      years.push({
        id: `${bureauId}/${yearDir}`,
        bureauId,
        year: yearDir,
        dataFile: dataDisplay,
        narrativeFile: narrativeDisplay,
        ...(existsSync(sourceFile) ? { sourceFile: display(sourceFile) } : {}),
        data,
        narrative,
        lineOf: parsed.lineOf,
      });
    }
    if (!readBureau) {
      // Years of a broken bureau file are still validated above but not published.
      for (let i = years.length - 1; i >= 0; i--) if (years[i]!.bureauId === bureauId) years.splice(i, 1);
    }
  }
  years.sort((a, b) => compareText(a.bureauId, b.bureauId) || compareText(a.year, b.year));
  return { content: { root, bureaus, years }, errors, unchanged };
}
