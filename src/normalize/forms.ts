/**
 * The forms words take in this project: the text form the extractors read
 * (NFC, new-style tone placement), which rule vocabulary and gold names are
 * brought to before they are compared with the text, and a diacritic-free
 * fold for codes and ASCII aliases.
 */
import { normalizeTonePlacement } from './tone.js';

/** A word or phrase as it appears in the normalised text (`Thanh Hoá` → `Thanh Hóa`). */
export function toTextForm(text: string): string {
  return normalizeTonePlacement(text.normalize('NFC'));
}

/** Names compare in this form: NFC, one tone-placement style, case-folded, single spaces. */
export function foldName(name: string): string {
  return toTextForm(name).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** Without marks, `đ` as `d` (`Đắk Lắk` → `Dak Lak`, `QĐ` → `QD`). */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
