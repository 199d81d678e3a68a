import { describe, expect, it } from 'vitest';
import { askedBureau, BUREAUS_FILE, MAX_NAMED, namedBureaus, namesOf, parseBureaus, type SearchBureau } from '../../src/scripts/named-bureaus.ts';

const bureau = (name: string, aliases: string[] = []): SearchBureau => ({ name, aliases, url: `/${name}/`, years: ['2023'] });
const BUREAUS = [
  bureau('武汉市江岸区医疗保障局', ['江岸区医保局']),
  bureau('武汉市汉阳区医疗保障局', ['汉阳区医保局', '汉阳区医疗保障局', '武汉市汉阳区医疗保险局']),
  bureau('武汉市江岸区财政局'),
  bureau('南昌市东湖区医疗保障局', ['东湖区医保局']),
];
const NAMES = namesOf(BUREAUS);
/** The full names of the bureaus `term` names. */
const named = (term: string, names = NAMES) => namedBureaus(term, names).map((b) => b.name);
/** The full name of the bureau `term` asks for. */
const asked = (term: string, names = NAMES) => askedBureau(term, names)?.name;

describe('namedBureaus', () => {
  it('a full name, alone or with other words, names that bureau', () => {
    expect(named('武汉市江岸区医疗保障局')).toEqual(['武汉市江岸区医疗保障局']);
    expect(named(' 武汉市江岸区医疗保障局  三公经费 ')).toEqual(['武汉市江岸区医疗保障局']);
  });

  it('a short or former name names its bureau, once, as its full name', () => {
    expect(named('江岸区医保局 三公经费')).toEqual(['武汉市江岸区医疗保障局']);
    expect(named('武汉市汉阳区医疗保险局')).toEqual(['武汉市汉阳区医疗保障局']);
    expect(named('汉阳区医')).toEqual(['武汉市汉阳区医疗保障局']);
  });

  it('a part of a name of four characters or more names the bureaus holding it, longest name first; shorter parts name none', () => {
    expect(named('江岸区医疗保障局')).toEqual(['武汉市江岸区医疗保障局']);
    expect(named('武汉市江岸区')).toEqual(['武汉市江岸区医疗保障局', '武汉市江岸区财政局']);
    expect(named('保障局')).toEqual([]);
    expect(named('江岸 区医疗')).toEqual(['武汉市江岸区医疗保障局']);
  });

  it('a term that is not in any name, or names too many bureaus to be a name, names none', () => {
    expect(named('医疗救助')).toEqual([]);
    expect(named('')).toEqual([]);
    const many = Array.from({ length: MAX_NAMED + 1 }, (_, i) => bureau(`某市第${i}区医疗保障局`));
    expect(named('医疗保障局', namesOf(many))).toEqual([]);
    expect(named('医疗保障局', namesOf(many.slice(0, MAX_NAMED)))).toHaveLength(MAX_NAMED);
  });
});

describe('askedBureau', () => {
  it('a full, short or former name, or the end of one bureau\'s names (without its city), asks for that bureau', () => {
    expect(asked('武汉市江岸区医疗保障局')).toBe('武汉市江岸区医疗保障局');
    expect(asked(' 武汉市 江岸区医疗保障局 ')).toBe('武汉市江岸区医疗保障局');
    expect(asked('江岸区医疗保障局')).toBe('武汉市江岸区医疗保障局');
    expect(asked('江岸区医保局')).toBe('武汉市江岸区医疗保障局');
    expect(asked('武汉市汉阳区医疗保险局')).toBe('武汉市汉阳区医疗保障局');
    // The end of two names of the same bureau.
    expect(asked('阳区医疗保障局')).toBe('武汉市汉阳区医疗保障局');
    expect(asked('江岸区财政局', namesOf([...BUREAUS, bureau('江岸区财政局')]))).toBe('江岸区财政局');
  });

  it('a name with other words, the end of several bureaus\' names, a name two bureaus share, a beginning or a middle, or a short end asks for none', () => {
    expect(asked('武汉市江岸区医疗保障局 三公经费')).toBeUndefined();
    expect(asked('区医疗保障局')).toBeUndefined();
    expect(asked('武汉市江岸区')).toBeUndefined();
    expect(asked('江岸区医疗')).toBeUndefined();
    expect(asked('财政局', namesOf([bureau('某区财政局')]))).toBeUndefined();
    expect(asked('医保局', namesOf([bureau('甲区医疗保障局', ['医保局']), bureau('乙区医疗保障局', ['医保局'])]))).toBeUndefined();
    expect(asked('')).toBeUndefined();
  });

  it('a bureau listed twice (one site read twice) is one bureau', () => {
    expect(asked('江岸区医保局', namesOf([...BUREAUS, ...BUREAUS]))).toBe('武汉市江岸区医疗保障局');
  });
});

describe('the list of bureaus (search/bureaus.json)', () => {
  const JIANGAN = { name: '武汉市江岸区医疗保障局', aliases: ['江岸区医保局'], url: '/zwgk/czzj/wuhan-jiangan-yibao/', years: ['2022', '2023', '2024'] };

  it('is read as written, and anything else is an error naming the file and the expected form', () => {
    expect(parseBureaus({ bureaus: [JIANGAN] })).toEqual([JIANGAN]);
    expect(parseBureaus({ bureaus: [] })).toEqual([]);
    // A list an older build wrote, without aliases.
    expect(parseBureaus({ bureaus: [{ name: JIANGAN.name, url: JIANGAN.url, years: JIANGAN.years }] })).toEqual([{ ...JIANGAN, aliases: [] }]);
    for (const bad of [null, {}, { bureaus: {} }, { bureaus: [{ ...JIANGAN, name: '' }] }, { bureaus: [{ ...JIANGAN, url: 'wuhan-jiangan-yibao/' }] }, { bureaus: [{ ...JIANGAN, years: ['23'] }] }, { bureaus: [{ name: JIANGAN.name, url: JIANGAN.url }] }, { bureaus: [{ ...JIANGAN, aliases: [''] }] }]) {
      expect(() => parseBureaus(bad), JSON.stringify(bad)).toThrow(`${BUREAUS_FILE}: expected {"bureaus": [{"name"`);
    }
  });
});
