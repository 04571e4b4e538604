import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../src/normalize/index.js';
import { loadRules } from '../src/extractors/registry.js';
import { plainStream, splitSentences, syllables, tokenize } from '../src/tokenize/index.js';
import { personNameBefore, personNameEnd, personNameStartsBefore } from '../src/tokenize/person-names.js';

const { rules } = loadRules();
const doc = (text: string) => tokenize(normalizeArticle(text, rules.text), rules.text.sentenceAbbreviations);
const texts = (d: { text: string }, spans: ReadonlyArray<readonly [number, number]>) => spans.map(([s, e]) => d.text.slice(s, e));

describe('sentences', () => {
  it('split after sentence punctuation followed by a capital, not after abbreviations or inside numbers', () => {
    const d = doc('Doanh thu đạt 2.813 tỷ đồng. Tại TP. Hồ Chí Minh, số thuê bao tăng! Ông Quyết cho biết v.v. Hết');
    expect(texts(d, d.sentences)).toEqual(['Doanh thu đạt 2.813 tỷ đồng.', 'Tại TP. Hồ Chí Minh, số thuê bao tăng!', 'Ông Quyết cho biết v.v. Hết']);
  });

  it('lines always end a sentence', () => {
    const d = doc('Toàn cảnh Hội nghị\nBà Nguyễn Lâm Thanh Thủy phát biểu');
    expect(texts(d, d.sentences)).toEqual(['Toàn cảnh Hội nghị', 'Bà Nguyễn Lâm Thanh Thủy phát biểu']);
  });

  it('split the way the function is called on its own, too', () => {
    const text = 'Một. Hai.';
    expect(splitSentences(text, [[0, text.length]], [])).toEqual([[0, 4], [5, 9]]);
  });
});

describe('syllables and words', () => {
  it('syllables are letter-number runs and single marks, with offsets', () => {
    expect(syllables('Sở TT&TT, 94,3%').map((t) => t.text)).toEqual(['Sở', 'TT', '&', 'TT', ',', '94', ',', '3', '%']);
  });

  it('words come from vntk segmentation and carry offsets into the normalised text', () => {
    const d = doc('Giám đốc Sở Thông tin và Truyền thông Hải Dương phát biểu khai mạc hội nghị.');
    const words = d.words();
    for (const w of words) expect(d.text.slice(w.start, w.end)).toBe(w.text);
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['Giám đốc', 'Hải Dương', 'hội nghị']));
    expect(d.wordAt(3)?.text).toBe('Giám đốc');
  });

  it('POS tags come with the same offsets, looked up by where a word begins, with the rest of its line', () => {
    const d = doc('Tiêu đề bài báo\nDoanh thu dịch vụ viễn thông ước đạt 2.813 tỷ đồng.\nDòng cuối');
    const start = d.text.indexOf('Doanh thu');
    const at = d.taggedAt(start);
    expect(at?.word).toMatchObject({ text: 'Doanh thu', tag: 'N', start });
    expect(at?.index).toBe(0);
    for (const t of at!.line) expect(d.text.slice(t.start, t.end)).toBe(t.text);
    const [ls, le] = d.lines[1]!;
    expect(at!.line.map((t) => t.text)).toEqual(d.words().filter((w) => w.start >= ls && w.end <= le).map((w) => w.text));
    expect(d.taggedAt(start + 1)).toBeUndefined();
    expect(d.taggedAt(d.text.indexOf('dịch vụ'))).toMatchObject({ word: { text: 'dịch vụ', tag: 'N' }, index: 1 });
  });

  it('find the word that holds a character, on any line, and none between lines', () => {
    const d = doc('Bộ trưởng Bộ Y tế\n\nGiám đốc Sở Y tế');
    const te = d.text.lastIndexOf('tế');
    expect(d.wordAt(te)).toMatchObject({ text: 'Y tế' });
    expect(d.wordAt(d.text.indexOf('\n'))).toBeUndefined();
    expect(d.words().map((w) => w.text)).toEqual(['Bộ trưởng', 'Bộ', 'Y tế', 'Giám đốc', 'Sở', 'Y tế']);
  });
});

describe('personal names', () => {
  const names = rules.names;
  const { introduced, bare, afterBody, beforePlace } = names.syllables;
  const at = (text: string, word: string) => {
    const stream = plainStream(text);
    return { stream, i: stream.tokens.findIndex((t) => t.text === word) };
  };

  it('begin with a surname and run over the whole run of name syllables, within the context bounds', () => {
    const { stream, i } = at('Ông Giàng Páo Mỷ phát biểu', 'Giàng');
    expect(stream.slice(i, personNameEnd(stream, i, names, introduced)!)).toBe('Giàng Páo Mỷ');
    const five = at('Tôn Nữ Thị Ninh Hoa nói', 'Tôn');
    expect(personNameEnd(five.stream, five.i, names, introduced)).toBe(five.i + 5);
    expect(personNameEnd(five.stream, five.i, names, bare)).toBeNull();
    const two = at('UBND huyện Mai Sơn', 'Mai');
    expect(personNameEnd(two.stream, two.i, names, bare)).toBe(two.i + 2);
    expect(personNameEnd(two.stream, two.i, names, afterBody)).toBeNull();
    const noSurname = at('Giám đốc Sở Văn Hóa', 'Văn');
    expect(personNameEnd(noSurname.stream, noSurname.i, names, introduced)).toBeNull();
  });

  it('end before a place name when the syllables before it begin with a surname', () => {
    const person = at('ông Nguyễn Thái Bình', 'Bình');
    expect(personNameBefore(person.stream, person.i - 1, names, beforePlace)).toBe(person.i - 2);
    const place = at('tại tỉnh Thái Bình', 'Bình');
    expect(personNameBefore(place.stream, place.i - 1, names, beforePlace)).toBeNull();
  });

  it('end a title: every surname in the trailing run of name syllables may begin one (word segmentation picks)', () => {
    const { stream, i } = at('Giám đốc Sở TT&TT Hải Dương Nguyễn Cao Thắng', 'Hải');
    const { run, starts } = personNameStartsBefore(stream, 0, stream.length, names, bare);
    expect(run).toBe(i);
    expect(starts.map((k) => stream.slice(k, stream.length))).toEqual(['Dương Nguyễn Cao Thắng', 'Nguyễn Cao Thắng', 'Cao Thắng']);
  });
});
