/**
 * Legacy Vietnamese encodings, for bytes that are not UTF-8. Older documents
 * are often in Windows-1258 (code page 1258: base letters and combining tone
 * marks), TCVN3/ABC (one byte per accented lower-case letter, the .Vn fonts)
 * or VNI (a base letter followed by a byte for its marks, the VNI fonts).
 *
 * Each candidate decoding is scored by the share of its accented words that
 * are well-formed Vietnamese syllables; text in the wrong encoding decodes to
 * words such as "Vieät" or "Hµ" that are not. Only Windows-1258 is converted
 * (with iconv-lite, which implements it); TCVN3 and VNI are only recognised,
 * since no well-kept converter for them exists, and the decoders below cover
 * just the lower-case letters recognition needs.
 */
import iconv from 'iconv-lite';

export type LegacyEncoding = 'windows-1258' | 'tcvn3' | 'vni';

export const LEGACY_NAMES: Readonly<Record<LegacyEncoding, string>> = {
  'windows-1258': 'Windows-1258',
  tcvn3: 'TCVN3 (ABC)',
  vni: 'VNI',
};

/** The legacy encoding the bytes are most plausibly in, or null when none fits. */
export function detectLegacyEncoding(bytes: Uint8Array): LegacyEncoding | null {
  let best: { encoding: LegacyEncoding; score: number } | null = null;
  for (const [encoding, decode] of Object.entries(DECODERS) as Array<[LegacyEncoding, (b: Buffer) => string]>) {
    const score = syllableScore(decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    if (score !== null && score >= MIN_SCORE && (!best || score > best.score)) best = { encoding, score };
  }
  return best?.encoding ?? null;
}

/** Windows-1258 text as Unicode, its combining marks kept as written (as `iconv -f CP1258` gives it). */
export function decodeWindows1258(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows1258');
}

/** Share of well-formed syllables an encoding's accented words must reach. */
const MIN_SCORE = 0.8;

const DECODERS: Readonly<Record<LegacyEncoding, (bytes: Buffer) => string>> = {
  'windows-1258': decodeWindows1258,
  tcvn3: (bytes) => Array.from(bytes, (b) => TCVN3.get(b) ?? String.fromCharCode(b)).join(''),
  vni: (bytes) => decodeVniLowerCase(iconv.decode(bytes, 'windows1252').toLowerCase()),
};

/** TCVN3 (ABC): the byte of each accented letter (upper-case base letters share the lower-case codes in the .VnTimeH fonts). */
const TCVN3 = new Map<number, string>([
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
]);

/**
 * VNI, read as Windows-1252 and lower-cased: a vowel is followed by a
 * character standing for its marks ("Vieät" is "Việt"); ơ, ư, đ and the
 * accented i are single characters.
 */
const VNI_MARKS: Readonly<Record<string, string>> = {
  ù: '\u0301', ø: '\u0300', û: '\u0309', õ: '\u0303', ï: '\u0323',
  â: '\u0302', á: '\u0302\u0301', à: '\u0302\u0300', å: '\u0302\u0309', ã: '\u0302\u0303', ä: '\u0302\u0323',
  ê: '\u0306', é: '\u0306\u0301', è: '\u0306\u0300', ú: '\u0306\u0309', ü: '\u0306\u0303', ë: '\u0306\u0323',
};
const VNI_LETTERS: Readonly<Record<string, string>> = { ô: 'ơ', ö: 'ư', ñ: 'đ', ì: 'ì', í: 'í', æ: 'ỉ', ó: 'ĩ', ò: 'ị' };

function decodeVniLowerCase(text: string): string {
  let out = '';
  for (const ch of text) {
    const mark = VNI_MARKS[ch];
    out += mark !== undefined && /[aeiouyơư]$/u.test(out) ? mark : (VNI_LETTERS[ch] ?? ch);
  }
  return out.normalize('NFC');
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** A Vietnamese syllable without its tone: onset, one to three vowels, coda. */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$/u;

/** Share of the words with a non-ASCII letter that are well-formed syllables, or null with too few such words to judge. */
function syllableScore(text: string): number | null {
  let accented = 0;
  let wellFormed = 0;
  for (const [word] of text.matchAll(/[\p{L}\p{M}\u00b5]+/gu)) {
    if (/^[\x00-\x7f]*$/.test(word)) continue;
    accented++;
    if (isSyllable(word)) wellFormed++;
  }
  return accented < MIN_WORDS ? null : wellFormed / accented;
}

/** Fewer accented words than this cannot tell the encodings apart. */
const MIN_WORDS = 3;

function isSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  if ((decomposed.match(TONE_MARKS)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
}
