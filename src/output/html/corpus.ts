/**
 * `extract corpus --format html`: the fact base on one self-contained page,
 * in the report's style: where articles disagree (each value with the
 * articles and spans that state it), then every fact, and each series of
 * more than one period drawn as a small chart. The charting library is
 * inlined (chart-library.ts); the Content-Security-Policy allows only the
 * page's own stylesheets and scripts, so nothing is fetched.
 */
import type { Finding, Source, StatedValue } from '../../corpus/findings.js';
import { seriesCells, SERIES_COLUMNS, type FactRow, type Series } from '../../corpus/series.js';
import { chartLibrary } from './chart-library.js';
import { escapeHtml } from './marks.js';
import { selfContainedPage } from './page.js';
import { moduleOf } from '../../extractors/registry.js';
import { STYLESHEET } from './style.js';

export interface CorpusPage {
  articles: number;
  findings: readonly Finding[];
  facts: readonly FactRow[];
  series: readonly Series[];
}

const CORPUS_STYLE = `
.finding{background:#fff;border:1px solid #d8d8d8;border-left:4px solid #b00020;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
.finding h3{margin:0 0 .4rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:1rem;margin-bottom:1.5rem}
figure.chart{background:#fff;border:1px solid #d8d8d8;border-radius:.5rem;margin:0;padding:.5rem}
figure.chart figcaption{font-weight:600;margin-bottom:.25rem}
.plot{min-height:200px}
`;

/** Draws each `.plot` from the page's series data. */
const CHART_SCRIPT = `(() => {
  const data = JSON.parse(document.getElementById('series-data').textContent);
  const color = ${JSON.stringify(moduleOf('metrics').html.accent)};
  const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
  for (const el of document.querySelectorAll('.plot')) {
    const s = data[Number(el.dataset.series)];
    const opts = {
      width: Math.max(280, el.clientWidth), height: 200,
      scales: { x: { time: true } },
      series: [{}, { label: s.unit, stroke: color, width: 2, points: { size: 7, fill: color } }],
      axes: [{}, { size: 60, values: (u, ticks) => ticks.map((v) => compact.format(v)) }],
      legend: { show: false },
    };
    new uPlot(opts, [s.points.map((p) => p.start), s.points.map((p) => p.value)], el);
  }
})();`;

export function corpusPage(page: CorpusPage): string {
  const { script, stylesheet } = chartLibrary();
  const data = JSON.stringify(page.series).replace(/</g, '\\u003c');
  const body = `<header class="report">
<h1>Facts in ${plural(page.articles, 'article')}</h1>
<p class="totals">${plural(page.findings.length, 'disagreement')} between articles, ${plural(page.facts.length, 'fact')}, ${plural(page.series.length, 'series', 'series')} over more than one period.</p>
</header>
<main>
${renderFindings(page.findings)}
${renderCharts(page.series)}
${renderFacts(page.facts)}
</main>
<script type="application/json" id="series-data">${data}</script>
`;
  return selfContainedPage({ title: `extract corpus: ${plural(page.articles, 'article')}`, styles: [STYLESHEET, stylesheet, CORPUS_STYLE], scripts: [script, CHART_SCRIPT], body });
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function renderFindings(findings: readonly Finding[]): string {
  const body = findings.length ? findings.map(renderFinding).join('\n') : '<p>None: the articles agree wherever they state the same thing.</p>';
  return `<section aria-labelledby="findings-h" id="findings">\n<h2 id="findings-h">Where articles disagree (${findings.length})</h2>\n${body}\n</section>`;
}

function renderFinding(f: Finding): string {
  const heading =
    f.finding === 'document'
      ? `Document ${escapeHtml(f.document)}: ${f.field}`
      : f.finding === 'official-titles'
        ? `${escapeHtml(f.name)}: titles in ${escapeHtml(f.organization)}, ${escapeHtml(f.month)}`
        : `${escapeHtml(f.indicatorId)}, ${escapeHtml(f.place)}, ${escapeHtml(f.period)} (${escapeHtml(f.kind)}, ${escapeHtml(f.unit)})`;
  const rows = f.values.map((v: StatedValue) => `<tr><td>${escapeHtml(String(v.value))}</td><td><ul>${v.sources.map(renderSource).join('')}</ul></td></tr>`);
  return `<article class="finding" data-finding="${f.finding}"><h3>${heading}</h3><table><thead><tr><th scope="col">Stated</th><th scope="col">Where</th></tr></thead><tbody>${rows.join('')}</tbody></table></article>`;
}

function renderSource(s: Source): string {
  const spans = s.spans.map(([a, b]) => `[${a}, ${b})`).join(', ');
  return `<li>${escapeHtml(s.file)}${s.text ? `: “${escapeHtml(s.text)}”` : ''} <span class="spans">${spans}</span></li>`;
}

function renderCharts(series: readonly Series[]): string {
  if (!series.length) return '<section aria-labelledby="charts-h"><h2 id="charts-h">Series</h2><p>No indicator is reported for more than one period at one place.</p></section>';
  const figures = series.map((s, i) => {
    const caption = `${escapeHtml(s.indicatorId)}, ${escapeHtml(s.place ?? 'no place')} (${escapeHtml(s.unit)}${s.kind === 'level' ? '' : `, ${escapeHtml(s.kind)}`})`;
    const label = s.points.map((p) => `${p.period}: ${p.value}`).join('; ');
    return `<figure class="chart"><figcaption>${caption}</figcaption><div class="plot" data-series="${i}" role="img" aria-label="${escapeHtml(label)}"></div></figure>`;
  });
  return `<section aria-labelledby="charts-h"><h2 id="charts-h">Series (${series.length})</h2>\n<div class="charts">${figures.join('\n')}</div></section>`;
}

function renderFacts(facts: readonly FactRow[]): string {
  const head = SERIES_COLUMNS.map((c) => `<th scope="col">${c}</th>`).join('');
  const rows = facts.map((f) => `<tr>${seriesCells(f).map((c) => `<td>${escapeHtml(c ?? '')}</td>`).join('')}</tr>`);
  return `<section aria-labelledby="facts-h"><h2 id="facts-h">Facts (${facts.length})</h2>\n<table class="facts"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
