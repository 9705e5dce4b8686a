import { z } from 'zod';
import { listAttributes } from '../../../db/queries/cases';
import { CITATION_FIELDS, DEFAULT_CITATION_TEMPLATE } from '../../../shared/citation';
import { EXCERPT_FORMATS, exportExcerpts } from '../../services/excerpt-export';
import {
  citationTemplate,
  describeSelection,
  excerptSelection,
  saveCitationTemplate,
  selectExcerpts,
  templateArg,
} from '../../services/excerpts';
import { method } from '../define';
import { none } from '../schemas';

export const excerptMethods = {
  'excerpts.list': method({
    summary:
      'Coded excerpts chosen by codes (any or all, with or without sub-codes), a framework cell or slice, coders, documents and cases, grouped and ordered, a page at a time.',
    kind: 'query',
    args: z.strictObject({
      ...excerptSelection.shape,
      limit: z.number().int().min(1).max(500).default(200),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    handler: (session, { limit, offset, ...selection }) => selectExcerpts(session.db, selection, { limit, offset }),
  }),
  'excerpts.export': method({
    summary: 'Every excerpt of a selection, cited, as a DOCX, Markdown, HTML, CSV or XLSX file (base64).',
    kind: 'query',
    args: z.strictObject({
      ...excerptSelection.shape,
      format: z.enum(EXCERPT_FORMATS),
      /** The project's saved template when absent. */
      citationTemplate: templateArg.optional(),
      toc: z.boolean().default(true),
      pageNumbers: z.boolean().default(true),
      maxLength: z.number().int().min(10).max(1_000_000).optional(),
    }),
    handler: async (session, { format, citationTemplate: template, toc, pageNumbers, maxLength, ...selection }) => {
      const db = session.db;
      const { total, excerpts } = selectExcerpts(db, selection, { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
      const file = await exportExcerpts(
        {
          ...describeSelection(db, selection, total),
          excerpts,
          attributes: listAttributes(db).map((a) => a.name),
          template: template ?? citationTemplate(db),
          toc,
          pageNumbers,
          maxLength: maxLength ?? null,
        },
        format,
      );
      return { fileName: file.fileName, mimeType: file.mimeType, base64: file.data.toString('base64'), excerpts: total };
    },
  }),
  'excerpts.citationTemplate': method({
    summary: "The project's citation template, the default one and the fields a template can use.",
    kind: 'query',
    args: none,
    handler: (session) => ({ template: citationTemplate(session.db), default: DEFAULT_CITATION_TEMPLATE, fields: CITATION_FIELDS }),
  }),
  'excerpts.setCitationTemplate': method({
    summary: 'Saves the citation template in the project.',
    kind: 'mutation',
    args: z.strictObject({ template: templateArg }),
    handler: (session, { template }) => ({ template: saveCitationTemplate(session.db, template) }),
  }),
};
