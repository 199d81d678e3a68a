import { describe, expect, it } from 'vitest';
import { EXPENDITURE_CLASSES, T01_EXPENDITURE_LINES, T01_INCOME_LINES, T04_EXPENDITURE_LINES, T04_INCOME_LINES, chineseNumber } from '../../src/core/tables.ts';
import { cellAmount, rowIds, tableState } from '../../src/components/tables/format.ts';

describe('the template\'s line names', () => {
  it('has the 26 expenditure 类 in order, numbered 一 to 二十六', () => {
    expect(EXPENDITURE_CLASSES).toHaveLength(26);
    expect(chineseNumber(1)).toBe('一');
    expect(chineseNumber(10)).toBe('十');
    expect(chineseNumber(19)).toBe('十九');
    expect(chineseNumber(20)).toBe('二十');
    expect(chineseNumber(26)).toBe('二十六');
  });

  it('puts the 类 on lines 31–56 of 公开01表 and 33–58 of 公开04表', () => {
    expect(T01_EXPENDITURE_LINES[31]).toBe('一、一般公共服务支出');
    expect(T01_EXPENDITURE_LINES[39]).toBe('九、卫生健康支出');
    expect(T01_EXPENDITURE_LINES[49]).toBe('十九、住房保障支出');
    expect(T01_EXPENDITURE_LINES[56]).toBe('二十六、抗疫特别国债安排的支出');
    expect(T04_EXPENDITURE_LINES[41]).toBe('九、卫生健康支出');
    expect(T04_EXPENDITURE_LINES[58]).toBe('二十六、抗疫特别国债安排的支出');
    expect([T01_INCOME_LINES[27], T01_INCOME_LINES[30], T01_EXPENDITURE_LINES[57], T01_EXPENDITURE_LINES[60]]).toEqual(['本年收入合计', '总计', '本年支出合计', '总计']);
    expect([T04_INCOME_LINES[28], T04_INCOME_LINES[32], T04_EXPENDITURE_LINES[59], T04_EXPENDITURE_LINES[64]]).toEqual(['年初财政拨款结转和结余', '总计', '本年支出合计', '总计']);
  });
});

describe('table cells', () => {
  it('prints amounts with two decimals and separators, and a blank cell blank', () => {
    expect(cellAmount('1234.07')).toBe('1,234.07');
    expect(cellAmount('0')).toBe('0.00');
    expect(cellAmount(undefined)).toBe('');
  });

  it('keeps row anchors unique', () => {
    expect(rowIds('t02', ['210', '21013', '210'])).toEqual(['t02-210', 't02-21013', 't02-210-2']);
  });

  it('tells data, empty, not provided and missing tables apart', () => {
    expect(tableState({ empty: '本单位无' }).state).toEqual({ kind: 'empty', text: '本单位无' });
    expect(tableState({ notProvided: '图片' }).state).toEqual({ kind: 'notProvided', reason: '图片' });
    expect(tableState(undefined).state).toEqual({ kind: 'missing' });
    expect(tableState({ from: 'narrative' as const, note: 'x' }).state).toEqual({ kind: 'data', from: 'narrative', note: 'x' });
  });
});
