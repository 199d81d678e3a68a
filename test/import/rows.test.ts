/** Reading table rows: too few numbers, lost blank cells, tab-separated cells. */
import { describe, expect, it } from 'vitest';
import { sourceLines } from '../../src/core/import/source.ts';
import { findTables, readFunctionalTable, readTable09 } from '../../src/core/import/read-tables.ts';
import { IssueList } from '../../src/core/import/issues.ts';
import { placements, narrow, type Cells } from '../../src/core/import/columns.ts';

function read03(text: string) {
  const lines = sourceLines(text);
  const issues = new IssueList();
  const region = findTables(lines).get('t03')!;
  return { table: readFunctionalTable('t03', lines, region, issues), issues: issues.items };
}

const HEAD = ['2023 年度支出决算表', '公开 03 表', '栏次 1 2 3 4 5 6'];

describe('functional table rows', () => {
  it('a row with too few numbers for its identity is reported with its line and left out', () => {
    const { table, issues } = read03([...HEAD, '合计 100.00 40.00 60.00', '210 卫生健康支出 100.00 40.00 60.00', '21013 医疗救助 60.00'].join('\n'));
    expect(table!.rows.map((r) => r.code)).toEqual(['210']);
    expect(issues).toContainEqual(expect.objectContaining({ kind: 'row-mismatch', line: 6 }));
    expect(issues.find((i) => i.line === 6)!.message).toContain('21013');
  });
  it('lost blank cells are placed by the parent row: 966.29 under 项目支出 because 210 adds up only that way', () => {
    const { table } = read03(
      [...HEAD, '合计 1,000.00 33.71 966.29', '210 卫生健康支出 1,000.00 33.71 966.29', '21011 行政事业单位医疗 33.71 33.71', '21013 医疗救助 966.29 966.29'].join('\n'),
    );
    expect(table!.rows).toEqual([
      { code: '210', name: '卫生健康支出', total: '1000.00', basic: '33.71', project: '966.29' },
      { code: '21011', name: '行政事业单位医疗', total: '33.71', basic: '33.71' },
      { code: '21013', name: '医疗救助', total: '966.29', project: '966.29' },
    ]);
  });
  it('tab-separated rows keep their blank cells: positions are read as printed', () => {
    const { table, issues } = read03([...HEAD, '合计\t\t\t\t10.00\t\t10.00\t\t\t', '201 一般公共服务支出\t\t\t\t10.00\t\t10.00\t\t\t'].join('\n'));
    expect(table!.summary).toEqual({ total: '10.00', project: '10.00' });
    expect(issues).toEqual([]);
  });
  it('a wrapped subject name is joined (江岸 "机关事业单位基本养老保险缴 / 费支出")', () => {
    const { table } = read03([...HEAD, '合计 18.69 18.69', '2080505', '机关事业单位基本养老保险缴', '', '费支出', '18.69 18.69'].join('\n'));
    expect(table!.rows[0]).toMatchObject({ code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: '18.69' });
  });
  it('09: fewer than twelve numbers in a space-separated row cannot be placed and are reported', () => {
    const lines = sourceLines(['公开 09 表', '1 2 3 4 5 6 7 8 9 10 11 12', '0.40 0.40 0.11 0.11'].join('\n'));
    const issues = new IssueList();
    expect(readTable09(lines, findTables(lines).get('t09')!, issues)).toBeNull();
    expect(issues.items[0]).toMatchObject({ kind: 'row-ambiguous', line: 3 });
  });
});

describe('placing numbers into columns', () => {
  it('keeps only placements that satisfy the row identity, in printed order', () => {
    const options = placements(['10', '4', '6'], ['total', 'basic', 'project'], [{ target: 'total', plus: ['basic', 'project'] }]);
    expect(options).toEqual([{ total: '10', basic: '4', project: '6' }]);
    expect(placements(['10', '4'], ['total', 'basic', 'project'], [{ target: 'total', plus: ['basic', 'project'] }])).toEqual([]);
  });
  it('a group that cannot add up (the bureau’s own slip) removes nothing', () => {
    const parent: Cells[] = [{ total: '10', basic: '10' }, { total: '10', project: '10' }];
    const child: Cells[] = [{ total: '3', basic: '3' }];
    expect(narrow([parent, child], [{ parent: 0, children: [1] }], ['total', 'basic', 'project'])).toEqual([parent, child]);
  });
});
