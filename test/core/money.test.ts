import { describe, expect, it } from 'vitest';
import { D, money, sum, sumPrinted, ratio, changePercent, round, formatAmount, formatPercent, minus } from '../../src/core/money.ts';

describe('money: exact arithmetic', () => {
  it('adds amounts without binary floating point error', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats
    expect(sum([money('0.1'), money('0.2')])!.toFixed(2)).toBe('0.30');
    expect(sum([money('18.69'), money('0.09')])!.toString()).toBe('18.78');
    const many = Array.from({ length: 1000 }, () => money('0.01'));
    expect(sum(many)!.toString()).toBe('10');
  });

  it('parses printed amounts with thousands separators', () => {
    expect(money('1,234.07')!.toString()).toBe('1234.07');
  });

  it('keeps unknown unknown: blank is null, and anything derived from it is null', () => {
    expect(money(undefined)).toBeNull();
    expect(money('')).toBeNull();
    expect(sum([money('1'), null])).toBeNull();
    expect(minus(money('1'), null)).toBeNull();
    expect(ratio(null, money('5'))).toBeNull();
    expect(changePercent(money('5'), null)).toBeNull();
  });

  it('sumPrinted treats printed blanks as nil but an all-blank list as unknown', () => {
    expect(sumPrinted([money('1.5'), null, money('2')])!.toString()).toBe('3.5');
    expect(sumPrinted([null, null])).toBeNull();
  });

  it('has no rate on a zero base', () => {
    expect(ratio(money('0'), money('0'))).toBeNull();
    expect(ratio(money('0.40'), money('0'))).toBeNull();
    expect(formatPercent(ratio(money('1'), money('0')))).toBe('—');
    expect(changePercent(money('3'), money('0'))).toBeNull();
  });
});

describe('money: the rounding rule (half up)', () => {
  it('rounds halves up, not to even', () => {
    expect(round(new D('0.05'), 1).toString()).toBe('0.1');
    expect(round(new D('0.15'), 1).toString()).toBe('0.2');
    expect(round(new D('0.25'), 1).toString()).toBe('0.3');
    expect(round(new D('2.675'), 2).toString()).toBe('2.68'); // 2.67 in float rounding
    expect(round(new D('84.45'), 1).toString()).toBe('84.5');
    expect(round(new D('84.4499'), 1).toString()).toBe('84.4');
  });

  it('rounds negative halves away from zero', () => {
    expect(round(new D('-0.05'), 1).toString()).toBe('-0.1');
  });

  it('formats amounts with two decimals and thousands separators', () => {
    expect(formatAmount(money('1234.07'))).toBe('1,234.07');
    expect(formatAmount(money('650'))).toBe('650.00');
    expect(formatAmount(money('1234567.5'))).toBe('1,234,567.50');
    expect(formatAmount(money('-1234.5'))).toBe('-1,234.50');
    expect(formatAmount(null)).toBe('');
    expect(formatAmount(money('1234.07'), { grouping: false })).toBe('1234.07');
  });

  it('formats percentages to one decimal by default, two on request', () => {
    // 江岸 2023: 项目支出 1043.03 / 本年支出 1234.07 = 84.519…% → 84.5%
    expect(formatPercent(ratio(money('1043.03'), money('1234.07')))).toBe('84.5%');
    expect(formatPercent(ratio(money('1'), money('3')), 2)).toBe('33.33%');
    expect(formatPercent(ratio(money('1'), money('8')), 1)).toBe('12.5%');
    expect(formatPercent(ratio(money('1'), money('16')), 1)).toBe('6.3%'); // 6.25 half up
  });
});
