/**
 * One article's section of the report: its metadata, warnings or error, the
 * text with every entity mention marked, a table of its entities by type and,
 * scored against gold, the gold items it missed.
 */
import type { ArticleScore } from '../../eval/score.js';
import type { ArticleRecord } from '../../model/record.js';
import type { EntityType, Span } from '../../model/entity.js';
import { escapeHtml, renderMarkedText, type Mark } from './marks.js';
import { moduleOf } from '../../extractors/registry.js';
import { entityDetails, entityTip, entityValue, goldValue, type Entity } from './values.js';

export interface ArticleView {
  record: ArticleRecord;
  /** The input text the record's spans point into. */
  text: string | undefined;
  /** Its score against gold, with `--gold`. */
  score: ArticleScore | undefined;
  /** Position in the report, for ids. */
  index: number;
  types: readonly EntityType[];
  /** The ` date YYYY-MM` header pattern (`rules.text.header`): metadata the report shows as Published, not as text. */
  header: RegExp | undefined;
}

/** The article text the report marks: the input from `start` (a code-point offset into it). */
interface Body {
  text: string;
  start: number;
}

/** A gold item the extraction missed, and where it was found in the text, if it was. */
interface Missed {
  type: EntityType;
  value: string;
  span: Span | null;
  id: string;
}

export function renderArticle(view: ArticleView): string {
  const { record, text, index } = view;
  const id = `a${index}`;
  let html = `<section class="article" id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${escapeHtml(record.file)}</h2>\n${renderMeta(record)}`;
  if (record.error) {
    return `${html}<p class="error" role="note"><strong>Not processed:</strong> ${escapeHtml(record.error.message)} [${escapeHtml(record.error.code)}]</p>\n</section>\n`;
  }
  html += renderWarnings(record, text);
  const spurious = new Set<unknown>(view.types.flatMap((type) => view.score?.types[type]?.spurious ?? []));
  const marks = view.types.flatMap((type) => entityMarks(id, type, record[type], spurious));
  const body = text === undefined ? undefined : articleBody(text, record.published === null ? undefined : view.header);
  const missed = locateMissed(id, view, body, marks);
  if (body === undefined) {
    html += `<p class="error" role="note">The article text was not given to the report, so its mentions cannot be shown.</p>\n`;
  } else {
    // Spans are offsets into the whole input: shifted to the body's.
    const shift = (m: Mark): Mark => ({ ...m, start: m.start - body.start, end: m.end - body.start });
    const marked = renderMarkedText(body.text, [...marks, ...missed.filter((m) => m.span).map((m) => missedMark(m))].map(shift));
    if (marked.dropped.length) html += `<p class="error" role="note">${marked.dropped.length} span(s) lie outside the text and are not highlighted.</p>\n`;
    html += `<div class="text" lang="vi">${marked.html}</div>\n`;
  }
  const matched = new Set<unknown>(view.types.flatMap((type) => view.score?.types[type]?.matches.map((m) => m.predicted) ?? []));
  html += renderEntityTable(id, view, spurious, matched);
  if (view.score) html += renderMissed(record.file, missed);
  return `${html}</section>\n`;
}

/**
 * The text after the article's header and the blanks after it: the header is
 * metadata (the Published row shows it). `header` is given only when the
 * record has a publication date, that is, when extraction read a header.
 */
function articleBody(text: string, header: RegExp | undefined): Body {
  const match = header?.exec(text);
  if (!match) return { text, start: 0 };
  const blanks = /^\s*/u.exec(text.slice(match.index + match[0].length))![0];
  const end = match.index + match[0].length + blanks.length;
  return { text: text.slice(end), start: Array.from(text.slice(0, end)).length };
}

function renderMeta(record: ArticleRecord): string {
  const primary = record.primaryProvince;
  const rows: Array<[string, string | null]> = [
    ['Title', record.title],
    ['Source', record.source],
    ['Author', record.author],
    ['Published', record.published],
    ['Reference date', record.referenceDate ? `${record.referenceDate} (${record.referenceDateSource})` : null],
    ['Primary province', primary ? `${primary.name} → ${primary.current.name} (${primary.current.code})` : null],
  ];
  const present = rows.filter((r): r is [string, string] => r[1] !== null);
  if (present.length === 0) return '';
  return `<dl class="meta">${present.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>\n`;
}

function renderWarnings(record: ArticleRecord, text: string | undefined): string {
  if (record.warnings.length === 0) return '';
  const chars = text === undefined ? [] : Array.from(text);
  const items = record.warnings.map((w) => {
    const quote = w.span && chars.length ? ` <q lang="vi">${escapeHtml(chars.slice(w.span[0], w.span[1]).join(''))}</q>` : '';
    return `<li><strong>${escapeHtml(w.code)}</strong>: ${escapeHtml(w.message)}${quote}</li>`;
  });
  return `<h3>Warnings</h3>\n<ul class="warnings">${items.join('')}</ul>\n`;
}

function entityMarks(articleId: string, type: EntityType, entities: readonly Entity[], spurious: Set<unknown>): Mark[] {
  const style = moduleOf(type).html;
  return entities.flatMap((entity, e) => {
    const value = entityValue(type, entity);
    const bad = spurious.has(entity);
    return entity.spans.map(([start, end], s) => ({
      start,
      end,
      className: `ent t-${type}${bad ? ' spurious' : ''}`,
      label: bad ? `${style.label} ✗` : style.label,
      tip: bad ? `${value} (spurious: matches no gold item)` : entityTip(type, entity),
      data: { type, value, ...(bad ? { gold: 'spurious' } : {}) },
      ...(s === 0 ? { id: `${articleId}-${type}-${e}` } : {}),
    }));
  });
}

/**
 * Each missed gold item is placed at the first occurrence in the body of one
 * of its texts that no extracted mention of its type already covers (when the
 * text is known); its span, as the record's, is an offset into the input.
 */
function locateMissed(articleId: string, view: ArticleView, body: Body | undefined, marks: readonly Mark[]): Missed[] {
  const missed: Missed[] = [];
  const claimed = marks.map((m) => ({ type: m.data?.['type'], start: m.start, end: m.end }));
  for (const type of view.types) {
    for (const item of view.score?.types[type]?.missed ?? []) {
      const { value, texts } = goldValue(type, item);
      const free = (s: number, e: number) => !claimed.some((c) => c.type === type && c.start < e && s < c.end);
      let span: Span | null = null;
      for (const t of texts) span ??= body === undefined ? null : findFree(body, t, free);
      if (span) claimed.push({ type, start: span[0], end: span[1] });
      missed.push({ type, value, span, id: `${articleId}-missed-${missed.length}` });
    }
  }
  return missed;
}

/** Code-point span in the input of the first occurrence of `needle` in the body that `free` accepts. */
function findFree({ text, start: offset }: Body, needle: string, free: (start: number, end: number) => boolean): Span | null {
  if (!needle) return null;
  const length = Array.from(needle).length;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const start = offset + Array.from(text.slice(0, at)).length;
    if (free(start, start + length)) return [start, start + length];
  }
  return null;
}

function missedMark(m: Missed): Mark {
  return {
    start: m.span![0],
    end: m.span![1],
    className: `ent t-${m.type} missed`,
    label: `missed ${moduleOf(m.type).html.label}`,
    tip: `missed: ${m.value}`,
    data: { type: m.type, value: m.value, gold: 'missed' },
    id: m.id,
  };
}

function renderEntityTable(articleId: string, view: ArticleView, spurious: Set<unknown>, matched: Set<unknown>): string {
  const withGold = view.score !== undefined;
  const groups = view.types
    .filter((type) => view.record[type].length > 0)
    .map((type) => {
      const entities: readonly Entity[] = view.record[type];
      const rows = entities.map((entity, e) => {
        const details = entityDetails(type, entity)
          .map(([k, v]) => `<span class="detail"><b>${k}</b> ${escapeHtml(v)}</span>`)
          .join('<br>');
        // neither matched nor spurious: a repeat of an entity that was scored (eval scores names and ids once)
        const verdict = spurious.has(entity) ? '<span class="flag bad">✗ spurious</span>' : matched.has(entity) ? '<span class="flag good">✓ matched</span>' : 'repeat, not scored';
        const gold = withGold ? `<td>${verdict}</td>` : '';
        // An implied entity (a province named only by its places) has no mention to show or link to.
        const link = entity.text === undefined ? '<i>implied</i>' : view.text === undefined ? escapeHtml(entity.text) : `<a href="#${articleId}-${type}-${e}">${escapeHtml(entity.text)}</a>`;
        return `<tr><td lang="vi">${link}</td><td>${escapeHtml(entityValue(type, entity))}</td><td class="num">${entity.spans.length}</td><td>${details}</td><td><code>${escapeHtml(entity.rule)}</code></td>${gold}</tr>`;
      });
      return `<tbody><tr><th colspan="${withGold ? 6 : 5}" scope="colgroup"><span class="key t-${type}"><span class="lbl">${moduleOf(type).html.label}</span></span> ${type} (${entities.length})</th></tr>${rows.join('')}</tbody>`;
    });
  if (groups.length === 0) return `<p>No entities found.</p>\n`;
  const head = `<thead><tr><th scope="col">Text</th><th scope="col">Value</th><th scope="col" class="num">Mentions</th><th scope="col">Details</th><th scope="col">Rule</th>${withGold ? '<th scope="col">Gold</th>' : ''}</tr></thead>`;
  return `<table class="entities"><caption class="sr-only">Entities of ${escapeHtml(view.record.file)} by type</caption>${head}${groups.join('')}</table>\n`;
}

function renderMissed(file: string, missed: readonly Missed[]): string {
  if (missed.length === 0) return `<p class="flag good">No gold item missed.</p>\n`;
  const rows = missed.map((m) => {
    const where = m.span ? `<a href="#${m.id}">at ${m.span[0]}–${m.span[1]}</a>` : 'not found in the text';
    return `<tr><td><span class="key t-${m.type}"><span class="lbl">${moduleOf(m.type).html.label}</span></span></td><td>${escapeHtml(m.value)}</td><td>${where}</td></tr>`;
  });
  return `<h3>Missed gold items (${missed.length})</h3>\n<table class="missed-items"><caption class="sr-only">Gold items of ${escapeHtml(file)} that no extraction matched</caption><thead><tr><th scope="col">Type</th><th scope="col">Gold value</th><th scope="col">Where</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`;
}
