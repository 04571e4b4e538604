/**
 * The charting library the corpus page draws its series with: uPlot (MIT,
 * a small canvas time-series library), read from its package and inlined in
 * the page, so the page needs no network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface ChartLibrary {
  script: string;
  stylesheet: string;
}

let library: ChartLibrary | undefined;

export function chartLibrary(): ChartLibrary {
  library ??= {
    script: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    stylesheet: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return library;
}
