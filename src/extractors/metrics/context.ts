/** What the metrics module sees of an article: the types it reads, as declared in its module. */
import type { ExtractContext, ResolveContext } from '../types.js';

/** Numbers inside dates and document symbols are no quantities, province names no actors; dates give periods, provinces and places where. */
export type Needs = 'dates' | 'documents' | 'provinces' | 'places';

export type MetricsExtractContext = ExtractContext<'metrics', Needs>;
export type MetricsResolveContext = ResolveContext<'metrics', Needs>;
