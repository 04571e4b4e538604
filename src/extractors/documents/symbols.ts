/**
 * Document mentions: symbols in any of the rule file's layouts, with the type
 * word that introduces them, and partial references (a type word and a
 * number). Each mention carries the canonical id its own text gives.
 *
 * Canonical ids: Party documents `NUMBER-TYPE/ISSUER`, state documents
 * `NUMBER/[YEAR/]TYPE-ISSUER`; the system is the issuer's (from the rule
 * file) whatever layout the article used, codes are written in their
 * official case and numbers below 10 with a leading zero.
 */
import type { Span } from '../../model/entity.js';
import type { DocumentRules, DocumentSystem, DocumentType, Issuer } from './rules.js';

export interface Mention {
  /** The whole reference: type word, `số` and symbol or number. */
  span: Span;
  /** The symbol as written, or the whole reference when it has no symbol. */
  written: string;
  /** Id of the layout that recognised the symbol, or `partial-reference`. */
  rule: string;
  /** Canonical symbol, or null for a partial reference. */
  symbol: string | null;
  type: DocumentType;
  /** Whether the type comes from a type word in the text (not from the symbol). */
  typeFromWord: boolean;
  number: string;
  year: number | null;
  /** The issuer the symbol's code stands for. */
  issuer: Issuer | null;
  /** Whether the mention continues a list begun by the mention before it (`57, 59 và 66`). */
  listed: boolean;
}

const PARTIAL_RULE = 'partial-reference';

export function findMentions(text: string, rules: DocumentRules): Mention[] {
  const symbols = findSymbols(text, rules);
  const partials = findPartials(text, rules).filter((p) => !symbols.some((s) => overlaps(s.span, p.span)));
  return listItems(text, [...symbols, ...partials].sort((a, b) => a.span[0] - b.span[0]), rules);
}

/**
 * The items of lists after one type word: a symbol listed after a reference
 * with a type word has that type (`Công văn số 1044/BC-TCTCT và
 * 1045/BC-TCTCT`), and a number listed after a partial reference is one more
 * (`Nghị quyết số 57, 59 và 66`).
 */
function listItems(text: string, mentions: readonly Mention[], rules: DocumentRules): Mention[] {
  const out: Mention[] = [];
  let previous: Mention | null = null;
  for (let mention of mentions) {
    if (previous?.typeFromWord && mention.span[0] === listContinues(text, previous, rules) && mention.rule !== PARTIAL_RULE && !mention.typeFromWord) {
      mention = { ...mention, type: previous.type, typeFromWord: true, listed: true };
    }
    out.push(mention);
    previous = mention;
    while (mention.symbol === null) {
      const at = listContinues(text, previous, rules);
      rules.listNumber.lastIndex = at ?? 0;
      const item = at === null || mentions.some((m) => m.span[0] === at) ? null : rules.listNumber.exec(text);
      if (!item) break;
      previous = { ...mention, span: [at!, at! + item[0].length], written: item[0], number: item[0], listed: true };
      out.push(previous);
    }
  }
  return out;
}

/** Where the next item of a list would start after `mention`, if a comma or a joiner follows it. */
function listContinues(text: string, mention: Mention, rules: DocumentRules): number | null {
  rules.listSeparator.lastIndex = mention.span[1];
  return rules.listSeparator.test(text) ? rules.listSeparator.lastIndex : null;
}

interface Candidate {
  start: number;
  end: number;
  order: number;
  mention: Mention;
}

function findSymbols(text: string, rules: DocumentRules): Mention[] {
  const candidates: Candidate[] = [];
  rules.layouts.forEach((layout, order) => {
    for (const m of text.matchAll(layout.regex)) {
      const intro = introduction(text, m.index, rules);
      const mention = readSymbol(m.groups!, layout.system, rules, intro ? intro.type : undefined);
      if (!mention) continue;
      const start = intro ? intro.start : m.index;
      const end = m.index + m[0].length;
      candidates.push({ start, end, order, mention: { ...mention, span: [start, end], written: m[0], rule: layout.id, typeFromWord: intro?.type != null, listed: false } });
    }
  });
  // Earliest first, then longest, then the layout listed first.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const out: Mention[] = [];
  let reached = -1;
  for (const c of candidates) {
    if (c.start < reached) continue;
    out.push(c.mention);
    reached = c.end;
  }
  return out;
}

/** The type word (with `số`) right before `at`, if any. */
function introduction(text: string, at: number, rules: DocumentRules): { start: number; type: DocumentType | null } | null {
  const from = Math.max(0, at - 48);
  const m = rules.introBefore.exec(text.slice(from, at));
  return m ? { start: from + m.index, type: rules.typeOfWord(m.groups!['word']!) } : null;
}

type SymbolReading = Omit<Mention, 'span' | 'written' | 'rule' | 'typeFromWord' | 'listed'>;

/**
 * Reads the groups of a layout match: a symbol whose type code is not a
 * known type, or (without a type code) whose issuer is unknown and that no
 * type word introduces, is not a document symbol.
 */
function readSymbol(groups: Record<string, string | undefined>, layoutSystem: DocumentSystem, rules: DocumentRules, introType: DocumentType | null | undefined): SymbolReading | null {
  const units = groups['issuer']!.split(/[^\p{L}\p{M}\p{N}&]/u);
  const issuerCode = rules.issuerCode(units[0]!);
  const year = groups['year'] ? Number(groups['year']) : null;
  const writtenType = groups['type'];

  // The issuer's system; but a Party symbol always has a Party type and never a year.
  let system = issuerCode?.issuer.system ?? layoutSystem;
  if (system === 'party' && (year !== null || writtenType === undefined || !rules.typeCode('party', writtenType))) system = 'state';
  const typeCode = writtenType === undefined ? undefined : (rules.typeCode(system, writtenType) ?? rules.typeCode(other(system), writtenType));
  if (writtenType !== undefined && !typeCode) return null;
  if (writtenType === undefined && !issuerCode && introType === undefined) return null;

  const number = groups['number']!.padStart(2, '0');
  const issuerPart = [issuerCode?.canonical ?? unknownCode(units[0]!), ...units.slice(1).map((u) => rules.issuerCode(u)?.canonical ?? unknownCode(u))].join('-');
  const symbol =
    system === 'party'
      ? `${number}-${typeCode!.abbr}/${issuerPart}`
      : `${number}/${year !== null ? `${year}/` : ''}${typeCode ? `${typeCode.abbr}-` : ''}${issuerPart}`;
  const symbolType = typeCode?.type ?? issuerCode?.issuer.untypedType ?? rules.untypedType;
  return { symbol, type: introType ?? symbolType, number, year, issuer: issuerCode?.issuer ?? null };
}

function findPartials(text: string, rules: DocumentRules): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(rules.partial)) {
    const { word, so, number } = m.groups as { word: string; so?: string; number: string };
    const type = rules.typeOfWord(word);
    if (!type) continue;
    // Without "số", only a capitalised type word of a type cited that way, and not a year.
    if (!so && (!type.bareNumber || !/^\p{Lu}/u.test(word) || /^(?:19|20)\d\d$/.test(number))) continue;
    out.push({
      span: [m.index, m.index + m[0].length],
      written: m[0],
      rule: PARTIAL_RULE,
      symbol: null,
      type,
      typeFromWord: true,
      number,
      year: null,
      issuer: null,
      listed: false,
    });
  }
  return out;
}

/**
 * The symbol an issuer settles for a partial reference: a Party document's
 * symbol has no year, so the issuer settles it; a state document's only when
 * its type is never normative (a normative one has a year in its symbol).
 */
export function settledSymbol(type: DocumentType, number: string, issuer: Issuer): string | null {
  const abbr = type.abbr[issuer.system];
  if (!abbr) return null;
  const n = number.padStart(2, '0');
  if (issuer.system === 'party') return `${n}-${abbr}/${issuer.abbr}`;
  return type.normative ? null : `${n}/${abbr}-${issuer.abbr}`;
}

/** A code the rules do not know: upper case when written all in lower case (`thkh`), else as written. */
function unknownCode(code: string): string {
  return code === code.toLocaleLowerCase('vi') ? code.toLocaleUpperCase('vi') : code;
}

function other(system: DocumentSystem): DocumentSystem {
  return system === 'party' ? 'state' : 'party';
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
