import { z } from 'zod';
import { CITATION_FIELDS, DEFAULT_CITATION_TEMPLATE } from '../../../shared/citation';
import { EXCERPT_FORMATS } from '../../services/excerpt-export';
import { citationTemplate, excerptSelection, saveCitationTemplate, selectExcerpts, templateArg } from '../../services/excerpts';
import { runInWorker } from '../../services/jobs/run-in-worker';
import { method } from '../define';
import { jobId, none } from '../schemas';

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
      job: jobId.optional(),
    }),
    // In a worker with its own read-only connection: the API keeps answering, and `job` can follow or cancel it.
    handler: (session, { format, citationTemplate: template, toc, pageNumbers, maxLength, job, ...selection }) =>
      session.jobs.run(job, (control) =>
        runInWorker(
          'excerpts.export',
          { project: session.file, selection, format, template: template ?? null, toc, pageNumbers, maxLength: maxLength ?? null },
          control,
          { file: session.file },
        ),
      ),
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
