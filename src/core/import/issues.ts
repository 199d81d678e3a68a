/**
 * What the importer could not read or decide, for the person who finishes
 * the draft. Every issue names the source line when there is one; nothing
 * the importer could not read is filled in (unknown stays missing).
 */
export type IssueKind =
  /** A 公开表 the text does not contain. */
  | 'table-missing'
  /** A table row whose numbers do not fit its columns. */
  | 'row-mismatch'
  /** A row whose numbers fit more than one way into the columns (blank cells lost in extraction). */
  | 'row-ambiguous'
  /** A classification code with a digit missing (OCR). */
  | 'code-truncated'
  /** A heading the importer does not know where to put. */
  | 'heading-unknown'
  /** A fact the text does not state clearly (left missing). */
  | 'fact-missing'
  /** A published figure linked to its computed one, but the two disagree. */
  | 'figure-differs'
  /** A published figure left as plain text: meaning or value not certain. */
  | 'figure-unlinked'
  /** A part of the document not imported (glossary, self-evaluation tables): to enter by hand. */
  | 'not-imported';

export interface ImportIssue {
  kind: IssueKind;
  /** Line in the source text, when the issue has one. */
  line?: number;
  /** Table key (t01…t09) when the issue belongs to a table. */
  table?: string;
  /** One sentence in Chinese saying what is wrong and what a person should do. */
  message: string;
}

export const ISSUE_TITLES: Record<IssueKind, string> = {
  'table-missing': '未找到的公开表',
  'row-mismatch': '数字与栏目对不上的行',
  'row-ambiguous': '无法确定栏目的行（空白单元格在提取时丢失）',
  'code-truncated': '缺位的科目编码',
  'heading-unknown': '无法归类的标题',
  'fact-missing': '未能读出的事实',
  'figure-differs': '原文数字与计算值不一致（已关联，网站会标注原文）',
  'figure-unlinked': '未关联的原文数字（保留原文，请人工判断）',
  'not-imported': '未导入的部分（请人工录入）',
};

export class IssueList {
  readonly items: ImportIssue[] = [];
  add(issue: ImportIssue) {
    this.items.push(issue);
  }
}
