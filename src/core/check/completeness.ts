/**
 * Which tables the data holds. A table neither given nor stated empty
 * (空表说明) is missing: an error, since every disclosure publishes all nine
 * (the data must say which case holds). One marked notProvided (e.g. printed
 * as an image) is a warning with its reason. Rules on a missing table are
 * skipped, not failed.
 */
import { report, view, type Ctx } from './context.ts';
import { TABLE_KEYS, TABLE_TITLES } from '../tables.ts';

export function checkCompleteness(ctx: Ctx): void {
  for (const key of TABLE_KEYS) {
    const v = view(ctx.entry, key);
    if (v.state === 'absent') {
      report(ctx, {
        severity: 'error',
        rule: 'table.missing',
        path: ['tables', key],
        values: { 表: TABLE_TITLES[key] },
        message: `缺少${TABLE_TITLES[key]}：既无数据，也未说明为空表。请填写数据，或写 ${key}: { empty: 空表说明 }，或 ${key}: { notProvided: 原因 }`,
      });
    } else if (v.state === 'notProvided') {
      report(ctx, {
        severity: 'warning',
        rule: 'table.not-provided',
        path: ['tables', key, 'notProvided'],
        values: { 表: TABLE_TITLES[key], 原因: v.reason },
        message: `${TABLE_TITLES[key]}未提供数据（${v.reason}），涉及此表的核对均跳过`,
      });
    }
  }
}
