import { z } from 'zod';
import { listCases, listAttributes } from '../../../db/queries/cases';
import { currentCoderId, ensureCoder, getCoder, listCoders } from '../../../db/queries/coders';
import { codeRefLabels } from '../../../db/queries/code-refs';
import { codeTree } from '../../../db/queries/codes';
import { getDocument, listDocuments } from '../../../db/queries/documents';
import { activeFrameworkId, listFrameworks } from '../../../db/queries/frameworks';
import { setMeta } from '../../../db/queries/meta';
import { method } from '../define';
import { id, name, none } from '../schemas';

export const workspaceMethods = {
  'documents.list': method({
    summary: 'All documents with their sizes, segment counts and cases.',
    kind: 'query',
    args: none,
    handler: (session) => listDocuments(session.db),
  }),
  'documents.get': method({
    summary: "One document's canonical text and its paragraphs (offsets in code points).",
    kind: 'query',
    args: z.strictObject({ id }),
    handler: (session, args) => getDocument(session.db, args.id),
  }),
  'cases.list': method({
    summary: 'Cases with their attribute values and documents, and the attribute definitions.',
    kind: 'query',
    args: none,
    handler: (session) => ({ attributes: listAttributes(session.db), cases: listCases(session.db) }),
  }),
  'codebook.tree': method({
    summary: 'The code tree with colours and counts (all coders, or one).',
    kind: 'query',
    args: z.strictObject({ coderId: id.optional() }),
    handler: (session, args) => codeTree(session.db, args.coderId ?? null),
  }),
  'codebook.refs': method({
    summary: 'How the CLI and exports name each code: paths, and framework cells/slices as "MGF:System/Constitutive".',
    kind: 'query',
    args: none,
    handler: (session) => [...codeRefLabels(session.db)].map(([id, ref]) => ({ id, ref })),
  }),
  'frameworks.list': method({
    summary: "The project's frameworks (rows, columns, slices, cell codes) and which one is active.",
    kind: 'query',
    args: none,
    handler: (session) => ({
      activeId: activeFrameworkId(session.db),
      frameworks: listFrameworks(session.db),
    }),
  }),
  'coders.list': method({
    summary: 'Coders with their colours and segment counts, and the current coder.',
    kind: 'query',
    args: none,
    handler: (session) => ({ currentId: currentCoderId(session.db), coders: listCoders(session.db) }),
  }),
  'coders.use': method({
    summary: 'Makes the named coder current, creating the coder on first use.',
    kind: 'mutation',
    args: z.strictObject({ name }),
    emits: ['coders-changed'],
    handler: (session, args) => {
      const coder = ensureCoder(session.db, args.name);
      setMeta(session.db, 'current_coder_id', String(coder.id));
      return getCoder(session.db, coder.id);
    },
  }),
};
