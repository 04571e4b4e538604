/**
 * Mechanisms of the officials extractor that the corpus (fixtures/officials.yaml)
 * exercises only through whole sentences: phrase matching on syllables, title
 * equality under abbreviations, and vntk word and tag alignment.
 */
import { describe, expect, it } from 'vitest';
import { PhraseSet } from '../src/tokenize/phrases.js';
import { normalizeArticle } from '../src/normalize/index.js';
import { loadRules } from '../src/extractors/registry.js';
import { plainStream, tokenize } from '../src/tokenize/index.js';

const { rules } = loadRules();
const officials = rules.officials;
const vntkStream = (text: string) => {
  const doc = tokenize(normalizeArticle(text, rules.text), rules.text.sentenceAbbreviations);
  return doc.stream;
};

describe('phrase sets', () => {
  const set = new PhraseSet([
    { forms: ['Phó Chủ tịch'], value: 'deputy' },
    { forms: ['Phó Chủ tịch Thường trực'], value: 'standing' },
    { forms: ['TT&TT'], value: 'acronym' },
  ]);

  it('prefer the longest form and report where it ends', () => {
    const s = plainStream('Phó Chủ tịch Thường trực UBND tỉnh');
    expect(set.match(s, 0)).toEqual({ value: 'standing', end: 5 });
    expect(set.match(plainStream('Phó Chủ tịch UBND'), 0)).toEqual({ value: 'deputy', end: 3 });
  });

  it('compare letters as written, whatever the case, or whatever the case after a capital', () => {
    const lower = plainStream('phó chủ tịch xã');
    expect(set.match(lower, 0, 'exact')).toBeNull();
    expect(set.match(lower, 0, 'any')?.value).toBe('deputy');
    expect(set.match(lower, 0, 'capital')).toBeNull();
    expect(set.match(plainStream('Phó chủ tịch xã'), 0, 'capital')?.value).toBe('deputy');
  });

  it('match a form written without spaces only when the text has none either', () => {
    expect(set.match(plainStream('TT&TT'), 0)?.end).toBe(3);
    expect(set.match(plainStream('TT & TT'), 0)).toBeNull();
  });

  it('never match across a line break', () => {
    expect(set.match(plainStream('Phó Chủ\ntịch'), 0)).toBeNull();
  });

  it('tell whether a form ends right before a token', () => {
    const s = plainStream('ông Phó Chủ tịch Tuấn');
    expect(set.endsAt(s, 4)).toBe(true);
    expect(set.endsAt(s, 3)).toBe(false);
  });
});

describe('titles compared as offices', () => {
  const same = (a: string, b: string) => officials.canonicalTitle(a) === officials.canonicalTitle(b);

  it('expand abbreviations and ignore case and punctuation', () => {
    expect(same('Phó Chủ tịch UBND tỉnh', 'Phó Chủ tịch Ủy ban nhân dân tỉnh')).toBe(true);
    expect(same('Giám đốc Sở TT&TT', 'Giám đốc Sở Thông tin và truyền thông')).toBe(true);
    expect(same('Chủ tịch HĐND tỉnh', 'Chủ tịch Hội đồng nhân dân tỉnh')).toBe(true);
  });

  it('keep different offices apart', () => {
    expect(same('Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh')).toBe(false);
    expect(same('Giám đốc Sở TT&TT', 'Giám đốc Sở TN&MT')).toBe(false);
  });

  it('do not expand an abbreviation inside a longer word', () => {
    expect(officials.canonicalTitle('Giám đốc TTXVN')).toBe('giám đốc ttxvn');
  });
});

describe('token stream over vntk words', () => {
  const s = vntkStream('Giám đốc Sở Thông tin và truyền thông Hải Dương Nguyễn Cao Thắng khẳng định');
  const at = (text: string) => s.indexAt(s.text.indexOf(text));

  it('know which syllables continue a vntk word', () => {
    expect(s.continuesWord(at('Dương'))).toBe(true);
    expect(s.continuesWord(at('Nguyễn'))).toBe(false);
  });

  it('give the tag of the word a syllable begins, and none inside a word', () => {
    expect(s.tagAt(at('Nguyễn'))).toBe('Np');
    expect(s.tagAt(at('định'))).toBeUndefined();
  });

  it('find runs of name syllables on one line', () => {
    expect(s.nameRunEnd(at('Hải'))).toBe(at('khẳng'));
    expect(s.nameRunEnd(at('Nguyễn'), 2)).toBe(at('Thắng'));
  });

  it('read the characters between syllables: a space, none, or a line break', () => {
    const t = plainStream('\nSở TT&TT Hải Dương\n\nÔng Thắng');
    expect(t.tokens.map((x) => x.text)).toEqual(['Sở', 'TT', '&', 'TT', 'Hải', 'Dương', 'Ông', 'Thắng']);
    expect([0, 1, 2, 3, 4].map((i) => t.spaced(i))).toEqual([false, true, false, false, true]);
    expect([0, 1, 5, 6, 7, 8].map((i) => t.sameLine(i))).toEqual([true, true, true, false, true, false]);
    expect([t.lower(6), t.lower(8)]).toEqual(['ông', '']);
  });
});
