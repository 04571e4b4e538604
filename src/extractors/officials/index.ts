/**
 * Officials: people named together with a public office, with their titles
 * and every mention of them in the article.
 *
 * Recognisers, one per form (each in its own file), find mentions of a
 * person with titles: a name then its titles (also captions), a list after
 * `Các đồng chí:`, a title then the name, and the official's byline.
 * Coreference then merges them per person and adds the later short mentions
 * (`Ông Quyết`, the title alone). Once the primary province is known, each
 * official gets the province of their office (`province.ts`). Names are runs of capitalised syllables
 * that begin with a surname (rules/names.yaml) unless an honorific
 * introduces them; vntk's word segmentation decides where a name may begin
 * inside a capitalised run (`Hải Dương Nguyễn Cao Thắng`).
 */
import type { EntityModule } from '../types.js';
import { recogniseNameThenTitle } from './appositive.js';
import { recogniseOfficialByline } from './byline.js';
import { recogniseListOfOfficials } from './comrade-list.js';
import { resolveCoreference } from './coreference.js';
import { withProvince } from './province.js';
import { recogniseSharedTitleList } from './shared-title-list.js';
import type { Scan } from './mention.js';
import { officialRules } from './rules.js';
import { OfficialSchema } from './schema.js';
import { recogniseTitleThenName } from './title-before-name.js';
import { officialsCsv, officialsGold, officialsHtml } from './view.js';

export const officialsModule: EntityModule<'officials', 'provinces', 'provinces'> = {
  type: 'officials',
  schema: OfficialSchema,
  rules: officialRules,
  needs: ['provinces'],

  extract(ctx) {
    const { doc } = ctx;
    const scan: Scan = {
      stream: doc.stream,
      rules: ctx.rules.officials,
      names: ctx.rules.names,
      provinces: ctx.found.provinces.flatMap((p) => p.spans),
    };
    const mentions = [
      ...recogniseNameThenTitle(scan),
      ...recogniseListOfOfficials(scan),
      ...recogniseSharedTitleList(scan),
      ...recogniseTitleThenName(scan),
      ...recogniseOfficialByline(scan, doc.byline),
    ];
    return resolveCoreference(scan, mentions);
  },

  resolve: {
    needs: ['provinces'],
    run: (officials, ctx) => withProvince(officials, ctx.found.provinces, ctx.doc, ctx.rules.officials),
  },
  csv: officialsCsv,
  html: officialsHtml,
  gold: officialsGold,
};
