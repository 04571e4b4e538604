/**
 * Decoding an input's bytes into text. UTF-8 with or without BOM is read, and
 * UTF-16 with a BOM, or without one (with a warning) when every other byte is NUL. Binary data (NUL bytes) is refused. Bytes that are not
 * UTF-8 are checked for the legacy Vietnamese encodings: Windows-1258 is
 * converted (the record says so in its warnings), TCVN3 and VNI are reported
 * by name with codes of their own; anything else is reported, never guessed.
 */
import { TextDecoder } from 'node:util';
import { decodeWindows1258, detectLegacyEncoding, LEGACY_NAMES } from './legacy.js';

/** An input that cannot be turned into article text; `code` is stable. */
export class DecodeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Something the reader did to the bytes that the record should mention. */
export interface InputWarning {
  code: string;
  message: string;
}

export interface DecodedText {
  text: string;
  warnings: InputWarning[];
}

export function decodeInput(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Decoder(bytes);
  if (utf16) return { text: refuseNul(decodeWith(utf16, bytes, 'UTF-16')), warnings: [] };
  const bomless = bomlessUtf16(bytes);
  if (bomless) return { text: refuseNul(bomless.text), warnings: [{ code: 'input-utf16-no-bom', message: `read as ${bomless.name} without a byte-order mark (every other byte is NUL)` }] };
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw binary(nul);
  try {
    return { text: utf8.decode(bytes), warnings: [] };
  } catch {
    return decodeLegacy(bytes);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function utf16Decoder(bytes: Uint8Array): TextDecoder | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return null;
}

/** Share of characters whose high byte is NUL (ASCII: spaces, digits, punctuation) from which bytes read as UTF-16 without a BOM. */
const BOMLESS_NUL_SHARE = 0.3;

/**
 * UTF-16 without a byte-order mark: NUL bytes on one side of every pair only
 * (the high bytes of ASCII characters, which any Vietnamese text has plenty
 * of), and valid UTF-16 on that reading. Binary data has NULs on both sides.
 */
function bomlessUtf16(bytes: Uint8Array): { text: string; name: string } | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const least = (bytes.length / 2) * BOMLESS_NUL_SHARE;
  const encoding = oddNul >= least && evenNul === 0 ? 'utf-16le' : evenNul >= least && oddNul === 0 ? 'utf-16be' : null;
  if (!encoding) return null;
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), name: encoding.toUpperCase() };
  } catch {
    return null;
  }
}

function decodeWith(decoder: TextDecoder, bytes: Uint8Array, name: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DecodeError('E_DECODE', `not valid ${name} (it starts with a ${name} byte-order mark)`);
  }
}

function refuseNul(text: string): string {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw binary(nul);
  return text;
}

function binary(offset: number): DecodeError {
  return new DecodeError('E_BINARY', `binary data, not text (NUL at offset ${offset})`);
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const encoding = detectLegacyEncoding(bytes);
  const name = encoding && LEGACY_NAMES[encoding];
  if (encoding === 'windows-1258') {
    const message = `not UTF-8: decoded as ${name}, a legacy Vietnamese encoding; spans refer to the decoded text`;
    return { text: decodeWindows1258(bytes), warnings: [{ code: 'input-windows-1258', message }] };
  }
  if (encoding) {
    const message = `not UTF-8: looks like ${name}, a legacy Vietnamese encoding; convert it to UTF-8 first (for example with the converter of UniKey or EVKey)`;
    throw new DecodeError(encoding === 'tcvn3' ? 'E_ENCODING_TCVN3' : 'E_ENCODING_VNI', message);
  }
  throw new DecodeError('E_DECODE', `not valid UTF-8 (byte ${firstInvalidByte(bytes)}) and not a legacy Vietnamese encoding`);
}

/** Offset of the first byte that breaks UTF-8, for the message. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return bytes.length;
}
