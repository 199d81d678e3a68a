/**
 * The six parts of a disclosure: stable anchors (#part1–#part6), the search
 * filter value of the parts a disclosure may leave out, and the headings each
 * template prints.
 * The Wuhan template has six parts; the Jiangxi one has no 重点工作 part and
 * numbers 名词解释 and 附件 as its fourth and fifth.
 *
 * The search filter 部分 narrows whole pages (Pagefind filters pages, not parts
 * of them), so it offers only the parts a disclosure may not have: 重点工作
 * (no such part in the Jiangxi template) and 附件 (the self-evaluations, not
 * always published). 概况, 决算表, 情况说明 and 名词解释 are in every
 * disclosure: a value on every page narrows nothing, and Pagefind counts every
 * value against every result on each search (for a word on every page of a
 * year of 3,000 pages, the four cost 30 ms of its 200).
 */
export type PartKey = 'overview' | 'tables' | 'explanation' | 'keyWork' | 'glossary' | 'annex';

export const PARTS: readonly { key: PartKey; anchor: string; filter?: string }[] = [
  { key: 'overview', anchor: 'part1' },
  { key: 'tables', anchor: 'part2' },
  { key: 'explanation', anchor: 'part3' },
  { key: 'keyWork', anchor: 'part4', filter: '重点工作' },
  { key: 'glossary', anchor: 'part5' },
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
