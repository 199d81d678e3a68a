/**
 * The imported document as text: decoding the bytes (UTF-8 only, with a clear
 * refusal otherwise), its lines with their numbers, and the number tokens of
 * the tables (amounts as printed, "1,234.07").
 */

/** What went wrong with an input file, in Chinese for the finance officer. */
export type SourceProblem = { kind: 'empty' | 'encoding'; message: string };

/** Decode UTF-8 bytes (a BOM is dropped). GBK or any other encoding is refused, never guessed. */
export function decodeSource(bytes: Uint8Array): { text: string } | { problem: SourceProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    let gbk = false;
    try {
      new TextDecoder('gbk', { fatal: true }).decode(bytes);
      gbk = true;
    } catch {
      /* neither */
    }
    return {
      problem: {
        kind: 'encoding',
        message: gbk
          ? '文件不是 UTF-8 编码（看起来是 GBK）。请用记事本"另存为"并选择 UTF-8 编码后再导入 / the file is not UTF-8 (it looks like GBK); save it as UTF-8'
          : '文件不是 UTF-8 编码的文本（可能是 PDF、Word 或其他二进制文件）。请先把 PDF 的文字复制或导出为 UTF-8 文本文件 / the file is not UTF-8 text',
      },
    };
  }
  if (text.includes('\u0000')) {
    return { problem: { kind: 'encoding', message: '文件含有二进制内容，不是文本文件 / the file holds binary data, not text' } };
  }
  if (text.trim() === '') return { problem: { kind: 'empty', message: '文件是空的，没有可导入的文字 / the file is empty' } };
  return { text };
}

/** One line of the source, numbered from 1 as an editor shows it. */
export interface SourceLine {
  no: number;
  text: string;
}

export function sourceLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ no: i + 1, text: t.replace(/\u3000/g, ' ') }));
}

/** An amount as tables print it: 1,234.07 / 650.00 / 0 (never negative). */
const AMOUNT = /^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
export const isAmount = (token: string) => AMOUNT.test(token);
/** The amount text as the data keeps it: thousands separators dropped, decimals kept ("650.00"). */
export const amountText = (token: string) => token.replaceAll(',', '');

/** A digit-only token of a classification code (functional 2xx…, economic 3xx…). */
export const isCode = (token: string) => /^\d{3,8}$/.test(token);

/**
 * The cells of a line: split at tabs when the line has them (the Markdown-ish
 * extraction keeps blank cells), else at spaces (the space-separated
 * extraction drops blank cells). Cells are trimmed.
 */
export function cellsOf(text: string): { cells: string[]; tabbed: boolean } {
  if (text.includes('\t')) return { cells: text.split('\t').map((c) => c.trim()), tabbed: true };
  return { cells: text.trim().split(/\s+/).filter(Boolean), tabbed: false };
}
