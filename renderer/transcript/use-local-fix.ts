// Fix text… shown before it is stored (issue 19): the document and its codings take the edit here at once,
// so the paragraph is repainted in place in the frame after Enter; the API's answer then checks the codings'
// places and its events' refetches find the same text. On an error the view goes back to what is stored.
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import type { Query } from '../common/use-query';
import { documentAfterEdit, reconcileSegments, segmentsAfterEdit, type TextChange } from './local-edit';

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
      const result = await call('documents.editText', { documentId, ...change, withText: false });
      // Unless a refetch has brought newer codings meanwhile.
      if (local) segmentsQuery.set((shown) => (shown === local ? reconcileSegments(local, result.segments) : shown!), false);
      return result;
    } catch (error) {
      docQuery.reload();
      segmentsQuery.reload();
      throw error;
    }
  };
}
