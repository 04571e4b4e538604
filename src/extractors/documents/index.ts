/**
 * Documents: every reference to a numbered official document, one entity per
 * document with the spans of all its mentions.
 *
 * Extraction finds the mentions (symbols in the rule file's layouts, with the
 * type word before them, and partial references such as `Nghị quyết 57`) and
 * groups them by the id their own text gives, so that the extractors after
 * this one can leave their numbers alone. Resolution, once the dates are
 * known, reads each mention's issue date, issuer and subject from the words
 * around it, gives partial references the full id the article or their
 * issuer settles, and merges the mentions of one document.
 */
import type { Found } from '../../model/entity.js';
import type { Warning } from '../../model/record.js';
import type { EntityModule } from '../types.js';
import { readContext, type MentionContext } from './context.js';
import { documentRules, type DocumentRules } from './rules.js';
import { DocumentSchema, type Document } from './schema.js';
import { findMentions, settledSymbol, type Mention } from './symbols.js';
import { documentsCsv, documentsGold, documentsHtml } from './view.js';

export const documentsModule: EntityModule<'documents', never, 'dates' | 'provinces'> = {
  type: 'documents',
  schema: DocumentSchema,
  rules: documentRules,
  needs: [],

  extract(ctx) {
    const mentions = findMentions(ctx.doc.text, ctx.rules.documents);
    return group(mentions.map((m) => ({ mention: m, key: m.symbol ?? partialId(m), context: { date: null, issuer: null, symbolIssuer: null, subject: null } })), ctx.warn);
  },

  resolve: {
    needs: ['dates', 'provinces'],
    run(_entities, ctx) {
      const rules = ctx.rules.documents;
      const mentions = findMentions(ctx.doc.text, rules);
      const around = { dates: ctx.found.dates, names: ctx.rules.names, places: ctx.found.provinces.flatMap((p) => p.spans) };
      const read = shareListIssuers(
        mentions.map((mention, i) => ({
          mention,
          context: readContext(ctx.doc, mention, around, rules, mentions[i + 1]?.span[0] ?? ctx.doc.text.length),
        })),
        rules,
      );
      const keys = settleKeys(read, rules);
      return group(read.map((r, i) => ({ ...r, key: keys[i]! })), ctx.warn);
    },
  },
  csv: documentsCsv,
  html: documentsHtml,
  gold: documentsGold,
};

/**
 * The issuer named after a list applies to every item of it that it can
 * have issued: in `Nghị quyết số 57, 59 và 66 của Bộ Chính trị` all three are
 * Bộ Chính trị's; a symbol whose code is another issuer's keeps its own.
 */
function shareListIssuers<T extends { mention: Mention; context: MentionContext }>(read: readonly T[], rules: DocumentRules): T[] {
  let issuer: string | null = null;
  const out = [...read];
  for (let i = out.length - 1; i >= 0; i--) {
    const r = out[i]!;
    if (r.context.issuer !== null) issuer = r.context.issuer;
    else if (issuer !== null && (!r.mention.issuer || rules.issuerNamed(issuer)?.id === r.mention.issuer.id)) out[i] = { ...r, context: { ...r.context, issuer } };
    if (!r.mention.listed) issuer = null;
  }
  return out;
}

interface Keyed {
  mention: Mention;
  context: MentionContext;
  key: string;
}

function partialId(m: Mention): string {
  return `${m.type.name} ${m.number}`;
}

/**
 * The id of each mention: its symbol; for a partial reference, the symbol of
 * the same type and number the article gives (of the same issuer, when the
 * reference names one), else the symbol its issuer settles, else `TYPE NUMBER`.
 * Partial references with the same type and number share one id.
 */
function settleKeys(read: ReadonlyArray<{ mention: Mention; context: MentionContext }>, rules: DocumentRules): string[] {
  const settled = new Map<string, string>();
  for (const { mention } of read) {
    if (mention.symbol !== null) continue;
    const id = partialId(mention);
    if (settled.has(id)) continue;
    const named = read.filter((r) => r.mention.symbol === null && partialId(r.mention) === id).map((r) => r.context.issuer).find((i) => i !== null);
    const issuer = named ? rules.issuerNamed(named) : undefined;
    const full = new Set(
      read
        .map((r) => r.mention)
        .filter((m) => m.symbol !== null && m.type.id === mention.type.id && Number(m.number) === Number(mention.number) && (!issuer || m.issuer?.id === issuer.id))
        .map((m) => m.symbol!),
    );
    const symbol = full.size === 1 ? [...full][0]! : issuer && full.size === 0 ? settledSymbol(mention.type, mention.number, issuer) : null;
    settled.set(id, symbol ?? id);
  }
  return read.map(({ mention }) => mention.symbol ?? settled.get(partialId(mention))!);
}

/** One entity per id, with the first date, issuer and subject found; a second, different date is warned about. */
function group(keyed: readonly Keyed[], warn: (warning: Warning) => void): Found<Document>[] {
  const byKey = new Map<string, Keyed[]>();
  for (const k of keyed) byKey.set(k.key, [...(byKey.get(k.key) ?? []), k]);
  return [...byKey.entries()].map(([id, list]) => {
    const first = list[0]!;
    const typed = list.find((k) => k.mention.typeFromWord) ?? first;
    const symbolic = list.find((k) => k.mention.symbol === id);
    const dated = list.find((k) => k.context.date !== null);
    for (const k of list) {
      if (dated && k.context.date !== null && k.context.date !== dated.context.date) {
        warn({
          code: 'documents-date-conflict',
          message: `${id}: issue date ${k.context.date} differs from ${dated.context.date} given earlier; keeping ${dated.context.date}`,
          span: k.mention.span,
        });
      }
    }
    const issuer =
      list.find((k) => k.context.issuer !== null)?.context.issuer ??
      list.find((k) => k.context.symbolIssuer !== null)?.context.symbolIssuer ??
      (symbolic ?? first).mention.issuer?.name ??
      null;
    return {
      id,
      type: typed.mention.type.name,
      number: (symbolic ?? first).mention.number,
      year: symbolic?.mention.year ?? null,
      issuer,
      date: dated?.context.date ?? null,
      subject: list.find((k) => k.context.subject !== null)?.context.subject ?? null,
      written: [...new Set(list.map((k) => k.mention.written))],
      spans: list.map((k) => k.mention.span),
      rule: first.mention.rule,
    } satisfies Found<Document>;
  });
}
