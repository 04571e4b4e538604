import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../src/normalize/index.js';
import { loadRules } from '../src/extractors/registry.js';
import { LONG_LINE, MAX_SENTENCE, OverlapIndex, plainStream, spanAt, splitSentences, syllables, tokenize } from '../src/tokenize/index.js';
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

describe('dense and long text', () => {
  it(`a run longer than ${MAX_SENTENCE} is cut at white space into sentences no longer than that`, () => {
    const text = 'tăng 5% '.repeat(1_000).trimEnd();
    const sentences = splitSentences(text, [[0, text.length]], []);
    expect(sentences.length).toBeGreaterThan(1);
    for (const [s, e] of sentences) {
      expect(e - s).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(s, e)).toMatch(/^tăng 5%( tăng 5%)*$/);
    }
    expect(sentences.map(([s, e]) => text.slice(s, e)).join(' ')).toBe(text);
  });

  it('a run with no white space is cut at MAX_SENTENCE, never inside a surrogate pair', () => {
    const text = 'x' + '𝐀'.repeat(MAX_SENTENCE);
    const sentences = splitSentences(text, [[0, text.length]], []);
    expect(sentences[0]).toEqual([0, MAX_SENTENCE - 1]);
    expect(sentences.map(([s, e]) => text.slice(s, e)).join('')).toBe(text);
  });

  it('a line longer than LONG_LINE is segmented and tagged a few sentences at a time, every token in order', () => {
    const line = 'Tỉnh Nghệ An tăng 5% so với năm 2023. '.repeat(Math.ceil((3 * LONG_LINE) / 38)).trimEnd();
    const d = doc(line);
    const words = d.words();
    expect(words.map((w) => w.text).join('').replace(/\s/g, '')).toBe(line.replace(/\s/g, ''));
    expect(words.every((w, k) => k === 0 || words[k - 1]!.end <= w.start)).toBe(true);
    expect(d.taggedAt(line.lastIndexOf('Nghệ An'))?.word).toMatchObject({ text: 'Nghệ An', tag: 'Np' });
  });

  it('OverlapIndex answers as a scan of every span would, on nested and overlapping spans', () => {
    let seed = 11;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const spans = Array.from({ length: 300 }, (): [number, number] => {
      const s = random(1_000);
      return [s, s + 1 + random(random(4) === 0 ? 200 : 5)];
    });
    const index = new OverlapIndex(spans, (span) => span);
    for (let q = 0; q < 2_000; q++) {
      const start = random(1_100);
      const query: [number, number] = [start, start + 1 + random(6)];
      const found = index.overlapping(query);
      expect(found !== undefined, JSON.stringify(query)).toBe(spans.some(([s, e]) => s < query[1] && e > query[0]));
      if (found) expect(found[0] < query[1] && found[1] > query[0]).toBe(true);
    }
  });

  it('spanAt finds the sentence holding an offset', () => {
    const spans: Array<[number, number]> = [[0, 4], [5, 9], [12, 20]];
    expect([0, 3, 4, 5, 10, 19, 20].map((o) => spanAt(spans, o))).toEqual([[0, 4], [0, 4], undefined, [5, 9], undefined, [12, 20], undefined]);
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
