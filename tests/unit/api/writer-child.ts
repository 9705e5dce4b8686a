// A second program writing the same project: opens it with its own session and codes COUNT passages
// through dispatch, as the CLI or another host would; prints how many calls failed and why.
import { dispatch } from '../../../electron/api/dispatch';
import { Session } from '../../../electron/api/session';

const [file, home, coder, count, startAt] = process.argv.slice(2) as [string, string, string, string, string];
const session = new Session({ projects: home, config: home }, { rememberRecent: false });
session.open(file);
const documentId = (session.db.prepare('SELECT id FROM documents ORDER BY id LIMIT 1').get() as { id: number }).id;
const failures: string[] = [];
// Both writers start together, so their calls interleave.
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 5));
for (let i = 0; i < Number(count); i++) {
  // A read before the write, as the app does, so a deferred transaction would have to upgrade its lock.
  await dispatch(session, 'segments.list', { documentId, withText: false });
  const result = await dispatch(session, 'segments.create', {
    documentId,
    start: i % 40,
    end: (i % 40) + 5,
    codeRefs: ['Theme'],
    createMissing: true,
    coder,
  });
  if (!result.ok) failures.push(result.error.message);
}
process.stdout.write(JSON.stringify({ failures }));
session.close();
