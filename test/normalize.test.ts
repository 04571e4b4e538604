import { describe, expect, it } from 'vitest';
import { normalizeArticle, normalizeCharacters } from '../src/normalize/index.js';
import { normalizeTonePlacement } from '../src/normalize/tone.js';
import { loadRules } from '../src/extractors/registry.js';

const { rules } = loadRules();

describe('tone placement', () => {
  it.each([
    ['Thanh Hoá', 'Thanh Hóa'],
    ['thuỷ lợi', 'thủy lợi'],
    ['Hoà Bình', 'Hòa Bình'],
    ['Uỷ ban', 'Ủy ban'],
    ['sức khoẻ', 'sức khỏe'],
    ['Khánh Hoà', 'Khánh Hòa'],
  ])('%s → %s', (old, modern) => {
    expect(normalizeTonePlacement(old)).toBe(modern);
    expect(normalizeTonePlacement(old)).toHaveLength(old.length);
  });

  it.each(['hoàn thành', 'thuyết phục', 'quý I', 'quả', 'Thanh Hóa', 'khuyến khích', 'toàn diện'])('leaves %s alone', (word) => {
    expect(normalizeTonePlacement(word)).toBe(word);
  });
});

describe('character normalisation keeps a map back to the input', () => {
  const cases: Array<[string, string]> = [
    ['NFD', 'Thanh Hoá'.normalize('NFD') + ' và Đồng Tháp'.normalize('NFD')],
    ['CRLF', 'Dòng một\r\nDòng hai\r\n'],
    ['CR', 'Dòng một\rDòng hai'],
    ['no-break spaces and zero-width joiners', 'Sở\u00A0TT&TT\u200B Thanh\u00A0Hóa'],
    ['soft hyphens', 'chuyển\u00ADđổi số'],
  ];
  it.each(cases)('%s: every normalised word maps back to the same word in the input', (_name, input) => {
    const { text, map } = normalizeCharacters(input);
    for (const m of text.matchAll(/[\p{L}\p{M}\p{N}&]+/gu)) {
      const [s, e] = map.toInput([m.index, m.index + m[0].length]);
      expect(normalizeTonePlacement(input.slice(s, e).normalize('NFC').replace(/[\u00AD\u200B]/g, ''))).toBe(m[0]);
    }
  });

  it('NFC text without special characters is its own map', () => {
    const input = 'Ngày 27/12, Sở TT&TT Thanh Hóa tổ chức hội nghị.';
    const { text, map } = normalizeCharacters(input);
    expect(text).toBe(input);
    expect(map.toInput([4, 9])).toEqual([4, 9]);
  });
});

describe('article structure', () => {
  it('reads the date header as metadata and blanks it', () => {
    const a = normalizeArticle(' date 2024-12 Ngày 27/12, Sở TT&TT Thanh Hóa tổ chức hội nghị.', rules.text);
    expect(a.published).toBe('2024-12');
    expect(a.text.startsWith(' '.repeat(13) + ' Ngày 27/12')).toBe(true);
    expect(a.title).toBeNull();
  });

  it('takes a headline-like first line as the title, not a paragraph', () => {
    const a = normalizeArticle(' date 2023-12 Khẳng định vai trò dẫn dắt chuyển đổi số\n\nGóp phần vào sự phát triển của tỉnh.\n', rules.text);
    expect(a.title?.text).toBe('Khẳng định vai trò dẫn dắt chuyển đổi số');
  });

  it('reads the source tag', () => {
    const a = normalizeArticle('(Baothanhhoa.vn) - Năm 2018, ngành TT&TT đạt nhiều kết quả.\n\nĐoạn hai.', rules.text);
    expect(a.source).toBe('Baothanhhoa.vn');
  });

  it('reads a plain byline and an official byline', () => {
    const plain = normalizeArticle('Tiêu đề bài\n\nNội dung bài viết dài.\n\nLinh Hương', rules.text);
    expect(plain.byline).toMatchObject({ name: 'Linh Hương', title: null });
    const official = normalizeArticle('Tiêu đề\n\nNội dung bài viết.\n\nĐỗ Hữu Quyết\n\nGiám đốc Sở TT&TT Thanh Hóa {name} - {time}\n\n Trả lời\n\n0 bình luận\n\nĐịa phương', rules.text);
    expect(official.byline).toMatchObject({ name: 'Đỗ Hữu Quyết', title: 'Giám đốc Sở TT&TT Thanh Hóa' });
  });

  it('blanks template debris and everything after the comment section, keeping offsets', () => {
    const input = 'Bài viết.\n\nTin liên quan\n\nĐọc nhiều\n\nNội dung.\n\n0 bình luận\n\nXem thêm TP.Thanh Hóa\n';
    const a = normalizeArticle(input, rules.text);
    expect(a.text).toHaveLength(input.length);
    expect(a.text).not.toMatch(/Tin liên quan|Đọc nhiều|bình luận|Xem thêm/);
    expect(a.text).toContain('Nội dung.');
  });
});

describe('large inputs', () => {
  it('6 MB of plain text (under the 16 MiB limit) normalises without running out of stack', () => {
    const text = 'Năm 2024, GRDP của tỉnh Thanh Hóa tăng 8,5% so với năm 2023.\n'.repeat(100_000);
    const { text: out } = normalizeCharacters(text);
    expect(out).toBe(text);
  });
});
