/**
 * The report's one stylesheet. Each entity type has a light highlight behind
 * dark text and a dark label badge with white text, both WCAG AA (tested);
 * the label names the type, so colour is never the only cue.
 */
import type { EntityType } from '../schema.js';

export const TEXT_COLOR = '#1b1b1b';
export const LABEL_TEXT_COLOR = '#ffffff';
/** Missed gold items and spurious extractions. */
export const GOLD_COLOR = '#b00020';

export interface TypeStyle {
  /** Singular label shown after each mark and in the legend. */
  label: string;
  /** Highlight behind the article text. */
  background: string;
  /** Label badge background, also the mark's border. */
  accent: string;
}

export const TYPE_STYLES: Record<EntityType, TypeStyle> = {
  provinces: { label: 'province', background: '#cde4ff', accent: '#0b4f8a' },
  places: { label: 'place', background: '#c9f0ee', accent: '#0f5f5a' },
  officials: { label: 'official', background: '#ffe1b8', accent: '#8a4b00' },
  documents: { label: 'document', background: '#e6dcff', accent: '#5b2e9e' },
  dates: { label: 'date', background: '#cdf2d6', accent: '#1b6b2f' },
  metrics: { label: 'metric', background: '#ffd7e2', accent: '#a0204a' },
};

const typeRules = Object.entries(TYPE_STYLES)
  .map(([type, s]) => `.t-${type}{background:${s.background};border-color:${s.accent}}.t-${type}>.lbl{background:${s.accent}}`)
  .join('\n');

export const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:${TEXT_COLOR};background:#fafafa}
main,header.report{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:0 0 .5rem;overflow-wrap:anywhere}
h3{font-size:1.05rem;margin:1rem 0 .4rem}
a{color:#0a4a8a}
:focus-visible{outline:3px solid #000;outline-offset:2px}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.92rem}
th,td{border:1px solid #c8c8c8;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#eeeeee}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tbody th[colspan]{background:#f4f4f4}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:0 1.5rem}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding:0;list-style:none}
.key{padding:.1rem .3rem;border-radius:.3rem;border:1px solid transparent}
.article{background:#fff;border:1px solid #d8d8d8;border-radius:.5rem;padding:1rem 1.25rem;margin:1.25rem 0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;margin:0 0 .75rem}
.meta dt{font-weight:600}.meta dd{margin:0}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1;border-top:1px solid #e4e4e4;padding-top:.75rem}
.error{border-left:4px solid ${GOLD_COLOR};padding:.25rem .75rem;background:#fff4f4}
.warnings li{margin:.15rem 0}
mark.ent{color:inherit;position:relative;padding:.1em .2em;border-radius:.3em;border:1px solid;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark.ent.cont{border-left-style:dashed}
mark.ent mark.ent{padding:0 .1em}
.lbl{display:inline-block;margin-left:.3em;padding:0 .3em;border-radius:.25em;font-size:.68em;line-height:1.5;font-weight:700;letter-spacing:.03em;text-transform:uppercase;vertical-align:middle;color:${LABEL_TEXT_COLOR};user-select:none;white-space:nowrap}
.tip{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;user-select:none}
mark.ent:hover:not(:has(mark.ent:hover))>.tip,mark.ent:focus>.tip{width:auto;height:auto;overflow:visible;clip-path:none;left:0;top:100%;z-index:10;margin-top:2px;padding:.15em .5em;background:#111;color:#fff;font-size:.85rem;line-height:1.5;border-radius:.3em;box-shadow:0 2px 6px rgba(0,0,0,.3)}
body.tips-hidden mark.ent>.tip{width:1px;height:1px;overflow:hidden;clip-path:inset(50%);padding:0}
${typeRules}
.ent.missed,.key.missed{background:repeating-linear-gradient(135deg,#ffffff 0 5px,#f0f0f0 5px 10px);border:2px dashed ${GOLD_COLOR}}
.ent.missed>.lbl,.key.missed>.lbl{background:${GOLD_COLOR}}
.spurious{text-decoration:underline wavy ${GOLD_COLOR};text-decoration-skip-ink:none;text-underline-offset:.25em;outline:2px dotted ${GOLD_COLOR};outline-offset:1px}
mark.spurious:focus-visible{outline:3px solid #000}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.flag{font-weight:700;white-space:nowrap}.flag.bad{color:${GOLD_COLOR}}.flag.good{color:#1b6b2f}
`;
