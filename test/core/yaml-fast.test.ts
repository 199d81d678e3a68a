/**
 * The fast YAML path (parseYamlFast, js-yaml) against the full parser
 * (parseYaml, the `yaml` Document): wherever the fast path answers, it must
 * give exactly what the full parser gives; wherever the two could differ it
 * must decline, so the full parser decides and reports. See readYaml in
 * src/core/load.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { parseYaml, parseYamlFast, readYaml, type ContentError } from '../../src/core/load.ts';
import { bureauSchema, bureauYearSchema } from '../../src/core/schema.ts';
import { classificationFileSchema } from '../../src/core/classification.ts';
import { siteConfigSchema } from '../../src/core/site-config.ts';
import { archiveSchema } from '../../src/core/archive.ts';
import { generate } from '../../scripts/synthetic/generate.ts';

/** What the full parser makes of a text: its value, or its errors. */
function full(text: string): { value: unknown } | { errors: ContentError[] } {
  const errors: ContentError[] = [];
  const parsed = parseYaml(text, 'x.yaml', errors);
  return parsed ? { value: parsed.value } : { errors };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f))
    .sort();
}

function schemaOf(file: string): z.ZodType {
  if (file.endsWith('/data.yaml')) return bureauYearSchema;
  if (file.endsWith('/bureau.yaml')) return bureauSchema;
  if (file.includes('/classifications/')) return classificationFileSchema;
  if (file.endsWith('/site.yaml')) return siteConfigSchema;
  if (file.endsWith('/archive.yaml')) return archiveSchema;
  throw new Error(`no schema for ${file}`);
}

/** Both paths over one file: same plain value, same validated data, same lines. */
function expectSameResult(file: string, text: string) {
  const fast = parseYamlFast(text);
  expect(fast, `${file} takes the fast path`).toBeDefined();
  const slow = full(text);
  expect(slow).toStrictEqual({ value: fast });

  const schema = schemaOf(file);
  const errors: ContentError[] = [];
  const read = readYaml(text, file, schema, errors);
  expect(errors).toEqual([]);
  expect(read?.data).toStrictEqual(schema.parse((slow as { value: unknown }).value));
  // Lines come from the full parse, done on demand.
  const fullErrors: ContentError[] = [];
  const fullLines = parseYaml(text, file, fullErrors)!;
  for (const path of [['year'], ['tables', 't01', 'lines', '27'], ['tables', 't02', 'rows', 3, 'total'], ['codes', 5, 'name'], ['region', 'code'], ['nope', 'x']]) {
    expect(read!.lineOf(path), `${file} line of ${path.join('.')}`).toBe(fullLines.lineOf(path));
  }
}

describe('fast YAML path gives what the full parser gives', () => {
  const seedFiles = yamlFiles('content');

  it('finds the seed content files', () => {
    const names = seedFiles.map((f) => relative('content', f));
    expect(names.filter((f) => f.endsWith('/data.yaml')).length).toBeGreaterThanOrEqual(5);
    expect(names.filter((f) => f.endsWith('/bureau.yaml')).length).toBeGreaterThanOrEqual(5);
    expect(names).toContain('classifications/functional.yaml');
    expect(names).toContain('classifications/economic.yaml');
  });

  it.each(seedFiles)('%s', (file) => {
    expectSameResult(file, readFileSync(file, 'utf8'));
  });

  it.each(seedFiles)('%s with Windows line ends (CRLF)', (file) => {
    const text = readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n');
    expectSameResult(file, text);
  });

  describe('synthetic bureau-years (npm run generate)', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'yaml-fast-'));
      generate({ dir, bureaus: 8, years: 3 });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('every generated file', () => {
      const files = yamlFiles(dir).filter((f) => !f.endsWith('/site.yaml'));
      expect(files.length).toBe(8 + 8 * 3 + 2);
      for (const file of files) expectSameResult(file, readFileSync(file, 'utf8'));
    });
  });
});

/**
 * Tricky snippets. `same`: the fast path answers, with the full parser's value
 * (given here, so the expectation is not produced by the code under test).
 * `declined`: the fast path leaves the text to the full parser.
 */
const SAME: [string, unknown][] = [
  // Scalars that look like dates, numbers, booleans or null: numbers stay their text in both.
  ['a: 2023-12-31', { a: '2023-12-31' }],
  ['a: yes', { a: 'yes' }],
  ['a: on', { a: 'on' }],
  ['a: 0012', { a: '0012' }],
  ['a: 010101', { a: '010101' }],
  ['a: 1e3', { a: '1e3' }],
  ['a: .5', { a: '.5' }],
  ['a: 0x10', { a: '0x10' }],
  ['a: 0o17', { a: '0o17' }],
  ['a: 08', { a: '08' }],
  ['a: -0', { a: '-0' }],
  ['a: +1', { a: '+1' }],
  ['a: 12.50', { a: '12.50' }],
  ['a: 1234.10', { a: '1234.10' }],
  ['a: 1,234.07', { a: '1,234.07' }],
  ['a: 123456789012345678901234567890', { a: '123456789012345678901234567890' }],
  ['a: 12345678901234567.89', { a: '12345678901234567.89' }],
  ['a: .inf', { a: '.inf' }],
  ['a: .NaN', { a: '.NaN' }],
  ['a: 1_000', { a: '1_000' }],
  ['a: ~', { a: null }],
  ['a: null', { a: null }],
  ['a: Null', { a: null }],
  ['a: NULL', { a: null }],
  ['a: nULL', { a: 'nULL' }],
  ['a:', { a: null }],
  ['a: ""', { a: '' }],
  ["a: ''", { a: '' }],
  ['a: true', { a: true }],
  ['a: True', { a: true }],
  ['a: FALSE', { a: false }],
  ['a: tRue', { a: 'tRue' }],
  // Block scalars.
  ['a: |\n  line1\n  line2\n', { a: 'line1\nline2\n' }],
  ['a: |-\n  x\n', { a: 'x' }],
  ['a: |+\n  x\n\n', { a: 'x\n\n' }],
  ['a: >\n  f1\n  f2\n\n  f3\n', { a: 'f1 f2\nf3\n' }],
  ['a: >2\n   x\n', { a: ' x\n' }],
  ['a: >-\n  x\n   y\n  z\n', { a: 'x\n y\nz' }],
  ['a: | # note\n  x\n', { a: 'x\n' }],
  ['a: |\n\n  x\n', { a: '\nx\n' }],
  // Quoted strings and escapes; plain multi-line text.
  ['a: "tab\\there \\u4e2d \\x41 \\/ \\N \\_"', { a: 'tab\there 中 A / \u0085 \u00a0' }],
  ['a: "\\U0001F600 \\e"', { a: '😀 \u001b' }],
  ["a: 'it''s'", { a: "it's" }],
  ['a: "multi\n  line\n\n  quoted"', { a: 'multi line\nquoted' }],
  ['a: "x\\\n  y"', { a: 'xy' }],
  ['a: plain\n  continued\n\n  para', { a: 'plain continued\npara' }],
  ['a: 中文：值', { a: '中文：值' }],
  ['a: x:y', { a: 'x:y' }],
  ['a: 20 分*执行率 # 注*', { a: '20 分*执行率' }],
  ['a: x #c\nb: y#z', { a: 'x', b: 'y#z' }],
  ['a: 1 # c', { a: '1' }],
  ['a: \u3000x \u3000', { a: '\u3000x \u3000' }],
  // Windows line ends.
  ['a: 1\r\nb: |\r\n  x\r\n  y\r\n', { a: '1', b: 'x\ny\n' }],
  ['a: >\r\n  x\r\n  y\r\n\r\n  z\r\n', { a: 'x y\nz\n' }],
  ['a: "x\r\n  y"\r\n', { a: 'x y' }],
  // Flow collections, as the content writes table rows.
  ['a: { b: 1, c: [1, 2, "x"] }', { a: { b: '1', c: ['1', '2', 'x'] } }],
  ['a: [1,2,]', { a: ['1', '2'] }],
  ['a: {b}', { a: { b: null } }],
  // Keys: plain integers (行次), YAML 1.2 has no merge key.
  ['1: a\n27: b\n10: c', { '1': 'a', '27': 'b', '10': 'c' }],
  ['"1": a\n2: b', { '1': 'a', '2': 'b' }],
  ['<<: {a: 1}', { '<<': { a: '1' } }],
  ['true: x', { true: 'x' }],
  ['yes: x', { yes: 'x' }],
];

const DECLINED: [string, string][] = [
  ['a: &x 1\nb: *x', 'anchor and alias'],
  ['a: *x', 'alias'],
  ['a: !!str 1', 'tag'],
  ['a: !!timestamp 2023-12-31', 'tag'],
  ['a: {"b":*x}', 'alias right after :'],
  ['%YAML 1.1\n---\na: yes', 'directive (would change the schema)'],
  ['---\na: 1', 'document marker'],
  ['a: 1\n---\nb: 2', 'two documents'],
  ['a: 1\n...\n', 'document end marker'],
  ['a:\t1', 'tab'],
  ['a: 1\n\tb: 2', 'tab as indentation'],
  ['a: 1\rb: 2', 'CR alone'],
  ['a: \uFEFFx', 'byte order mark inside'],
  ['a: x\u2028y', 'line separator'],
  ['a: 1\na: 2', 'duplicate key'],
  ['1: a\n01: b', 'keys equal as numbers'],
  ['1: a\n1.0: b', 'keys equal as numbers'],
  ['0: a\n00: b', 'keys equal as numbers'],
  ['012: x', 'key with a leading zero'],
  ['-1: x', 'signed key'],
  ['1e2: x', 'float key'],
  ['2023-12-31: x', 'key starting with a digit'],
  ['"1": a\n1: b', 'text key and number key with the same text'],
  ['true: a\nTrue: b', 'keys equal as booleans'],
  ['~: a', 'null key'],
  ['null: a', 'null key'],
  [': a', 'empty key'],
  ['"": a', 'empty key'],
  ['__proto__: x', '__proto__ key'],
  ['a: {__proto__: 1}', '__proto__ key'],
  ['? a\n: b', 'explicit key'],
  ['[a]: x', 'collection as key'],
  ['{a: 1}: x', 'collection as key'],
  [`${'k'.repeat(1100)}: v`, 'key longer than 1024 characters'],
  ['', 'empty file'],
  ['# only a comment', 'empty file'],
  ['- a\n- b', 'top level is not a mapping'],
  ['just text', 'top level is not a mapping'],
  ['a: b: c', 'syntax error'],
  ['a: 中文: 值', 'syntax error'],
  ['a: "x" y', 'syntax error'],
  ['a: { b: 1, c', 'unclosed bracket'],
  ['a: "\\q"', 'bad escape'],
  ['a: x\u0001', 'control character'],
  ['a:\n  b: 1\n c: 2', 'bad indentation'],
  ['a: |\n    x\n  y\n', 'bad indentation after a block scalar'],
  [`a: ${'['.repeat(100)}${']'.repeat(100)}`, 'nested deeper than 64'],
];

describe('tricky YAML', () => {
  it.each(SAME)('%j: fast path, same value as the full parser', (text, expected) => {
    expect(full(text)).toStrictEqual({ value: expected });
    expect(parseYamlFast(text)).toStrictEqual(expected);
  });

  it.each(DECLINED)('%j: left to the full parser (%s)', (text) => {
    expect(parseYamlFast(text)).toBeUndefined();
  });

  it('declined texts that the full parser refuses are refused with its message', () => {
    const errors: ContentError[] = [];
    expect(readYaml('year: 2023\nyear: 2024\n', 'd.yaml', bureauYearSchema, errors)).toBeNull();
    expect(errors).toEqual([{ file: 'd.yaml', line: 2, field: '', message: expect.stringMatching(/字段名重复/) }]);
  });
});

describe('readYaml', () => {
  const year = readFileSync('content/bureaus/nanchang-donghu-yibao/2022/data.yaml', 'utf8');

  it('reports a schema error exactly as the full parser and validation do, with its line', () => {
    const text = year.replace(/^asOf: .*$/m, 'asOf: 2022-13');
    expect(parseYamlFast(text)).toBeDefined();
    const errors: ContentError[] = [];
    expect(readYaml(text, 'd.yaml', bureauYearSchema, errors)).toBeNull();
    const line = text.split('\n').findIndex((l) => l.startsWith('asOf:')) + 1;
    expect(errors).toEqual([{ file: 'd.yaml', line, field: 'asOf', message: '应为日期 YYYY-MM-DD，实际为 "2022-13" / expected a date YYYY-MM-DD' }]);
  });

  it('gives a duplicate 行次 written two ways (1 and 01) the full parser’s duplicate-key error, not two rows', () => {
    const text = 'year: 2023\ntables:\n  t01:\n    lines:\n      1: 5.00\n      01: 6.00\n';
    const errors: ContentError[] = [];
    expect(readYaml(text, 'd.yaml', bureauYearSchema, errors)).toBeNull();
    expect(errors).toEqual([{ file: 'd.yaml', line: 6, field: '', message: expect.stringMatching(/字段名重复/) }]);
  });

  it('refuses an alias in a file that js-yaml alone would accept', () => {
    const text = year.replace(/^template: (.*)$/m, 'template: &t $1\nnote: *t');
    const errors: ContentError[] = [];
    expect(readYaml(text, 'd.yaml', bureauYearSchema, errors)).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^不支持 YAML 别名 \*t/);
  });
});
