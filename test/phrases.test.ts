/** The phrase-list compiler every extractor's rules use: its space, case and word-edge policies. */
import { describe, expect, it } from 'vitest';
import { phraseList, phraseSource } from '../src/rules/phrases.js';

const whole = (source: string, flags = 'u') => new RegExp(`^${source}$`, flags);

describe('phrase lists', () => {
  it('capitalised lists match a form capitalised and in capitals, and give back its entry', () => {
    const list = phraseList([['tháng này', 0], ['tháng trước', -1]], { space: 'blanks', case: 'capitalised' });
    for (const text of ['tháng trước', 'Tháng trước', 'THÁNG TRƯỚC', 'tháng  trước']) expect(whole(list.source).test(text), text).toBe(true);
    expect(list.get('Tháng   Trước')).toBe(-1);
    expect(whole(list.source).test('tháng sau')).toBe(false);
  });

  it('lists as written match only as written', () => {
    const list = phraseList([['Một', 1]], { space: 'blanks', case: 'as-written' });
    expect(whole(list.source).test('Một')).toBe(true);
    expect(whole(list.source).test('một')).toBe(false);
    expect(list.get('một')).toBeUndefined();
  });

  it('spaces inside a phrase follow the space policy', () => {
    const forms = ['Ban Thường vụ'];
    expect(whole(phraseSource(forms, { space: 'exact' })).test('Ban Thường  vụ')).toBe(false);
    expect(whole(phraseSource(forms, { space: 'blanks' })).test('Ban Thường  vụ')).toBe(true);
    expect(whole(phraseSource(forms, { space: 'blanks' })).test('Ban Thường\nvụ')).toBe(false);
    expect(whole(phraseSource(forms, { space: 'whitespace' })).test('Ban Thường\nvụ')).toBe(true);
    expect(whole(phraseSource(forms, { space: { upTo: 3 } })).test('Ban Thường   vụ')).toBe(true);
    expect(whole(phraseSource(forms, { space: { upTo: 3 } })).test('Ban Thường    vụ')).toBe(false);
  });

  it('the longer form wins, forms are NFC in one tone style, and an empty list matches nothing', () => {
    const m = new RegExp(phraseSource(['tăng', 'tăng trưởng'], { space: 'exact' }), 'u').exec('tăng trưởng 5%');
    expect(m?.[0]).toBe('tăng trưởng');
    expect(whole(phraseSource(['Thanh Hoá'.normalize('NFD')], { space: 'exact' })).test('Thanh Hóa')).toBe(true);
    expect(new RegExp(phraseSource([], { space: 'exact' }), 'u').test('')).toBe(false);
  });

  it('word edges keep a phrase from matching inside a word, đ included', () => {
    const source = phraseSource(['đồng'], { space: 'exact', edges: 'word' });
    expect(new RegExp(source, 'u').test('5 đồng')).toBe(true);
    expect(new RegExp(source, 'u').test('5 đồngđ')).toBe(false);
    expect(new RegExp(source, 'u').test('cộngđồng')).toBe(false);
  });
});
