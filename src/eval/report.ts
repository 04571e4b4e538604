/** The `extract eval` table. */
import type { Summary } from './score.js';

const f3 = (n: number) => n.toFixed(3);

export function formatSummary(summary: Summary): string {
  const rows: string[][] = [['type', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1']];
  for (const [type, t] of Object.entries(summary.types)) rows.push([type, String(t.tp), String(t.fp), String(t.fn), f3(t.precision), f3(t.recall), f3(t.f1)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  const secondary = Object.entries(summary.secondary)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, v]) => `  ${key.padEnd(34)} ${f3(v.value)}  (${'hits' in v ? `${v.hits}/${v.total}` : `${v.overlap} shared tokens, ${v.predicted} predicted, ${v.gold} gold`})`);
  return [`${summary.articles} article(s) scored`, '', ...table, '', 'secondary:', ...secondary, ''].join('\n');
}
