/**
 * `--format html`: one self-contained page (no network: a Content-Security-
 * Policy allows only its own stylesheet and script) with a summary of the
 * run at the top, a legend, then one section per article. The summary needs
 * every record, so sections are kept until the end and the page is written
 * whole by `end()`.
 */
import { summarize, type ArticleScore } from '../../eval/score.js';
import { ENTITY_TYPES, moduleOf } from '../../extractors/registry.js';
import type { ArticleRecord } from '../../model/record.js';
import type { EntityType } from '../../model/entity.js';
import type { Province } from '../../extractors/provinces/schema.js';
import type { RecordContext, RecordWriter } from '../record-writer.js';
import { renderArticle } from './article.js';
import { escapeHtml } from './marks.js';
import { selfContainedPage } from './page.js';
import { SCRIPT } from './script.js';
import { STYLESHEET } from './style.js';

interface TypeTotals {
  entities: number;
  mentions: number;
  articles: number;
}

interface ProvinceTotals {
  province: Province;
  articles: number;
  primary: number;
}

interface ContentsEntry {
  index: number;
  record: ArticleRecord;
  entities: number;
  scored: boolean;
}

export interface HtmlWriterOptions {
  only?: readonly EntityType[] | undefined;
  gold?: boolean | undefined;
  /** The article header pattern (`rules.text.header`): each article's text is shown from after it. */
  header?: RegExp | undefined;
}

export function htmlWriter(options: HtmlWriterOptions = {}): RecordWriter {
  const types = options.only ?? ENTITY_TYPES;
  const gold = options.gold === true;
  const sections: string[] = [];
  const contents: ContentsEntry[] = [];
  const byType = Object.fromEntries(types.map((t) => [t, { entities: 0, mentions: 0, articles: 0 }])) as Record<EntityType, TypeTotals>;
  const provinces = new Map<string, ProvinceTotals>();
  const warnings = new Map<string, number>();
  const errors: ArticleRecord[] = [];
  const scores: ArticleScore[] = [];

  return {
    write(record: ArticleRecord, context: RecordContext = {}) {
      const index = sections.length + 1;
      if (context.score) scores.push(context.score);
      sections.push(renderArticle({ record, text: context.text, score: context.score, index, types, header: options.header }));
      contents.push({ index, record, entities: types.reduce((n, t) => n + record[t].length, 0), scored: context.score !== undefined });
      if (record.error) errors.push(record);
      for (const w of record.warnings) warnings.set(w.code, (warnings.get(w.code) ?? 0) + 1);
      for (const type of types) {
        const total = byType[type];
        total.entities += record[type].length;
        total.mentions += record[type].reduce((n, e) => n + e.spans.length, 0);
        if (record[type].length) total.articles++;
      }
      if (types.includes('provinces')) {
        for (const p of record.provinces) {
          const total = provinces.get(p.name) ?? { province: p, articles: 0, primary: 0 };
          total.articles++;
          if (p.primary) total.primary++;
          provinces.set(p.name, total);
        }
      }
      return '';
    },
    end() {
      const summary = [
        renderTotals(contents.length, errors.length, [...warnings.values()].reduce((a, b) => a + b, 0)),
        renderLegend(types, gold),
        `<div class="cols"><div>${renderTypeTable(types, byType)}</div><div>${types.includes('provinces') ? renderProvinces([...provinces.values()]) : ''}</div></div>\n`,
        gold ? renderScores(types, scores, contents.length) : '',
        renderProblems(warnings, errors),
        renderContents(contents, gold),
      ].join('');
      return page(contents.length, summary, sections.join(''));
    },
  };
}

function page(articles: number, summary: string, sections: string): string {
  const body = `<header class="report" aria-labelledby="summary-h">
<h1 id="summary-h">Entities in ${plural(articles, 'article')}</h1>
${summary}</header>
<main aria-label="Articles">
${sections}</main>
`;
  return selfContainedPage({ title: `extract report: ${plural(articles, 'article')}`, styles: [STYLESHEET], scripts: [SCRIPT], body });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function renderTotals(articles: number, errors: number, warnings: number): string {
  return `<p class="totals">${plural(articles, 'article')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}. Hover over or focus (Tab) a highlighted mention to see its normalised value; Escape hides it.</p>\n`;
}

function renderLegend(types: readonly EntityType[], gold: boolean): string {
  const keys = types.map((t) => `<li><span class="key t-${t}"><span class="lbl">${moduleOf(t).html.label}</span></span> ${t}</li>`);
  if (gold) {
    keys.push(`<li><span class="key missed">text<span class="lbl">missed date</span></span> in gold, not extracted</li>`);
    keys.push(`<li><span class="key spurious t-dates">text<span class="lbl">date ✗</span></span> extracted, matches no gold item</li>`);
  }
  return `<h2>Legend</h2>\n<ul class="legend">${keys.join('')}</ul>\n`;
}

function renderTypeTable(types: readonly EntityType[], byType: Record<EntityType, TypeTotals>): string {
  const rows = types.map((t) => {
    const { entities, mentions, articles } = byType[t];
    return `<tr><th scope="row">${t}</th><td class="num">${entities}</td><td class="num">${mentions}</td><td class="num">${articles}</td></tr>`;
  });
  return `<h2>Entities per type</h2>\n<table class="summary-types"><thead><tr><th scope="col">Type</th><th scope="col" class="num">Entities</th><th scope="col" class="num">Mentions</th><th scope="col" class="num">Articles</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`;
}

function renderScores(types: readonly EntityType[], scores: readonly ArticleScore[], articles: number): string {
  const totals = summarize(scores).types;
  const pct = (x: number) => x.toFixed(2);
  const rows = types.flatMap((t) => {
    const s = totals[t];
    if (!s) return [];
    return `<tr><th scope="row">${t}</th><td class="num">${s.tp}</td><td class="num">${s.fp}</td><td class="num">${s.fn}</td><td class="num">${pct(s.precision)}</td><td class="num">${pct(s.recall)}</td><td class="num">${pct(s.f1)}</td></tr>`;
  });
  const unscored = articles - scores.length;
  return `<h2>Against gold</h2>\n<p>${plural(scores.length, 'article')} scored as <code>extract eval</code> counts${unscored ? `; ${unscored} without a gold file` : ''}. False positives are marked ✗ spurious in the text, false negatives are listed as missed under each article.</p>\n<table class="summary-scores"><thead><tr><th scope="col">Type</th><th scope="col" class="num">TP</th><th scope="col" class="num">FP</th><th scope="col" class="num">FN</th><th scope="col" class="num">Precision</th><th scope="col" class="num">Recall</th><th scope="col" class="num">F1</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`;
}

function renderProvinces(provinces: ProvinceTotals[]): string {
  if (provinces.length === 0) return `<h2>Provinces covered</h2>\n<p>None.</p>\n`;
  provinces.sort((a, b) => b.articles - a.articles || a.province.name.localeCompare(b.province.name, 'vi'));
  const rows = provinces.map(({ province: p, articles, primary }) => `<tr><td>${escapeHtml(p.name)} (${p.code})</td><td>${escapeHtml(p.current.name)} (${p.current.code})</td><td class="num">${articles}</td><td class="num">${primary}</td></tr>`);
  return `<h2>Provinces covered (${provinces.length})</h2>\n<table class="summary-provinces"><thead><tr><th scope="col">Province</th><th scope="col">Today</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Primary in</th></tr></thead><tbody>${rows.join('')}</tbody></table>\n`;
}

function renderProblems(warnings: Map<string, number>, errors: readonly ArticleRecord[]): string {
  let html = '';
  if (warnings.size) {
    const items = [...warnings].map(([code, n]) => `<li><strong>${escapeHtml(code)}</strong> × ${n}</li>`);
    html += `<h2>Warnings</h2>\n<ul>${items.join('')}</ul>\n`;
  }
  if (errors.length) {
    const items = errors.map((r) => `<li>${escapeHtml(r.file)}: ${escapeHtml(r.error?.message ?? '')} [${escapeHtml(r.error?.code ?? '')}]</li>`);
    html += `<h2>Errors</h2>\n<ul class="error">${items.join('')}</ul>\n`;
  }
  return html;
}

function renderContents(contents: readonly ContentsEntry[], gold: boolean): string {
  const items = contents.map(({ index, record, entities, scored }) => {
    const about = record.error ? `error: ${record.error.code}` : `${record.primaryProvince?.name ?? 'no primary province'}, ${entities} ${entities === 1 ? 'entity' : 'entities'}${gold && !scored ? ', no gold file' : ''}`;
    return `<li><a href="#a${index}">${escapeHtml(record.file)}</a> (${escapeHtml(about)})</li>`;
  });
  return `<h2>Articles</h2>\n<ol class="contents">${items.join('')}</ol>\n`;
}
