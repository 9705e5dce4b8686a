// Code sets: named collections of codes across the tree.
import { z } from 'zod';
import { createCodeSet, deleteCodeSet, getCodeSet, listCodeSets, updateCodeSet } from '../../../db/queries/code-sets';
import { method } from '../define';
import { id, longText as text, name, none } from '../schemas';

const CODEBOOK = ['codebook-changed'] as const;

export const codeSetMethods = {
  'codeSets.list': method({
    summary: 'Code sets (named collections of codes across the tree) with their members.',
    kind: 'query',
    args: none,
    handler: (session) => listCodeSets(session.db),
  }),
  'codeSets.create': method({
    summary: 'Creates a code set, optionally with members.',
    kind: 'mutation',
    args: z.strictObject({ name, description: text.optional(), codeIds: z.array(id).max(100_000).optional() }),
    emits: CODEBOOK,
    undo: () => 'Create code set',
    handler: (session, args) => getCodeSet(session.db, createCodeSet(session.db, args)),
  }),
  'codeSets.update': method({
    summary: 'Renames or describes a code set, or replaces its members.',
    kind: 'mutation',
    args: z.strictObject({ id, name: name.optional(), description: text.optional(), codeIds: z.array(id).max(100_000).optional() }),
    emits: CODEBOOK,
    undo: (args) => (args.codeIds ? 'Change code set members' : 'Edit code set'),
    handler: (session, { id: setId, ...fields }) => {
      updateCodeSet(session.db, setId, fields);
      return getCodeSet(session.db, setId);
    },
  }),
  'codeSets.delete': method({
    summary: 'Deletes a code set (its codes stay).',
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: CODEBOOK,
    undo: () => 'Delete code set',
    handler: (session, args) => deleteCodeSet(session.db, args.id),
  }),
};
