/**
 * Document rules (`rules/documents.yaml`): document types with the words that
 * introduce them and their symbol abbreviations, issuers with their codes and
 * the system (Party or state) they belong to, and the symbol layouts.
 *
 * Compiling builds the look-ups used to write a symbol in its official case
 * (`qđ` → `QĐ`, `ttg` → `TTg`), the layout regexes (placeholders expanded,
 * each checked against its examples) and the type-word regexes.
 */
import { z } from 'zod';
import { stripDiacritics, toTextForm } from '../../normalize/forms.js';
import { compilePattern, patternSource, WORD_END, WORD_START } from '../../rules/pattern.js';
import { phraseSource } from '../../rules/phrases.js';
import { defineRules, ruleId, schemaHeader } from '../../rules/spec.js';

const code = z.string().regex(/^\p{L}[\p{L}\p{M}\p{N}&]*$/u, 'a symbol code: letters (and digits), e.g. "QĐ", "UBND"');
const words = z.array(z.string().min(1));
const system = z.enum(['party', 'state']);
export type DocumentSystem = z.infer<typeof system>;

const DocumentRulesSchema = z.strictObject({
  $schema: schemaHeader,
  parts: z
    .strictObject({ number: patternSource, year: patternSource, code: patternSource, dash: patternSource, join: patternSource, slash: patternSource })
    .describe('What the layout placeholders stand for; {issuer} is a code followed by more codes joined by `join`'),
  layouts: z.array(
    z.strictObject({
      id: ruleId,
      name: z.string(),
      system: system.describe('The system a symbol in this layout belongs to unless its issuer says otherwise'),
      pattern: z.string().min(1).describe('Placeholders: {number} {year} {type} {issuer} {dash} {slash}'),
      examples: words.min(1),
    }),
  ),
  untyped_type: ruleId.describe('Type of a symbol without a type abbreviation (a công văn), unless its issuer gives one'),
  number_words: words.describe('Words between a type word and the number: "số"'),
  quantity_words: words.describe('Words after the number of a partial reference that make it a quantity ("2 năm")'),
  list_joiners: words.describe('Words that join the items of a list of references after one type word ("và")'),
  generic_words: words.describe('Words that introduce a document without naming its type ("văn bản")'),
  types: z.array(
    z.strictObject({
      id: ruleId,
      name: z.string().min(1),
      words: words.min(1).describe('Words that introduce a document of this type'),
      state: z.array(code).optional().describe('Abbreviations in state symbols; the first type listing one is its reading'),
      party: z.array(code).optional().describe('Abbreviations in Party symbols'),
      normative: z.boolean().optional().describe('State documents of this type may be normative, with a year in the symbol'),
      bare_number: z.boolean().optional().describe('"Nghị quyết 57" is a reference without "số" (capitalised type word only)'),
    }),
  ),
  issuers: z.array(
    z.strictObject({
      id: ruleId,
      abbr: code,
      aliases: z.array(code).optional(),
      system,
      name: z.string().min(1).describe('What the code stands for, used as the issuer when the article names none'),
      names: words.optional().describe('Issuer names as written in articles that stand for this code'),
      term_number: z.boolean().optional().describe('The code may carry a term number (QH15)'),
      untyped_type: ruleId.optional().describe('Type of this issuer’s symbols without a type abbreviation'),
    }),
  ),
  issuer: z.strictObject({
    after: words.describe('Words after a reference that introduce its issuer ("của", "do")'),
    verbs: words.describe('Verbs between an issuer and the reference it issued ("ban hành")'),
    heads: words.min(1).describe('Words an issuer name starts with'),
    inner_words: words.describe('Lower-case words inside issuer names'),
    connectors: words.describe('Words joining two capitalised parts of one issuer name'),
    max_syllables: z.number().int().positive(),
  }),
  subject: z.strictObject({
    words: words.describe('Words that introduce the subject ("về")'),
    clause_end: patternSource.describe('Characters that end a clause, and so a subject'),
    list_item_syllables: z.number().int().positive().describe('Most syllables of an enumeration item after a comma inside a subject'),
    list_closers: words.describe('Words that close an enumeration ("và")'),
  }),
});

type Raw = z.infer<typeof DocumentRulesSchema>;

export const documentRules = defineRules({
  file: 'documents.yaml',
  schema: DocumentRulesSchema,
  compile(raw) {
    const types = documentTypes(raw.types);
    const typeOf = (id: string, where: string) => {
      const type = types.find((t) => t.id === id);
      if (!type) throw new Error(`${where}: "${id}" is not the id of one of types`);
      return type;
    };
    const { issuers, issuerCodes } = documentIssuers(raw.issuers, typeOf);
    return {
      untypedType: typeOf(raw.untyped_type, 'untyped_type'),
      layouts: symbolLayouts(raw.parts, raw.layouts),
      ...referencePatterns(raw),
      ...lookups(raw.types, types, raw.generic_words, issuers, issuerCodes),
      ...issuerPatterns(raw.issuer),
      subjectList: { itemSyllables: raw.subject.list_item_syllables, closers: raw.subject.list_closers.map(toTextForm) },
      subject: new RegExp(`^[\\s,]*(?<subject>${alternation(raw.subject.words)}\\s[^]*?)\\s*(?=${raw.subject.clause_end}|$)`, 'u'),
    };
  },
});

/** Words as alternatives: longest first, a space inside a word matching one to three white-space characters. */
function alternation(list: readonly string[]): string {
  return phraseSource(list, { space: { upTo: 3 } });
}

function documentTypes(raw: Raw['types']): DocumentType[] {
  return raw.map((t) => ({
    id: t.id,
    name: toTextForm(t.name),
    normative: t.normative ?? false,
    bareNumber: t.bare_number ?? false,
    abbr: { state: t.state?.[0] ?? null, party: t.party?.[0] ?? null },
  }));
}

function documentIssuers(raw: Raw['issuers'], typeOf: (id: string, where: string) => DocumentType): { issuers: Issuer[]; issuerCodes: CodeTable<Issuer> } {
  const issuerCodes = new CodeTable<Issuer>();
  const issuers = raw.map((i) => {
    const issuer: Issuer = {
      id: i.id,
      abbr: i.abbr,
      system: i.system,
      name: toTextForm(i.name),
      names: (i.names ?? []).map(toTextForm),
      termNumber: i.term_number ?? false,
      untypedType: i.untyped_type ? typeOf(i.untyped_type, `issuers "${i.id}" untyped_type`) : null,
    };
    for (const form of [i.abbr, ...(i.aliases ?? [])]) issuerCodes.add(form, issuer);
    return issuer;
  });
  return { issuers, issuerCodes };
}

/** Each layout's pattern with its placeholders expanded, bounded, and checked against its examples. */
function symbolLayouts(parts: Raw['parts'], layouts: Raw['layouts']): Layout[] {
  return layouts.map((l) => {
    const source = l.pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
      switch (name) {
        case 'number':
          return `(?<number>${parts.number})`;
        case 'year':
          return `(?<year>${parts.year})`;
        case 'type':
          return `(?<type>${parts.code})`;
        case 'issuer':
          return `(?<issuer>${parts.code}(?:${parts.join}${parts.code})*)`;
        case 'dash':
          return parts.dash;
        case 'slash':
          return parts.slash;
        default:
          throw new Error(`layouts "${l.id}": unknown placeholder {${name}}`);
      }
    });
    const bounded = `(?<![\\p{L}\\p{M}\\p{N}/.,:\\-])${source}(?![\\p{L}\\p{M}\\p{N}])`;
    return { id: l.id, system: l.system, regex: compilePattern(bounded, 'gu', { id: l.id, examples: l.examples }) };
  });
}

/** The patterns that find references: a type word before a symbol, partial references, and lists of them. */
function referencePatterns(raw: Raw) {
  const wordAlternation = alternation([...raw.types.flatMap((t) => t.words), ...raw.generic_words]);
  // "số", a colon, spaces: bounded, so that a long run of spaces cannot make the search slow.
  const numberWordsAndColon = `(?<so>\\s{1,3}${alternation(raw.number_words)})?(?:\\s{0,3}:)?\\s{0,3}`;
  const { number, slash, dash } = raw.parts;
  return {
    /** A type word (or generic word), `số` and `:` right before a symbol: matched against the text before it. */
    introBefore: new RegExp(`${WORD_START}(?<word>${wordAlternation})${numberWordsAndColon}$`, 'iu'),
    /** A type word with a number and no symbol: a partial reference. */
    partial: new RegExp(
      `${WORD_START}(?<word>${wordAlternation})${numberWordsAndColon}(?<number>${number})(?![\\p{L}\\p{M}\\p{N}]|[.,]\\d|(?:${slash}|${dash})[\\p{L}\\p{N}]|\\s${alternation(raw.quantity_words)}(?![\\p{L}\\p{M}\\p{N}])(?!\\s?\\d))`,
      'giu',
    ),
    /** Between two items of a list of references (sticky): a comma or a joiner. */
    listSeparator: new RegExp(`(?:\\s{0,2},\\s{0,2}|\\s{1,3}${alternation(raw.list_joiners)}\\s{1,3})`, 'uy'),
    /**
     * A number as an item of a list of partial references (sticky): only
     * when what follows it continues or ends the list (punctuation, a joiner,
     * an issuer, a subject, an issue date), so that `57 và 3 nghị quyết khác`
     * is not a list.
     */
    listNumber: new RegExp(
      `(?<number>${number})(?=\\s{0,3}(?:[,;.:)]|$)|\\s{1,3}${alternation([...raw.list_joiners, ...raw.issuer.after, ...raw.subject.words])}(?![\\p{L}\\p{M}\\p{N}])|\\s{1,3}${alternation(raw.quantity_words)}\\s?\\d)`,
      'uy',
    ),
    /** A type word at a position (sticky). */
    typeWordAt: new RegExp(`(?:${wordAlternation})${WORD_END}`, 'iuy'),
  };
}

/** What a type word, a type code or an issuer code or name stands for. */
function lookups(rawTypes: Raw['types'], types: readonly DocumentType[], genericWords: readonly string[], issuers: readonly Issuer[], issuerCodes: CodeTable<Issuer>) {
  const typeCodes = { state: new CodeTable<{ type: DocumentType; abbr: string }>(), party: new CodeTable<{ type: DocumentType; abbr: string }>() };
  const typeWords = new Map<string, DocumentType | null>();
  rawTypes.forEach((t, i) => {
    for (const abbr of t.state ?? []) typeCodes.state.add(abbr, { type: types[i]!, abbr });
    for (const abbr of t.party ?? []) typeCodes.party.add(abbr, { type: types[i]!, abbr });
    for (const w of t.words) typeWords.set(toTextForm(w).toLocaleLowerCase('vi'), types[i]!);
  });
  for (const w of genericWords) typeWords.set(toTextForm(w).toLocaleLowerCase('vi'), null);
  // Issuer names as written, longest first, so that "Ban Thường vụ Tỉnh ủy" wins over "Tỉnh ủy".
  const issuerNames = issuers.flatMap((issuer) => issuer.names.map((name) => ({ name, issuer }))).sort((a, b) => b.name.length - a.name.length);
  return {
    /** The type a type word names; null for a generic word ("văn bản"). */
    typeOfWord(word: string): DocumentType | null {
      return typeWords.get(word.replace(/\s+/g, ' ').toLocaleLowerCase('vi')) ?? null;
    },
    typeCode(system: DocumentSystem, written: string) {
      return typeCodes[system].get(written);
    },
    issuerCode(written: string): { issuer: Issuer; canonical: string } | undefined {
      const direct = issuerCodes.get(written);
      if (direct) return { issuer: direct, canonical: direct.abbr };
      const term = /^(\p{L}+)(\d+)$/u.exec(written);
      const numbered = term ? issuerCodes.get(term[1]!) : undefined;
      return numbered?.termNumber ? { issuer: numbered, canonical: numbered.abbr + term![2]! } : undefined;
    },
    /** The issuer whose names begin a written issuer ("UBND tỉnh" → UBND). */
    issuerNamed(written: string): Issuer | undefined {
      const text = toTextForm(written);
      return issuerNames.find(({ name }) => text.startsWith(name) && !/[\p{L}\p{M}\p{N}]/u.test(text.charAt(name.length)))?.issuer;
    },
  };
}

/** How an issuer is introduced and read. */
function issuerPatterns(raw: Raw['issuer']) {
  return {
    issuerAfter: new RegExp(`^[\\s,]*${alternation(raw.after)}\\s+`, 'u'),
    issuingVerbBefore: new RegExp(`${WORD_START}${alternation(raw.verbs)}\\s+$`, 'u'),
    issuerHeads: [...new Set(raw.heads.map(toTextForm))].sort((a, b) => b.length - a.length),
    innerWords: [...new Set(raw.inner_words.map(toTextForm))].sort((a, b) => b.length - a.length),
    connectors: raw.connectors.map(toTextForm),
    maxIssuerSyllables: raw.max_syllables,
  };
}

export interface DocumentType {
  id: string;
  name: string;
  normative: boolean;
  bareNumber: boolean;
  /** The abbreviation written in a symbol of each system, if the type has one. */
  abbr: Record<DocumentSystem, string | null>;
}

export interface Issuer {
  id: string;
  abbr: string;
  system: DocumentSystem;
  name: string;
  names: string[];
  termNumber: boolean;
  untypedType: DocumentType | null;
}

export interface Layout {
  id: string;
  system: DocumentSystem;
  regex: RegExp;
}

export type DocumentRules = ReturnType<typeof documentRules.compile>;

/**
 * Codes looked up without regard to letter case; a code written without its
 * diacritics (`QD`) is found too when only one code folds to it. The first
 * entry added for a code is its reading.
 */
class CodeTable<T> {
  private readonly exact = new Map<string, T>();
  private readonly folded = new Map<string, T | null>();

  add(code: string, value: T): void {
    const key = code.normalize('NFC').toLocaleUpperCase('vi');
    if (this.exact.has(key)) return;
    this.exact.set(key, value);
    const fold = stripDiacritics(key);
    this.folded.set(fold, this.folded.has(fold) ? null : value);
  }

  get(code: string): T | undefined {
    const key = code.normalize('NFC').toLocaleUpperCase('vi');
    return this.exact.get(key) ?? this.folded.get(stripDiacritics(key)) ?? undefined;
  }
}
