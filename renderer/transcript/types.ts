import type { JumpRequest } from './TranscriptView';

/** A passage another view asks the transcript to show (code points, end exclusive). */
export type TranscriptTarget = Pick<JumpRequest, 'documentId' | 'start' | 'end'>;
