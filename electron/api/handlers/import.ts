// Reading transcripts before importing them: which files a choice of paths holds, and a preview of one.
import { z } from 'zod';
import { findDocumentByText, uniqueDocumentName } from '../../../db/queries/documents';
import { sliceCodePoints } from '../../../shared/offsets';
import { expandPaths, readTranscript } from '../../services/import/read';
import { method } from '../define';
import { requireChosen, requireChosenSource } from '../file-access';
import { encoding, filePath, speakerOptions, transcriptSource, UPLOAD_BODY_BYTES } from '../schemas';

const SAMPLE_PARAGRAPHS = 6;
const SAMPLE_CHARACTERS = 240;

export const importMethods = {
  'import.scan': method({
    summary: 'The files to import from paths the person chose: folders are walked (hidden files skipped), files pass as given.',
    kind: 'query',
    args: z.strictObject({ paths: z.array(filePath).min(1).max(10_000) }),
    handler: (session, args) => ({ files: expandPaths(args.paths.map((p) => requireChosen(session, p))) }),
  }),
  'import.preview': method({
    summary: 'Reads one transcript without importing it: format, speakers found, a sample, and whether the project has it already.',
    kind: 'query',
    args: z.strictObject({ source: transcriptSource, ...speakerOptions, encoding }),
    maxBodyBytes: UPLOAD_BODY_BYTES,
    handler: async (session, args) => {
      const file = await readTranscript(requireChosenSource(session, args.source), args);
      const { transcript } = file;
      const lines = transcript.text.split('\n', SAMPLE_PARAGRAPHS);
      return {
        file: file.file,
        name: uniqueDocumentName(session.db, file.baseName),
        format: file.format,
        encoding: file.encoding,
        characters: transcript.paragraphs.at(-1)!.end,
        paragraphs: transcript.paragraphs.length,
        speakers: transcript.speakers,
        sample: lines.map((text, i) => ({ text: sliceCodePoints(text, 0, SAMPLE_CHARACTERS), speaker: transcript.paragraphs[i]!.speaker })),
        notes: file.notes,
        duplicateOf: findDocumentByText(session.db, transcript.text)?.name ?? null,
      };
    },
  }),
};
