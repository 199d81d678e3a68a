/**
 * The six parts of a disclosure: stable anchors (#part1–#part6), the search
 * filter value of each, and the headings each template prints.
 * The Wuhan template has six parts; the Jiangxi one has no 重点工作 part and
 * numbers 名词解释 and 附件 as its fourth and fifth.
 */
export type PartKey = 'overview' | 'tables' | 'explanation' | 'keyWork' | 'glossary' | 'annex';

export const PARTS: readonly { key: PartKey; anchor: string; filter: string }[] = [
  { key: 'overview', anchor: 'part1', filter: '概况' },
  { key: 'tables', anchor: 'part2', filter: '决算表' },
  { key: 'explanation', anchor: 'part3', filter: '情况说明' },
  { key: 'keyWork', anchor: 'part4', filter: '重点工作' },
  { key: 'glossary', anchor: 'part5', filter: '名词解释' },
  { key: 'annex', anchor: 'part6', filter: '附件' },
];

interface Names {
  shortName: string;
  name: string;
  year: string;
}

/** The heading of each part as the template prints it. */
export function partTitles(template: 'wuhan' | 'jiangxi', n: Names): Record<PartKey, string> {
  if (template === 'jiangxi') {
    return {
      overview: `第一部分 ${n.name}部门概况`,
      tables: `第二部分 ${n.year} 年度部门决算表`,
      explanation: `第三部分 ${n.year} 年度部门决算情况说明`,
      keyWork: `${n.year} 年度重点工作完成情况`,
      glossary: '第四部分 名词解释',
      annex: '第五部分 附件',
    };
  }
  return {
    overview: `第一部分 ${n.shortName}概况`,
    tables: `第二部分 ${n.shortName} ${n.year} 年度部门决算表`,
    explanation: `第三部分 ${n.shortName} ${n.year} 年度部门决算情况说明`,
    keyWork: `第四部分 ${n.year} 年重点工作完成情况`,
    glossary: '第五部分 名词解释',
    annex: '第六部分 附件',
  };
}

/** Headings of the overview's three sections. */
export const OVERVIEW_SECTIONS = {
  functions: '一、部门主要职责',
  units: '二、机构设置及决算单位构成',
  staff: '三、人员构成',
} as const;
