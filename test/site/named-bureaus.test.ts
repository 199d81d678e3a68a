import { describe, expect, it } from 'vitest';
import { askedBureau, BUREAUS_FILE, MAX_NAMED, namedBureaus, parseBureaus, yearsSearched } from '../../src/scripts/named-bureaus.ts';
import { ALL_YEARS } from '../../src/scripts/search-years.ts';

const NAMES = ['武汉市江岸区医疗保障局', '武汉市汉阳区医疗保障局', '武汉市江岸区财政局', '南昌市东湖区医疗保障局'];

describe('namedBureaus', () => {
  it('a full name, alone or with other words, names that bureau', () => {
    expect(namedBureaus('武汉市江岸区医疗保障局', NAMES)).toEqual(['武汉市江岸区医疗保障局']);
    expect(namedBureaus(' 武汉市江岸区医疗保障局  三公经费 ', NAMES)).toEqual(['武汉市江岸区医疗保障局']);
  });

  it('a part of a name of four characters or more names the bureaus holding it, longest name first; shorter parts name none', () => {
    expect(namedBureaus('江岸区医疗保障局', NAMES)).toEqual(['武汉市江岸区医疗保障局']);
    expect(namedBureaus('武汉市江岸区', NAMES)).toEqual(['武汉市江岸区医疗保障局', '武汉市江岸区财政局']);
    expect(namedBureaus('保障局', NAMES)).toEqual([]);
    expect(namedBureaus('江岸 区医疗', NAMES)).toEqual(['武汉市江岸区医疗保障局']);
  });

  it('a term that is not in any name, or names too many bureaus to be a name, names none', () => {
    expect(namedBureaus('医疗救助', NAMES)).toEqual([]);
    expect(namedBureaus('', NAMES)).toEqual([]);
    const many = Array.from({ length: MAX_NAMED + 1 }, (_, i) => `某市第${i}区医疗保障局`);
    expect(namedBureaus('医疗保障局', many)).toEqual([]);
    expect(namedBureaus('医疗保障局', many.slice(0, MAX_NAMED))).toHaveLength(MAX_NAMED);
  });
});

describe('askedBureau', () => {
  it('a full name, or the end of exactly one name (without its city), asks for that bureau', () => {
    expect(askedBureau('武汉市江岸区医疗保障局', NAMES)).toBe('武汉市江岸区医疗保障局');
    expect(askedBureau(' 武汉市 江岸区医疗保障局 ', NAMES)).toBe('武汉市江岸区医疗保障局');
    expect(askedBureau('江岸区医疗保障局', NAMES)).toBe('武汉市江岸区医疗保障局');
    expect(askedBureau('江岸区财政局', [...NAMES, '江岸区财政局'])).toBe('江岸区财政局');
  });

  it('a name with other words, the end of several names, a beginning or a middle, or a short end asks for none', () => {
    expect(askedBureau('武汉市江岸区医疗保障局 三公经费', NAMES)).toBeUndefined();
    expect(askedBureau('区医疗保障局', NAMES)).toBeUndefined();
    expect(askedBureau('武汉市江岸区', NAMES)).toBeUndefined();
    expect(askedBureau('江岸区医疗', NAMES)).toBeUndefined();
    expect(askedBureau('财政局', ['某区财政局'])).toBeUndefined();
    expect(askedBureau('', NAMES)).toBeUndefined();
  });
});

describe('the list of bureaus (search/bureaus.json)', () => {
  const JIANGAN = { name: '武汉市江岸区医疗保障局', url: '/zwgk/czzj/wuhan-jiangan-yibao/', years: ['2022', '2023', '2024'] };

  it('is read as written, and anything else is an error naming the file and the expected form', () => {
    expect(parseBureaus({ bureaus: [JIANGAN] })).toEqual([JIANGAN]);
    expect(parseBureaus({ bureaus: [] })).toEqual([]);
    for (const bad of [null, {}, { bureaus: {} }, { bureaus: [{ ...JIANGAN, name: '' }] }, { bureaus: [{ ...JIANGAN, url: 'wuhan-jiangan-yibao/' }] }, { bureaus: [{ ...JIANGAN, years: ['23'] }] }, { bureaus: [{ name: JIANGAN.name, url: JIANGAN.url }] }]) {
      expect(() => parseBureaus(bad), JSON.stringify(bad)).toThrow(`${BUREAUS_FILE}: expected {"bureaus": [{"name"`);
    }
  });

  it('a bureau\'s years searched: the year chosen if it has it, or every year for 全部年度, newest first', () => {
    expect(yearsSearched(JIANGAN, '2023')).toEqual(['2023']);
    expect(yearsSearched(JIANGAN, '2021')).toEqual([]);
    expect(yearsSearched(JIANGAN, ALL_YEARS)).toEqual(['2024', '2023', '2022']);
  });
});
