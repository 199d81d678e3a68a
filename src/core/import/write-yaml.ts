/**
 * The draft data.yaml, written with the `yaml` library: amounts stay their
 * printed text (650.00 keeps both decimals; the loader reads numbers back as
 * their source), codes are quoted ("208"), table rows are one line each.
 */
import { Document, Scalar, YAMLMap, YAMLSeq, isMap, isSeq, visit } from 'yaml';
import { TABLE_TITLES, type TableKey } from '../tables.ts';

const NUMERIC = /^\d+(\.\d+)?$/;

export function draftYaml(data: Record<string, unknown>, header: string[]): string {
  const doc = new Document(data);
  visit(doc, {
    Pair(_key, pair) {
      const key = (pair.key as Scalar | undefined)?.value;
      const value = pair.value;
      if (!(value instanceof Scalar) || typeof value.value !== 'string') return;
      if (key === 'code' || !NUMERIC.test(value.value)) return;
      const text = value.value;
      const number = new Scalar(Number(text));
      number.minFractionDigits = text.split('.')[1]?.length ?? 0;
      pair.value = number;
    },
  });
  visit(doc, {
    Seq(_key, seq: YAMLSeq) {
      for (const item of seq.items) if (isMap(item)) item.flow = true;
    },
    Map(_key, map: YAMLMap) {
      if (map.items.every((p) => !isMap(p.value) && !isSeq(p.value)) && map.items.length <= 7 && map.items.every((p) => NUMERIC.test(String((p.value as Scalar)?.value ?? '')))) map.flow = true;
    },
  });
  const tables = doc.get('tables') as YAMLMap | undefined;
  for (const pair of tables?.items ?? []) {
    const key = String((pair.key as Scalar).value) as TableKey;
    (pair.key as Scalar).commentBefore = undefined;
    if (pair.value && typeof pair.value === 'object') (pair.value as YAMLMap).commentBefore = ` ${TABLE_TITLES[key]}`;
  }
  doc.commentBefore = header.map((h) => ` ${h}`).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
