import { describe, expect, it } from 'vitest';
import { renderNarrative, type RenderedNarrative } from '../../src/core/narrative.ts';
import { auditNarrative } from '../../src/core/check/narrative.ts';
import { computeFigures } from '../../src/core/figures.ts';
import { bureauYearSchema, type BureauYear } from '../../src/core/schema.ts';

function year(lines: Record<string, string>, prior?: string, from: 'table' | 'narrative' = 'table'): BureauYear {
  return bureauYearSchema.parse({
    year: '2023',
    asOf: '2023-12-31',
    template: 'wuhan',
    source: { title: 'test' },
    scope: { kind: '本级', units: ['本级'] },
    tables: { t01: { from, lines } },
    ...(prior ? { prior: { year: '2022', grandTotal: prior } } : {}),
  });
}
const data = year({ '1': '1234.07', '27': '1234.07', '30': '1234.07', '57': '1234.07', '60': '1234.07' }, '1183.81');
const narrativeFindings = (r: RenderedNarrative, figures: ReturnType<typeof computeFigures>, bureauYear: string, file: string, d: BureauYear) =>
  auditNarrative(r, figures, { bureauYear, file, data: d });
const render = (md: string, d: BureauYear = data) => renderNarrative(md, computeFigures(d), d, 'narrative.md');
const html = (md: string, d?: BureauYear) =>
  render(md, d)
    .sections.flatMap((s) => s.blocks)
    .map((b) => (b.kind === 'html' ? b.html : `[chart ${b.n}]`))
    .join('\n');

describe('narrative figure references', () => {
  it('replaces a reference with the computed figure', () => {
    const out = html('# 情况说明\n收、支总计 :fig{name=grandTotal} 万元，增长 :fig{name=grandTotal.changePct}。');
    expect(out).toContain('data-fig="grandTotal">1,234.07</span> 万元');
    expect(out).toContain('data-fig="grandTotal.changePct">4.2%</span>');
  });

  it('keeps ordinary text with ASCII colons exactly as written', () => {
    const md = '# 部门主要职责\n注:本表 10:30 开会，见 a:b[c]{d} 与 http://example.gov.cn/x:y 以及 re:view。';
    const out = html(md);
    expect(out).toContain('注:本表 10:30 开会，见 a:b[c]{d} 与');
    expect(out).toContain('以及 re:view。');
    expect(render(md).errors).toEqual([]);
  });

  it('restores leaf and container directives that are not ours', () => {
    const out = html('# 部门主要职责\n::note{x=1}\n\n:::box\n内容\n:::');
    expect(out).toContain('::note{x=1}');
    expect(out).toContain(':::box');
  });

  it('fails an unknown figure name with file and line', () => {
    const r = render('# 情况说明\n\n第一行\n\n总计 :fig{name=grandTotl} 万元');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'narrative.md', line: 5, field: 'grandTotl' });
    expect(r.errors[0]!.message).toContain('未知的数据名称');
  });

  it('rejects an unknown top-level heading with its line', () => {
    const r = render('# 情况说明\n文字\n# 杂项\n文字');
    expect(r.errors[0]).toMatchObject({ line: 3 });
  });

  it('shows the published wording where it differs, and the checker reports it', () => {
    const md = '# 情况说明\n增长 :fig[6.4%]{name=grandTotal.changePct}，总计 :fig[1234.07]{name=grandTotal}';
    const r = render(md);
    const out = html(md);
    // The note is text and a link to the finding under 数据核对 (not colour alone).
    expect(out).toContain('4.2%<span class="fig-note">（<a href="#check-n2-grandTotal-changePct">原文为“6.4%”</a>）</span>');
    expect(r.references.map((x) => [x.name, x.differs])).toEqual([
      ['grandTotal.changePct', true],
      ['grandTotal', false],
    ]);
    const findings = narrativeFindings(r, computeFigures(data), 'x/2023', 'narrative.md', data);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'narrative.published-differs',
      severity: 'warning',
      certainty: 'definite',
      line: 2,
      part: '第三部分 情况说明',
      published: '增长 6.4%',
      computed: '4.25%',
      anchor: 'check-n2-grandTotal-changePct',
    });
    expect(findings[0]!.inputs).toEqual([
      { name: 'grandTotal', label: '收、支总计', value: '1,234.07' },
      { name: 'grandTotal.previous', label: '上年收、支总计', value: '1,183.81' },
    ]);
    expect(findings[0]!.message).toContain('原文"增长 6.4%"');
    expect(findings[0]!.message).toContain('1,234.07 与 上年收、支总计 1,183.81 计算');
    expect(findings[0]!.message).toContain('应为 4.25%');
  });

  it('a percent within one unit of its last printed digit is a note (提示), more is definite (确定)', () => {
    // 50.26 / 1183.81 = 4.2456…%
    const certainty = (label: string) => render(`# 情况说明\n:fig[${label}]{name=grandTotal.changePct}`).references[0]!.verdict?.certainty;
    expect(certainty('4.2%')).toBeUndefined();
    expect(certainty('4.25%')).toBeUndefined();
    expect(certainty('4.3%')).toBe('note');
    expect(certainty('4.4%')).toBe('definite');
    expect(certainty('4%')).toBeUndefined();
  });

  it('an amount 0.01 off is suspected (疑似), more is definite; the same amount printed twice must agree', () => {
    const certainty = (label: string) => render(`# 情况说明\n:fig[${label}]{name=grandTotal}`).references[0]!.verdict?.certainty;
    expect(certainty('1234.07')).toBeUndefined();
    expect(certainty('1,234.07')).toBeUndefined();
    expect(certainty('1234.08')).toBe('suspected');
    expect(certainty('1234.09')).toBe('definite');
    expect(certainty('1234.1')).toBe('note'); // rounded to one decimal
  });

  it('a printed 0% on a zero base is a finding: the rate has no value', () => {
    const zero = bureauYearSchema.parse({
      ...data,
      tables: { t09: { budget: { total: '0' }, actual: { total: '0' } } },
    });
    const md = '# 情况说明\n完成预算的 :fig[0%]{name=threePublic.completion}';
    const r = render(md, zero);
    expect(r.references[0]).toMatchObject({ computed: '—', differs: true });
    const f = narrativeFindings(r, computeFigures(zero), 'x/2023', 'narrative.md', zero);
    expect(f[0]!.rule).toBe('narrative.no-base');
    expect(f[0]!.certainty).toBe('note'); // 0 ÷ 0 printed as 0%
  });

  it('re-renders from the data: changing only the YAML changes the narrative', () => {
    const md = '# 情况说明\n总计 :fig{name=grandTotal} 万元';
    const other = year({ '30': '999.00' });
    expect(html(md)).toContain('1,234.07');
    expect(html(md, other)).toContain('999.00');
  });

  it('shows an unknown figure as unknown, never as zero', () => {
    // Numbers gathered from the narrative: a line not stated is unknown (in a printed table it would be nil).
    const partial = year({ '1': '100.00' }, undefined, 'narrative');
    expect(html('# 情况说明\n总计 :fig{name=grandTotal} 万元，增长 :fig{name=grandTotal.changePct}', partial)).toContain(
      'data-fig="grandTotal">—</span>',
    );
  });

  it('splits at chart markers and drops raw HTML and scripts', () => {
    const out = html('# 情况说明\n前文\n\n::chart{n=2}\n\n后文 <script>alert(1)</script><b onclick="x()">粗</b>');
    expect(out).toMatch(/<p>前文<\/p>\n\[chart 2\]\n<p>后文/);
    expect(out).not.toContain('<script');
    expect(out).not.toContain('onclick');
  });

  it('gives sub-headings stable ids and makes them h3 under their part', () => {
    const r = render('# 情况说明\n## 一、收入支出决算总体情况说明\n文字');
    expect(r.sections[0]!.headings).toEqual([{ id: 'explanation-一收入支出决算总体情况说明', text: '一、收入支出决算总体情况说明' }]);
    expect(html('# 情况说明\n## 一、收入\n文字')).toContain('<h3 id="explanation-一收入">');
  });
});
