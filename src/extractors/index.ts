/**
 * The extractors, in the order they run: each may read what those before it
 * found (dates skip the numbers inside document symbols; metrics skip numbers
 * that are dates or document symbols).
 *
 * Places run before provinces, which leave alone the names inside a place
 * (`thị xã Quảng Yên`, `TP Thanh Hóa`).
 *
 * Resolution runs after every extractor, once the reference date is known, in
 * `resolveOrder`: dates first, so that the others can use their values (a
 * document takes its issue date from the date that follows its number);
 * places before provinces, which add the province that an article's places
 * name when the article names none.
 */
import type { EntityType } from '../output/schema.js';
import { officialsExtractor } from './officials/index.js';
import { placesExtractor } from './places/index.js';
import { provincesExtractor } from './provinces/index.js';
import { documentsExtractor } from './documents/index.js';
import { datesExtractor } from './dates/index.js';
import { metricsExtractor } from './metrics/index.js';
import type { Extractor } from './types.js';

export const extractors: ReadonlyArray<Extractor<EntityType>> = [placesExtractor, provincesExtractor, documentsExtractor, datesExtractor, officialsExtractor, metricsExtractor] as ReadonlyArray<Extractor<EntityType>>;

export const resolveOrder: readonly EntityType[] = ['dates', 'places', 'provinces', 'documents', 'officials', 'metrics'];
