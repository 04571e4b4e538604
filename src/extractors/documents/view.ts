/** How documents are shown: CSV columns, the HTML report's marks, and their gold scoring. */
import { z } from 'zod';
import { dedupe, foldDocumentId, matchItems } from '../../eval/match.js';
import { foldName } from '../../normalize/forms.js';
import { oneOrMany, oneOrManyList } from '../../eval/gold-fields.js';
import type { CsvColumns, GoldView, HtmlView } from '../types.js';
import type { Document } from './schema.js';

export const documentsCsv: CsvColumns<Document> = {
  columns: ['id', 'type_name', 'number', 'year', 'issuer', 'date', 'subject', 'written'],
  cells: (d) => ({ ...d, type_name: d.type }),
};

export const documentsHtml: HtmlView<Document> = {
  label: 'document',
  background: '#e6dcff',
  accent: '#5b2e9e',
  value: (d) => d.id,
  details: (d) => [['type', d.type], ['issuer', d.issuer], ['date', d.date], ['subject', d.subject], ['written', d.written.join(', ')]],
};

const DocumentsGold = z.array(
  z.object({
    id: oneOrMany,
    type: z.string().nullable().optional(),
    number: z.string().nullable().optional(),
    date: z.string().nullable().optional(),
    issuer: z.string().nullable().optional(),
    written: z.array(z.string()).optional(),
    optional: z.boolean().optional(),
  }),
);

/** Ids as a set (no spaces, every dash as `-`, case-folded; a list of ids matches any); date, type and issuer on the matched ids. */
export const documentsGold: GoldView<'documents', z.infer<typeof DocumentsGold>> = {
  schema: DocumentsGold,
  score(gold, record, figures) {
    const ids = (id: string | readonly string[]) => oneOrManyList(id).map(foldDocumentId);
    const result = matchItems(gold, dedupe(record.documents, (d) => foldDocumentId(d.id)), (g, p) => ids(g.id).includes(foldDocumentId(p.id)));
    for (const { gold: g, predicted: p } of result.matches) {
      if (g.date !== undefined) figures.ratio('documents.date accuracy', (g.date ?? null) === p.date);
      if (g.type !== undefined) figures.ratio('documents.type accuracy', foldName(g.type ?? '') === foldName(p.type));
      if (g.issuer !== undefined) figures.ratio('documents.issuer accuracy', foldName(g.issuer ?? '') === foldName(p.issuer ?? ''));
    }
    return result;
  },
  describe: (item) => {
    const g = item as { id?: string | string[]; written?: string[] };
    return { value: oneOrManyList(g.id).join(' or '), texts: [...oneOrManyList(g.written), ...oneOrManyList(g.id)] };
  },
};
