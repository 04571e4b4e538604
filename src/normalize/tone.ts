/**
 * One tone-placement style. In open syllables with the rhymes `oa`, `oe` and
 * `uy`, older text puts the tone mark on the second vowel (`hoá`, `khoẻ`,
 * `thuỷ`, `Hoà`); the style this project normalises to puts it on the first
 * (`hóa`, `khỏe`, `thủy`, `Hòa`). Syllables with a final consonant (`hoàn`,
 * `thuyết`) and `qu` + vowel (`quý`, `quả`) are the same in both styles.
 *
 * Works on NFC text and keeps its length, so offsets are unchanged.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
const SYLLABLE = /\p{L}+/gu;

export function normalizeTonePlacement(text: string): string {
  return text.replace(SYLLABLE, (syllable) => {
    if (syllable.length < 2) return syllable;
    const last = syllable.at(-1)!;
    const decomposed = last.normalize('NFD');
    const tone = decomposed.match(TONE_MARKS)?.[0];
    if (!tone) return syllable;
    const lastBase = decomposed.replace(TONE_MARKS, '');
    const first = syllable.at(-2)!;
    const rhyme = (first + lastBase).toLowerCase();
    if (rhyme !== 'oa' && rhyme !== 'oe' && rhyme !== 'uy') return syllable;
    if (rhyme === 'uy' && /q/i.test(syllable.at(-3) ?? '')) return syllable;
    const movedFirst = (first + tone).normalize('NFC');
    const movedLast = lastBase.normalize('NFC');
    return syllable.slice(0, -2) + movedFirst + movedLast;
  });
}
