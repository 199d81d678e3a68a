/** Which indexes a search uses: the year chosen (newest by default), 全部年度, a portal's other sites. */
import { describe, expect, it } from 'vitest';
import { ALL_YEARS, bundlesFor, chosenYear, parseManifest, searchHref, yearsChosen, yearsOf } from '../../src/scripts/search-years.ts';

// The province's 2024 index is in two parts; a part's folder is what years.json lists.
const own = { bundle: '/zwgk/province/pagefind/', years: ['2024', '2023'], parts: { '2024': ['2024/0', '2024/2'], '2023': ['2023/0'] } };
const city = { bundle: '/zwgk/city/pagefind/', years: ['2024', '2022'], parts: { '2024': ['2024/0'], '2022': ['2022/0'] } };

describe('search years', () => {
  it('lists every site\'s years once, newest first', () => {
    expect(yearsOf([own, city])).toEqual(['2024', '2023', '2022']);
    expect(yearsOf([])).toEqual([]);
  });

  it('of some years (a bureau\'s, every site\'s), those a choice searches: the year chosen if there, or all for 全部年度, newest first', () => {
    const years = ['2022', '2023', '2024'];
    expect(yearsChosen('2023', years)).toEqual(['2023']);
    expect(yearsChosen('2021', years)).toEqual([]);
    expect(yearsChosen(ALL_YEARS, years)).toEqual(['2024', '2023', '2022']);
  });

  it('chooses the newest year unless ?year= names a year indexed or 全部年度', () => {
    const years = ['2024', '2023'];
    expect(chosenYear(null, years)).toBe('2024');
    expect(chosenYear('2023', years)).toBe('2023');
    expect(chosenYear(ALL_YEARS, years)).toBe(ALL_YEARS);
    expect(chosenYear('2019', years)).toBe('2024');
    expect(chosenYear('', years)).toBe('2024');
    expect(chosenYear(null, [])).toBe(ALL_YEARS);
  });

  it('one year: every part of that year\'s index of each site that has it, this site first', () => {
    expect(bundlesFor('2024', [own, city])).toEqual([
      { bundlePath: '/zwgk/province/pagefind/2024/0/', baseUrl: '/zwgk/province/' },
      { bundlePath: '/zwgk/province/pagefind/2024/2/', baseUrl: '/zwgk/province/' },
      { bundlePath: '/zwgk/city/pagefind/2024/0/', baseUrl: '/zwgk/city/' },
    ]);
    expect(bundlesFor('2023', [own, city]).map((b) => b.bundlePath)).toEqual(['/zwgk/province/pagefind/2023/0/']);
    // A year only another site has: that site's index is the primary one.
    expect(bundlesFor('2022', [own, city]).map((b) => b.bundlePath)).toEqual(['/zwgk/city/pagefind/2022/0/']);
  });

  it('全部年度: every year of every site, newest first', () => {
    expect(bundlesFor(ALL_YEARS, [own, city]).map((b) => b.bundlePath)).toEqual([
      '/zwgk/province/pagefind/2024/0/',
      '/zwgk/province/pagefind/2024/2/',
      '/zwgk/city/pagefind/2024/0/',
      '/zwgk/province/pagefind/2023/0/',
      '/zwgk/city/pagefind/2022/0/',
    ]);
    expect(bundlesFor(ALL_YEARS, [{ bundle: '/pagefind/', years: ['2023'], parts: { '2023': ['2023/0'] } }])).toEqual([
      { bundlePath: '/pagefind/2023/0/', baseUrl: '/' },
    ]);
  });

  it('reads years.json and rejects anything else', () => {
    const parts = { '2024': ['2024/0', '2024/1'], '2023': ['2023/0'] };
    expect(parseManifest({ years: ['2024', '2023'], parts })).toEqual({ years: ['2024', '2023'], parts });
    expect(() => parseManifest({ years: [2024] })).toThrow(/years\.json/);
    // Every year needs its parts, each a folder of that year.
    expect(() => parseManifest({ years: ['2024', '2023'] })).toThrow(/years\.json/);
    expect(() => parseManifest({ years: ['2024'], parts: { '2024': [] } })).toThrow(/years\.json/);
    expect(() => parseManifest({ years: ['2024'], parts: { '2024': ['2023/0'] } })).toThrow(/years\.json/);
    expect(() => parseManifest({ years: ['2024'], parts: { '2024': ['2024/../../x'] } })).toThrow(/years\.json/);
    expect(() => parseManifest(null)).toThrow(/years\.json/);
    expect(() => parseManifest({})).toThrow(/years\.json/);
  });

  it('puts the year and the term in the address', () => {
    expect(searchHref('/zwgk/czzj/search/', '2023', ' 医疗救助 ')).toBe(`/zwgk/czzj/search/?year=2023&q=${encodeURIComponent('医疗救助')}`);
    expect(searchHref('/search/', ALL_YEARS, '')).toBe('/search/?year=all');
  });
});
