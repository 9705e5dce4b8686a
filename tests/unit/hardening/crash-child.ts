// A program killed mid-work: imports pasted transcripts and codes them through dispatch as fast as it can,
// printing each write the API acknowledged ("doc ID LINES" or "seg ID") before the next begins.
import { dispatch } from '../../../electron/api/dispatch';
import { Session } from '../../../electron/api/session';

const [file, home, round] = process.argv.slice(2) as [string, string, string];
const session = new Session({ projects: home, config: home }, { rememberRecent: false });
session.open(file);
for (let i = 0; ; i++) {
  const lines = 20 + (i % 7);
  const text = Array.from({ length: lines }, (_, n) => `R${n % 3}: round ${round} doc ${i} line ${n} 😀`).join('\n');
  const imported = await dispatch(session, 'documents.import', { source: { name: `r${round}-d${i}`, text } });
  if (!imported.ok) throw new Error(imported.error.message);
  const documentId = (imported.result as { documentId: number }).documentId;
  process.stdout.write(`doc ${documentId} ${lines}\n`);
  for (let s = 0; s < 5; s++) {
    const coded = await dispatch(session, 'segments.create', {
      documentId,
      start: s * 3,
      end: s * 3 + 10,
      codeRefs: ['Theme'],
      createMissing: true,
      coder: 'Ann',
    });
    if (!coded.ok) throw new Error(coded.error.message);
    process.stdout.write(`seg ${(coded.result as { id: number }).id}\n`);
  }
}
