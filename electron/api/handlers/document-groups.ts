// Document groups: folders of documents (a document may be in several), filters of the matrix and excerpts.
import { z } from 'zod';
import {
  createDocumentGroup,
  deleteDocumentGroup,
  listDocumentGroups,
  renameDocumentGroup,
  setDocumentGroupMembers,
} from '../../../db/queries/document-groups';
import { method } from '../define';
import { id, name, none } from '../schemas';

const documentIds = z.array(id).max(100_000);

export const documentGroupMethods = {
  'documentGroups.list': method({
    summary: 'Every document group with its documents (in document order).',
    kind: 'query',
    args: none,
    handler: (session) => listDocumentGroups(session.db),
  }),
  'documentGroups.create': method({
    summary: 'Creates a document group (names are unique, case-insensitively), optionally with documents in it.',
    kind: 'mutation',
    args: z.strictObject({ name, documentIds: documentIds.optional() }),
    emits: ['documents-changed'],
    undo: () => 'Create document group',
    handler: (session, args) => {
      const groupId = createDocumentGroup(session.db, args.name, args.documentIds ?? []);
      return listDocumentGroups(session.db).find((g) => g.id === groupId)!;
    },
  }),
  'documentGroups.rename': method({
    summary: 'Renames a document group.',
    kind: 'mutation',
    args: z.strictObject({ id, name }),
    emits: ['documents-changed'],
    undo: () => 'Rename document group',
    handler: (session, args) => {
      renameDocumentGroup(session.db, args.id, args.name);
      return { id: args.id, name: args.name };
    },
  }),
  'documentGroups.setMembers': method({
    summary: "Makes the listed documents a group's members (adding and removing as needed).",
    kind: 'mutation',
    args: z.strictObject({ id, documentIds }),
    emits: ['documents-changed'],
    undo: () => 'Change document group',
    handler: (session, args) => {
      setDocumentGroupMembers(session.db, args.id, args.documentIds);
      return listDocumentGroups(session.db).find((g) => g.id === args.id)!;
    },
  }),
  'documentGroups.delete': method({
    summary: 'Deletes a document group; its documents stay in the project.',
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: ['documents-changed'],
    undo: () => 'Delete document group',
    handler: (session, args) => {
      deleteDocumentGroup(session.db, args.id);
      return { id: args.id };
    },
  }),
};
