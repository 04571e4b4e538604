/**
 * Offsets between the normalised text the extractors see and the input as
 * decoded. Normalisation may merge (NFD → NFC), drop (zero-width characters,
 * the CR of CRLF) or replace characters, so each normalised UTF-16 unit records
 * the input range it came from; a span maps back as the union of the ranges of
 * its first and last units.
 */
import type { Span } from '../model/entity.js';

export class OffsetMap {
  private constructor(
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly inputLength: number,
  ) {}

  /** Map of a text to itself. */
  static identity(length: number): OffsetMap {
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      starts[i] = i;
      ends[i] = i + 1;
    }
    return new OffsetMap(starts, ends, length);
  }

  static fromRanges(starts: number[], ends: number[], inputLength: number): OffsetMap {
    return new OffsetMap(Int32Array.from(starts), Int32Array.from(ends), inputLength);
  }

  /** `[start, end)` in the normalised text → `[start, end)` in the input (UTF-16 units). */
  toInput([start, end]: Span): Span {
    if (end <= start) {
      const at = start < this.starts.length ? this.starts[start]! : this.inputLength;
      return [at, at];
    }
    return [this.starts[start]!, this.ends[end - 1]!];
  }
}

/** Builds a string together with the input range of every unit appended. */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  append(text: string, inputStart: number, inputEnd: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.starts.push(inputStart);
      this.ends.push(inputEnd);
    }
  }

  build(inputLength: number): { text: string; map: OffsetMap } {
    return { text: this.parts.join(''), map: OffsetMap.fromRanges(this.starts, this.ends, inputLength) };
  }
}

/**
 * UTF-16 offsets → Unicode code-point offsets, for spans in the published
 * record. Identity (and free) when the text has no astral characters.
 */
export function codePointIndexer(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const prefix = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) cp++;
    else prefix[i] = cp - 1;
  }
  prefix[text.length] = cp;
  return (i) => prefix[i]!;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
