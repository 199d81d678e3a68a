/**
 * Open data: the CSV and JSON files round-trip the numbers exactly (parsed
 * with a CSV library and compared with the YAML source text, not with the
 * code's own reading of it), unknown stays empty, and datapackage.json is a
 * valid Tabular Data Package with the Fiscal Data Package model (validated by
 * ajv against the published JSON Schemas in test/fixtures/frictionless), whose
 * table schemas every CSV matches.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { parseDocument, isScalar, type Node } from 'yaml';
import Ajv from 'ajv-draft-04';
import { unzipSync } from 'fflate';
import { loadContent } from '../../src/core/load.ts';
import { analyse, previousYear } from '../../src/core/disclosure.ts';
import {
  RESOURCES,
  bureauYearFiles,
  dataPackage,
  resourceSpec,
  sha256,
  csvHeader,
  csvRows,
  toCsv,
  formatBytes,
  type BureauYearRef,
  type ResourceName,
} from '../../src/core/open-data.ts';
import { zipFiles } from '../../src/core/zip.ts';

const { content } = loadContent('content');
const refs: BureauYearRef[] = content.years.map((y) => {
  const prev = previousYear(content.years, y);
  const d = analyse({ id: y.id, data: y.data, narrative: y.narrative, narrativeFile: y.narrativeFile, ...(prev ? { previous: prev.data } : {}) });
  return { bureauId: y.bureauId, bureauName: content.bureaus.find((b) => b.id === y.bureauId)!.data.name, year: y.year, data: y.data, figures: d.figures };
});
const JIANGAN = refs.find((r) => r.bureauId === 'wuhan-jiangan-yibao' && r.year === '2023')!;

/** The YAML file's scalar at a path, as written in the file (number source text; quoted text without quotes). */
function yamlSource(file: string) {
  const doc = parseDocument(readFileSync(file, 'utf8'), { keepSourceTokens: true });
  return (path: (string | number)[]): string | undefined => {
    // Line numbers are integer keys in the YAML (30:, 64:), so look them up as numbers.
    const node = doc.getIn(path.map((k) => (typeof k === 'string' && /^\d+$/.test(k) ? Number(k) : k)), true) as Node | undefined;
    if (!node || !isScalar(node)) return undefined;
    if (node.value === null) return undefined;
    return typeof node.value === 'number' ? node.source : String(node.value);
  };
}
const dataFile = (ref: BureauYearRef) => `content/bureaus/${ref.bureauId}/${ref.year}/data.yaml`;

const csvRecords = (text: string): Record<string, string>[] => parse(text, { bom: true, columns: true, skip_empty_lines: true });
const fileOf = (ref: BureauYearRef, name: ResourceName) => bureauYearFiles(ref).find((f) => f.path.endsWith(`-${name}.csv`))!.content;
/** The bureau-year's JSON file, parsed. */
const jsonOf = (ref: BureauYearRef) => JSON.parse(bureauYearFiles(ref).find((f) => f.format === 'json')!.content);

describe('CSV files', () => {
  it('start with a UTF-8 BOM and a header of the Chinese column names', () => {
    const text = fileOf(JIANGAN, 't03');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe('部门标识,部门名称,年度,科目编码,科目名称,级次,本年支出合计,基本支出,项目支出,上缴上级支出,经营支出,对附属单位补助支出');
  });

  it('round-trip every amount of the functional tables exactly as the YAML writes it; a blank stays an empty cell', () => {
    let compared = 0;
    let blanks = 0;
    for (const ref of refs) {
      const src = yamlSource(dataFile(ref));
      for (const t of ['t02', 't03', 't05', 't07', 't08'] as const) {
        if (src(['tables', t, 'empty']) !== undefined || src(['tables', t, 'notProvided']) !== undefined) continue;
        const records = csvRecords(fileOf(ref, t));
        const amountFields = resourceSpec(t).fields.filter((f) => f.type === 'number');
        const rows = (ref.data.tables[t] as { rows: unknown[] } | undefined)?.rows ?? [];
        expect(records.length, `${ref.bureauId} ${t}`).toBe(rows.length + 1);
        records.forEach((rec, i) => {
          const path = i === 0 ? ['tables', t, 'summary'] : ['tables', t, 'rows', i - 1];
          if (i > 0) expect(rec['科目编码']).toBe(src([...path, 'code']));
          for (const f of amountFields) {
            const expected = src([...path, f.key]);
            expect(rec[f.name], `${ref.bureauId}/${ref.year} ${t} ${path.join('.')}.${f.key}`).toBe(expected === undefined ? '' : expected.replaceAll(',', ''));
            compared++;
            if (expected === undefined) blanks++;
          }
        });
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(blanks).toBeGreaterThan(10);
  });

  it('round-trip 01, 04, 06 and 09 exactly', () => {
    let t01Files = 0;
    for (const ref of refs) {
      const src = yamlSource(dataFile(ref));
      if (src(['tables', 't01', 'lines', '30']) !== undefined) {
        t01Files++;
        const t01 = csvRecords(fileOf(ref, 't01'));
        const line30 = t01.find((r) => r['行次'] === '30')!;
        expect(line30['金额']).toBe(src(['tables', 't01', 'lines', '30'])!.replaceAll(',', ''));
        expect(line30['项目']).toBe('总计');
        for (const r of t01) expect(r['金额']).toBe((src(['tables', 't01', 'lines', r['行次']!]) ?? '').replaceAll(',', ''));
      }
      const t09 = csvRecords(fileOf(ref, 't09'));
      if (t09.length > 0) {
        const total = t09.find((r) => r['项目'] === '合计')!;
        expect(total['预算数']).toBe((src(['tables', 't09', 'budget', 'total']) ?? '').replaceAll(',', ''));
        expect(total['决算数']).toBe((src(['tables', 't09', 'actual', 'total']) ?? '').replaceAll(',', ''));
      }
      const t06 = csvRecords(fileOf(ref, 't06'));
      for (const [group, key] of [['人员经费', 'personnel'], ['公用经费', 'public']] as const) {
        const rows = t06.filter((r) => r['经费类型'] === group && r['科目编码'] !== '');
        rows.forEach((r, i) => {
          expect(r['科目编码']).toBe(src(['tables', 't06', key, i, 'code']));
          expect(r['决算数']).toBe((src(['tables', 't06', key, i, 'amount']) ?? '').replaceAll(',', ''));
        });
      }
      const t04 = csvRecords(fileOf(ref, 't04'));
      for (const r of t04.filter((x) => x['收支'] === '支出')) {
        expect(r['一般公共预算财政拨款']).toBe((src(['tables', 't04', 'expenditure', r['行次']!, 'gpb']) ?? '').replaceAll(',', ''));
      }
    }
    expect(t01Files).toBeGreaterThanOrEqual(3);
  });

  it('江岸 2023: the figures file states the document\'s own numbers (情况说明)', () => {
    const figures = csvRecords(fileOf(JIANGAN, 'figures'));
    const value = (name: string) => figures.find((r) => r['名称'] === name)?.['数值'];
    // Typed from the published document (source.txt): 收、支总计 1234.07 万元，增加 50.26 万元，增长 4.2%.
    expect(value('grandTotal')).toBe('1234.07');
    expect(value('grandTotal.change')).toBe('50.26');
    expect(value('grandTotal.changePct')).toBe('4.2');
    expect(figures.find((r) => r['名称'] === 'grandTotal.direction')?.['文字']).toBe('增加');
  });

  it('an unknown figure is an empty cell, never 0', () => {
    const figures = csvRecords(fileOf(JIANGAN, 'figures'));
    const unknown = figures.filter((r) => r['数值'] === '' && r['单位'] !== '');
    expect(unknown.length).toBeGreaterThan(0);
    for (const r of unknown) expect(JIANGAN.figures.get(r['名称']!)!.value).toBeNull();
  });

  it('a table the document states empty has a header and no rows; its status is in the JSON', () => {
    const ref = refs.find((r) => r.data.tables.t07 !== undefined && 'empty' in r.data.tables.t07)!;
    expect(ref).toBeDefined();
    expect(csvRecords(fileOf(ref, 't07'))).toEqual([]);
    const json = jsonOf(ref);
    expect(json.tables.t07.status).toBe('empty');
    expect(json.tables.t07.statusNote).toBe((ref.data.tables.t07 as { empty: string }).empty);
  });

  it('an extra table gives one row per cell, named by its column; a blank cell stays empty', () => {
    const extra = { number: '10', title: '国有资产占用情况表', columns: ['车辆', '房屋'], rows: [{ name: '合计', values: ['3', undefined] }] };
    const data = { ...JIANGAN.data, extraTables: [extra] } as unknown as BureauYearRef['data'];
    const rows = csvRecords(fileOf({ ...JIANGAN, data }, 'extra'));
    expect(rows.map((r) => [r['表号'], r['行'], r['列'], r['数值']])).toEqual([
      ['10', '合计', '车辆', '3'],
      ['10', '合计', '房屋', ''],
    ]);
  });

  it('quotes a cell with a comma or a quote so it parses back unchanged', () => {
    const spec = resourceSpec('t09');
    const text = toCsv(spec, [{ bureauId: 'a', bureauName: '某局,"测试"', year: '2023', item: '合计', budget: '1.00', actual: null }]);
    expect(csvRecords(text)).toEqual([{ 部门标识: 'a', 部门名称: '某局,"测试"', 年度: '2023', 项目: '合计', 预算数: '1.00', 决算数: '' }]);
  });
});

describe('JSON files', () => {
  it('keep every amount as the exact decimal string and unknown as null', () => {
    for (const ref of refs) {
      const src = yamlSource(dataFile(ref));
      const json = jsonOf(ref);
      expect(json.id).toBe(`${ref.bureauId}/${ref.year}`);
      if (json.tables.t03.status !== 'data') continue;
      json.tables.t03.rows.slice(1).forEach((row: Record<string, string | null>, i: number) => {
        for (const key of ['total', 'basic', 'project', 'toSuperior']) {
          const expected = src(['tables', 't03', 'rows', i, key]);
          expect(row[key]).toBe(expected === undefined ? null : expected.replaceAll(',', ''));
        }
      });
    }
  });

  it("hold each resource's rows as its CSV does, without the bureau and year the CSV starts every row with", () => {
    const lead = ['bureauId', 'bureauName', 'year'];
    for (const ref of refs) {
      const files = bureauYearFiles(ref);
      const json = jsonOf(ref);
      for (const spec of RESOURCES) {
        const rows: Record<string, string | null>[] = spec.name === 'figures' ? json.figures : json.tables[spec.name].rows;
        const records = csvRecords(files.find((f) => f.resource === spec.name)!.content);
        expect(rows.length, `${ref.bureauId}/${ref.year} ${spec.name}`).toBe(records.length);
        rows.forEach((row, i) => {
          expect(Object.keys(row).filter((k) => lead.includes(k))).toEqual([]);
          expect([records[i]!['部门标识'], records[i]!['部门名称'], records[i]!['年度']]).toEqual([ref.bureauId, ref.bureauName, ref.year]);
          for (const field of spec.fields.filter((f) => !lead.includes(f.key))) expect(records[i]![field.name]).toBe(row[field.key] ?? '');
        });
      }
    }
  });
});

describe('datapackage.json', () => {
  const perBureauYear = refs.map(bureauYearFiles);
  const rowsOf = (f: { path: string; resource?: ResourceName; content: string | Uint8Array }) => Buffer.from(csvRows({ ...f, content: Buffer.from(f.content) })).toString('utf8');
  const files = Object.fromEntries(
    RESOURCES.map((spec) => [spec.name, csvHeader(spec.name) + perBureauYear.map((fs) => rowsOf(fs.find((f) => f.resource === spec.name)!)).join('')]),
  ) as Record<ResourceName, string>;
  const sums = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, { bytes: Buffer.byteLength(text), sha256: sha256(text) }])) as Record<ResourceName, { bytes: number; sha256: string }>;
  const descriptor = JSON.parse(dataPackage({ title: '测试', organisation: '测试单位', years: refs.map((r) => r.year), created: '2024-01-01T00:00:00Z', files: sums }));
  const schema = (name: string) => JSON.parse(readFileSync(`test/fixtures/frictionless/${name}.json`, 'utf8'));

  it('is valid against the published Tabular Data Package and Fiscal Data Package schemas', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    for (const profile of ['tabular-data-package', 'fiscal-data-package']) {
      const validate = ajv.compile(schema(profile));
      expect(validate(descriptor), `${profile}: ${JSON.stringify(validate.errors, null, 1)}`).toBe(true);
    }
  });

  it('fails validation when a measure has no currency (the validator is not a no-op)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema('fiscal-data-package'));
    const broken = structuredClone(descriptor);
    delete broken.model.measures.t03_total.currency;
    expect(validate(broken)).toBe(false);
  });

  it('describes measures with direction and phase, and the functional and economic classifications', () => {
    expect(descriptor.model.measures.t03_total).toMatchObject({ resource: 't03', source: '本年支出合计', direction: 'expenditure', phase: 'executed', currency: 'CNY', factor: 10000 });
    expect(descriptor.model.measures.t02_total).toMatchObject({ direction: 'revenue', phase: 'executed' });
    expect(descriptor.model.measures.t09_budget).toMatchObject({ phase: 'approved' });
    expect(descriptor.model.dimensions.functional_t03).toMatchObject({ dimensionType: 'classification', classificationType: 'functional' });
    expect(descriptor.model.dimensions.economic).toMatchObject({ dimensionType: 'classification', classificationType: 'economic' });
  });

  it('every CSV matches its table schema: header, types, required cells; bytes and hash as stated', () => {
    const patterns: Record<string, RegExp> = { number: /^-?\d+(\.\d+)?$/, integer: /^-?\d+$/, year: /^\d{4}$/, string: /^[\s\S]*$/ };
    for (const resource of descriptor.resources) {
      const text = files[resource.name as ResourceName];
      expect(resource.bytes).toBe(Buffer.byteLength(text));
      expect(resource.hash).toBe(`sha256:${sha256(text)}`);
      const [header, ...rows] = parse(text, { bom: true }) as string[][];
      const fields = resource.schema.fields as { name: string; type: string; constraints?: { required?: boolean } }[];
      expect(header).toEqual(fields.map((f) => f.name));
      for (const row of rows) {
        expect(row.length).toBe(fields.length);
        fields.forEach((f, i) => {
          const cell = row[i]!;
          if (cell === '') {
            expect(f.constraints?.required ?? false, `${resource.name}.${f.name} is required`).toBe(false);
            return;
          }
          expect(cell, `${resource.name}.${f.name}`).toMatch(patterns[f.type]!);
        });
      }
    }
  });

  it('the site-wide CSV holds exactly the rows of every bureau-year file', () => {
    for (const spec of RESOURCES) {
      const all = csvRecords(files[spec.name]);
      const parts = refs.flatMap((ref) => csvRecords(fileOf(ref, spec.name)));
      expect(all.length).toBe(parts.length);
      expect(new Set(all.map((r) => JSON.stringify(r)))).toEqual(new Set(parts.map((r) => JSON.stringify(r))));
    }
  });
});

describe('zip archives', () => {
  it('are byte-identical in any time zone and unpack to the same files', async () => {
    const files = [
      { name: 'b.csv', content: '\uFEFF金额\r\n1.00\r\n' },
      { name: 'a.json', content: '{}' },
    ];
    const date = new Date('2024-06-30T23:30:00Z');
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      const east = await zipFiles(files, date);
      process.env.TZ = 'America/Los_Angeles';
      const west = await zipFiles(files, date);
      expect(sha256(west)).toBe(sha256(east));
      const unpacked = unzipSync(east);
      expect(Object.keys(unpacked)).toEqual(['a.json', 'b.csv']);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(unpacked['b.csv'])).toBe(files[0]!.content);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('formatBytes', () => {
  it('shows sizes for download links', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
