import { DataError } from '../../../db/errors';
import { currentCoderId, ensureCoder, findCoder } from '../../../db/queries/coders';
import { applyPlan, autocodeSpec, findPassages, planAutocode, type AutocodeSpec } from '../../services/search/autocode';
import { listSpeakers } from '../../../db/queries/search';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../../../db/queries/saved-searches';
import { countHits, runArgs, runSearch, searchSpec } from '../../services/search/run';
import { z } from 'zod';
import type { Session } from '../session';
import { method } from '../define';
import { id, name } from '../schemas';

/** The coder auto-coding codes as: the named one (null if it does not exist yet), else the current one. */
function coderOf(session: Session, spec: AutocodeSpec): number | null {
  if (spec.coder !== undefined) return findCoder(session.db, spec.coder)?.id ?? null;
  const current = currentCoderId(session.db);
  if (current === null) throw new DataError('invalid', 'Choose a coder first (the coder menu in the status bar).');
  return current;
}

export const searchMethods = {
  'search.run': method({
    summary:
      'Searches the paragraphs: an FTS5 query (words, "phrases", prefix*, NEAR(a b), AND/OR/NOT; English stemming unless noStem) ' +
      'or a JavaScript regex (stopped after a time limit), in a scope of documents, cases, speakers, codes or uncoded text. ' +
      'Keyword-in-context hits (code-point offsets) in document order, one page at a time, and whether more follow (search.count counts them).',
    kind: 'query',
    args: runArgs,
    handler: (session, args) => runSearch(session.db, args),
  }),
  'search.count': method({
    summary: 'The number of hits of a search (as search.run takes it) in each document that has any, and in all.',
    kind: 'query',
    args: searchSpec,
    handler: (session, spec) => countHits(session.db, spec),
  }),
  'search.autocodePreview': method({
    summary: 'How many segments search.autocode would create with these arguments, and how many passages it would skip as already coded.',
    kind: 'query',
    args: autocodeSpec,
    handler: async (session, spec) => {
      const found = await findPassages(session.db, spec);
      const { plan, skipped } = planAutocode(session.db, spec, found, coderOf(session, spec) ?? 0);
      return { passages: found.length, segments: plan.length, skipped };
    },
  }),
  'search.autocode': method({
    summary:
      'Codes the hits of a search (all or chosen ones) grown to the hit, word, sentence, paragraph or speaker turn, or every turn of a speaker; ' +
      'skips passages the coder already coded with the code. One undo step.',
    kind: 'mutation',
    args: autocodeSpec,
    emits: (spec) => ['segments-changed', ...(spec.coder !== undefined ? (['coders-changed'] as const) : [])],
    undo: (spec) => (spec.speaker !== undefined ? `Auto-code ${spec.speaker}'s turns` : 'Auto-code search hits'),
    prepare: (session, spec) => findPassages(session.db, spec),
    handler: (session, spec, found) => {
      const coderId = spec.coder !== undefined ? ensureCoder(session.db, spec.coder).id : coderOf(session, spec)!;
      const { plan, skipped } = planAutocode(session.db, spec, found, coderId);
      return { segments: applyPlan(session.db, plan, coderId), skipped };
    },
  }),
  'search.speakers': method({
    summary: 'Every speaker of a paragraph, by name, for the speaker scope of a search.',
    kind: 'query',
    args: z.strictObject({}),
    handler: (session) => listSpeakers(session.db),
  }),
  'search.saved': method({
    summary: 'The saved searches, by name: each with the search as search.run takes it.',
    kind: 'query',
    args: z.strictObject({}),
    // A stored search that no longer reads (written by a later version) is left out rather than failing the list.
    handler: (session) =>
      listSavedSearches(session.db).flatMap((s) => {
        const search = searchSpec.safeParse(s.search);
        return search.success ? [{ id: s.id, name: s.name, search: search.data, savedAt: s.savedAt }] : [];
      }),
  }),
  'search.save': method({
    summary: 'Saves a search under a name for the list of saved searches (replacing one of that name). One undo step.',
    kind: 'mutation',
    args: z.strictObject({ name, search: searchSpec }),
    undo: (args) => `Save search "${args.name}"`,
    handler: (session, args) => ({ id: saveSearch(session.db, args.name, args.search) }),
  }),
  'search.deleteSaved': method({
    summary: 'Deletes a saved search. One undo step.',
    kind: 'mutation',
    args: z.strictObject({ id }),
    undo: () => 'Delete saved search',
    handler: (session, args) => {
      deleteSavedSearch(session.db, args.id);
      return {};
    },
  }),
};
