/**
 * Drops results that overlap a blocked span: the symbols of the documents
 * found before dates (`81/2014/QĐ-TTg`), passed in the parsing option. The
 * parsers' own symbol-shape bounds catch most; this catches the rest.
 */
import type { ParsingContext, ParsingOption, ParsingResult, Refiner } from 'chrono-node';
import type { Span } from '../../../model/entity.js';
import { OverlapIndex } from '../../../tokenize/index.js';

export interface DateParsingOption extends ParsingOption {
  blocked?: readonly Span[];
}

export class BlockedSpanFilter implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const blocked = new OverlapIndex((context.option as DateParsingOption).blocked ?? [], (span) => span);
    return results.filter((r) => !blocked.overlapping([r.index, r.index + r.text.length]));
  }
}
