// Fix text… shown before it is stored (issue 19): the document and its codings take the edit here at once,
// so the paragraph is repainted in place in the frame after Enter; the refetches the edit's events set off
// find the same text and places (or put the stored ones in), so the answer lists only the codings the edit
// removed. On an error the view goes back to what is stored.
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import type { Query } from '../common/use-query';
import { documentAfterEdit, segmentsAfterEdit, type TextChange } from './local-edit';

type Document = ResultOf<'documents.get'>;
type Segment = ResultOf<'segments.list'>[number];

export function useLocalFix(docQuery: Query<Document>, segmentsQuery: Query<Segment[]>) {
  return async (documentId: number, change: TextChange): Promise<ResultOf<'documents.editText'>> => {
    const doc = docQuery.data;
    const segments = segmentsQuery.data;
    if (doc?.id === documentId) docQuery.set(documentAfterEdit(doc, change), true);
    const local = segments?.every((s) => s.documentId === documentId) ? segmentsAfterEdit(segments, change) : undefined;
    if (local) segmentsQuery.set(local, true);
    try {
      return await call('documents.editText', { documentId, ...change, withText: false, withSegments: false });
    } catch (error) {
      docQuery.reload();
      segmentsQuery.reload();
      throw error;
    }
  };
}
