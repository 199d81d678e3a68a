import { describe, expect, it } from 'vitest';
import { mergeGlossary, nameInRegion, newest, otherNames, regionTree, subjectTermKey, termKey, allYears, usesShown, USES_LISTED } from '../../src/core/catalogue.ts';
import { bureauSchema } from '../../src/core/schema.ts';

const bureau = (id: string, province: string, city: string, district: string, code: string) => ({
  id,
  data: bureauSchema.parse({ name: `${district}局`, shortName: district, region: { province, city, district, code }, level: '区县级' }),
});

describe('catalogue', () => {
  it('groups bureaus province → city → district, ordered by division code', () => {
    const tree = regionTree([
      bureau('b', '湖北省', '武汉市', '汉阳区', '420105'),
      bureau('c', '江西省', '南昌市', '东湖区', '360102'),
      bureau('a', '湖北省', '武汉市', '江岸区', '420102'),
    ]);
    expect(tree.map((p) => p.name)).toEqual(['江西省', '湖北省']);
    expect(tree[1]!.children[0]!.name).toBe('武汉市');
    expect(tree[1]!.children[0]!.children.map((d) => d.name)).toEqual(['江岸区', '汉阳区']);
  });

  it('the name without its region in front (the 部门 search filter), or the whole name when it does not start with its region', () => {
    const named = (name: string, city: string | undefined, district: string | undefined) =>
      nameInRegion(bureauSchema.parse({ name, shortName: name, region: { province: '湖北省', city, district, code: '420102' }, level: '区县级' }));
    expect(named('武汉市江岸区医疗保障局', '武汉市', '江岸区')).toBe('医疗保障局');
    expect(named('江岸区财政局', '武汉市', '江岸区')).toBe('财政局');
    expect(named('武汉市财政局', '武汉市', undefined)).toBe('财政局');
    expect(named('湖北省财政厅', undefined, undefined)).toBe('财政厅');
    expect(named('中共武汉市江岸区委宣传部', '武汉市', '江岸区')).toBe('中共武汉市江岸区委宣传部');
    // A name that is only its region keeps it.
    expect(named('武汉市江岸区', '武汉市', '江岸区')).toBe('武汉市江岸区');
  });

  it('other names to search a bureau by: its short name and former names, once each, not the end of its full name', () => {
    const names = (shortName: string, former: string[]) =>
      otherNames(
        bureauSchema.parse({
          name: '武汉市江岸区医疗保障局',
          shortName,
          region: { province: '湖北省', city: '武汉市', district: '江岸区', code: '420102' },
          level: '区县级',
          formerNames: former.map((name) => ({ name, until: '2018' })),
        }),
      );
    expect(names('江岸区医保局', ['武汉市江岸区医疗保险局', '江岸区医保局'])).toEqual(['江岸区医保局', '武汉市江岸区医疗保险局']);
    expect(names('江岸区医疗保障局', [])).toEqual([]);
  });

  it('lists the newest disclosures first and all years oldest first', () => {
    const ys = [
      { bureauId: 'a', year: '2022', data: { year: '2022', asOf: '2022-12-31' } },
      { bureauId: 'b', year: '2024', data: { year: '2024', asOf: '2024-12-31', published: '2025-09-01' } },
      { bureauId: 'c', year: '2024', data: { year: '2024', asOf: '2024-12-31', published: '2025-09-29' } },
    ];
    expect(newest(ys, 2).map((y) => y.bureauId)).toEqual(['c', 'b']);
    expect(allYears(ys)).toEqual(['2022', '2024']);
  });

  it('merges glossaries by term (quotes, brackets and spaces aside) and lists who uses each definition', () => {
    const merged = mergeGlossary([
      { bureauId: 'a', bureauName: 'A局', year: '2023', glossary: [{ term: '“三公”经费', definition: '甲。' }, { term: '基本支出', definition: '乙' }] },
      { bureauId: 'b', bureauName: 'B局', year: '2022', glossary: [{ term: '"三公" 经费', definition: '甲' }] },
      { bureauId: 'c', bureauName: 'C局', year: '2021', glossary: [{ term: '“三公”经费', definition: '丙' }] },
      { bureauId: 'd', bureauName: 'D局', year: '2021', glossary: [{ term: '卫生健康支出（类）医疗救助（款）城乡医疗救助（项）', definition: '丁' }] },
    ]);
    expect(merged.map((t) => t.term)).toEqual(['“三公”经费', '基本支出', '卫生健康支出（类）医疗救助（款）城乡医疗救助（项）']);
    const three = merged[0]!;
    expect(three.definitions.map((d) => d.uses.map((u) => u.bureauId))).toEqual([['a', 'b'], ['c']]);
    expect(three.slug).toBe('term-三公经费');
    expect(merged[2]!.subject).toBe(true);
  });

  it('the glossary page lists a definition\'s uses when few, else counts its bureau-years and bureaus', () => {
    const uses = (n: number) => Array.from({ length: n }, (_, i) => ({ bureauId: `b${Math.floor(i / 5)}`, bureauName: `B${Math.floor(i / 5)}局`, year: String(2020 + (i % 5)) }));
    expect(usesShown(uses(USES_LISTED))).toEqual({ listed: uses(USES_LISTED) });
    expect(usesShown(uses(USES_LISTED + 1))).toEqual({ bureauYears: USES_LISTED + 1, bureaus: Math.ceil((USES_LISTED + 1) / 5) });
    expect(usesShown([])).toEqual({ listed: [] });
  });

  it('finds the glossary term of a 项 row from its 类 and 款', () => {
    const rows = [
      { code: '210', name: '卫生健康支出' },
      { code: '21013', name: '医疗救助' },
      { code: '2101301', name: '城乡医疗救助' },
    ];
    expect(subjectTermKey(rows, rows[2]!)).toBe(termKey('卫生健康支出(类)医疗救助(款)城乡医疗救助(项)'));
    expect(subjectTermKey(rows, rows[1]!)).toBeUndefined();
  });
});
