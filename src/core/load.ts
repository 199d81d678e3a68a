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
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isScalar, visit, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { bureauSchema, bureauYearSchema, type Bureau, type BureauYear } from './schema.ts';

/** A problem in the content, always pointing at a file and line. */
export interface ContentError {
  file: string;
  line: number;
  /** Dotted path of the field, e.g. tables.t02.rows.3.total. */
  field: string;
  message: string;
}

export class ContentErrors extends Error {
  readonly errors: ContentError[];
  constructor(errors: ContentError[]) {
    super(errors.map(formatContentError).join('\n'));
    this.name = 'ContentErrors';
    this.errors = errors;
  }
}

export function formatContentError(e: ContentError): string {
  return `${e.file}:${e.line}${e.field ? ` ${e.field}` : ''}: ${e.message}`;
}

export interface BureauEntry {
  id: string;
  file: string;
  data: Bureau;
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
  /** Digest of the raw data.yaml and narrative.md: equal digests, equal entry. */
  digest: string;
}

export interface LoadOptions {
  /**
   * Called with each bureau-year's id and the digest of its raw files before
   * they are parsed; returning true skips the entry (the caller holds it
   * already, e.g. Astro's data store). Skipped ids are listed in `unchanged`.
   */
  skipYear?: (id: string, digest: string) => boolean;
}

export interface Content {
  root: string;
  bureaus: BureauEntry[];
  years: BureauYearEntry[];
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Read a text file as UTF-8, refusing other encodings with a clear message. */
export function readText(file: string, display: string, errors: ContentError[]): string | null {
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) {
    errors.push({ file: display, line: 1, field: '', message: `文件过大（${size} 字节，上限 ${MAX_FILE_BYTES}）/ file too large` });
    return null;
  }
  const bytes = readFileSync(file);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    errors.push({
      file: display,
      line: 1,
      field: '',
      message: '文件不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 / file is not UTF-8 (perhaps GBK); save it as UTF-8',
    });
    return null;
  }
}

/**
 * Parse YAML keeping the source text of every number (so 010101 and 1.10
 * survive) and a way back from a field path to its line.
 */
export function parseYaml(text: string, display: string, errors: ContentError[]) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) {
    const line = err.linePos?.[0]?.line ?? 1;
    errors.push({ file: display, line, field: '', message: `YAML 格式错误 / malformed YAML: ${err.message.split('\n')[0]}` });
  }
  if (doc.errors.length > 0) return null;
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined) node.value = node.source;
    },
  });
  const lineOf = (path: readonly (string | number)[]) => lineOfPath(doc, lineCounter, path);
  return { value: doc.toJS() as unknown, lineOf };
}

function lineOfPath(doc: Document, counter: LineCounter, path: readonly (string | number)[]): number {
  // Walk up until a node exists (a missing field points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const offset = node && (isScalar(node) || typeof node === 'object') ? node.range?.[0] : undefined;
    if (offset !== undefined) return counter.linePos(offset).line;
  }
  return 1;
}

function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  display: string,
  lineOf: (p: readonly (string | number)[]) => number,
  errors: ContentError[],
): z.output<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const missing = valueAt(value, path) === undefined && issue.code !== 'unrecognized_keys';
    const message = missing ? `缺少必填字段 / required field is missing` : describeIssue(issue);
    errors.push({ file: display, line: lineOf(path), field: path.join('.'), message });
  }
  return null;
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

function listDirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
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

  for (const bureauId of listDirs(bureausDir)) {
    const bureauDir = join(bureausDir, bureauId);
    const bureauFile = join(bureauDir, 'bureau.yaml');
    if (!SAFE_ID.test(bureauId)) {
      errors.push({ file: display(bureauDir), line: 1, field: '', message: '部门文件夹名只能用小写字母、数字和连字符 / a bureau folder name may only hold a-z, 0-9 and -' });
      continue;
    }
    if (!existsSync(bureauFile)) {
      errors.push({ file: display(bureauFile), line: 1, field: '', message: '缺少部门信息文件 bureau.yaml / bureau.yaml is missing' });
      continue;
    }
    const bureauText = readText(bureauFile, display(bureauFile), errors);
    const parsedBureau = bureauText === null ? null : parseYaml(bureauText, display(bureauFile), errors);
    const bureau = parsedBureau && validate(bureauSchema, parsedBureau.value, display(bureauFile), parsedBureau.lineOf, errors);
    if (bureau) bureaus.push({ id: bureauId, file: display(bureauFile), data: bureau });

    for (const yearDir of listDirs(bureauDir)) {
      const dir = join(bureauDir, yearDir);
      const dataFile = join(dir, 'data.yaml');
      const narrativeFile = join(dir, 'narrative.md');
      if (!/^\d{4}$/.test(yearDir)) {
        errors.push({ file: display(dir), line: 1, field: '', message: '年度文件夹名应为四位年份，如 2023 / a year folder must be named like 2023' });
        continue;
      }
      if (!existsSync(dataFile)) {
        errors.push({ file: display(dataFile), line: 1, field: '', message: '缺少数据文件 data.yaml / data.yaml is missing' });
        continue;
      }
      const dataText = readText(dataFile, display(dataFile), errors);
      const narrativeText = existsSync(narrativeFile) ? readText(narrativeFile, display(narrativeFile), errors) : null;
      const digest = createHash('sha1').update(dataText ?? '').update('\0').update(narrativeText ?? '').digest('hex');
      if (dataText !== null && narrativeText !== null && options.skipYear?.(`${bureauId}/${yearDir}`, digest)) {
        unchanged.push(`${bureauId}/${yearDir}`);
        continue;
      }
      const parsed = dataText === null ? null : parseYaml(dataText, display(dataFile), errors);
      if (!parsed) continue;
      const data = validate(bureauYearSchema, parsed.value, display(dataFile), parsed.lineOf, errors);
      if (!data) continue;
      if (data.year !== yearDir) {
        errors.push({ file: display(dataFile), line: parsed.lineOf(['year']), field: 'year', message: `年度 ${data.year} 与文件夹名 ${yearDir} 不一致 / year does not match its folder` });
        continue;
      }
      const narrative = narrativeText ?? '';
      if (!existsSync(narrativeFile)) {
        errors.push({ file: display(narrativeFile), line: 1, field: '', message: '缺少说明文件 narrative.md / narrative.md is missing' });
      }
      const sourceFile = join(dir, 'source.txt');
      years.push({
        id: `${bureauId}/${yearDir}`,
        bureauId,
        year: yearDir,
        dataFile: display(dataFile),
        narrativeFile: display(narrativeFile),
        ...(existsSync(sourceFile) ? { sourceFile: display(sourceFile) } : {}),
        data,
        narrative,
        lineOf: parsed.lineOf,
        digest,
      });
    }
    if (!bureau) {
      // Years of a broken bureau file are still validated above but not published.
      for (let i = years.length - 1; i >= 0; i--) if (years[i]!.bureauId === bureauId) years.splice(i, 1);
    }
  }
  years.sort((a, b) => a.bureauId.localeCompare(b.bureauId) || a.year.localeCompare(b.year));
  return { content: { root, bureaus, years }, errors, unchanged };
}
