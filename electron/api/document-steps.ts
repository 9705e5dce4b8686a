// A handler file holds only its method table (tests/unit/api/methods.test.ts), so these labels live here.
/** The undo labels of documents' steps: undoing or redoing one changes what the documents views show. */
export const DOCUMENT_STEPS = {
  rename: 'Rename document',
  move: 'Reorder documents',
  delete: 'Delete document',
  link: 'Link recording',
  unlink: 'Unlink recording',
  time: 'Set turn time',
} as const;
