/** A document entity: a numbered official document, with every form of its symbol seen. */
import { z } from 'zod';
import { mentionFields } from '../../model/entity.js';
import type { DocumentRules } from './rules.js';

export const DocumentSchema = z.object({
  ...mentionFields,
  id: z.string().describe('Canonical symbol (06-NQ/TU, 749/QĐ-TTg), or "TYPE NUMBER" when no symbol is known'),
  type: z.string().describe('Document type in full (Nghị quyết, Quyết định, ...)'),
  number: z.string().nullable(),
  year: z.number().int().nullable(),
  issuer: z.string().nullable(),
  date: z.string().nullable().describe('Issue date, ISO 8601'),
  subject: z.string().nullable(),
  written: z.array(z.string()).min(1).describe('Every surface form of the symbol seen'),
});

export type Document = z.infer<typeof DocumentSchema>;

declare module '../../model/entity.js' {
  interface EntityTypes {
    documents: { entity: Document; rules: DocumentRules };
  }
}
