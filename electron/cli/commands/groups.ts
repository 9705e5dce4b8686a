import { call, chosen, CliError, onlyFile, print, type Command } from '../command';
import { same } from '../names';

/** `trellis groups`: the document groups with their documents; `--add GROUP [--docs A,B]` makes or fills one. */
export const groupCommands: Record<string, Command> = {
  groups: {
    usage:
      'groups PROJECT [--add GROUP [--docs NAME,...]] [--json]\n' +
      '                                      the document groups and their documents; --add creates GROUP if new and puts the documents in it',
    options: { add: { type: 'string' }, docs: { type: 'string' } },
    async run(session, inv) {
      const add = inv.options.add;
      const docs = inv.options.docs;
      if (docs !== undefined && typeof add !== 'string') throw new CliError('--docs goes with --add GROUP.', 2);
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const documents = await call(session, 'documents.list', {});
      if (typeof add === 'string') {
        const wanted = (typeof docs === 'string' ? docs.split(',') : []).map((name) => {
          const found = documents.find((d) => same(d.name, name.trim()));
          if (!found) throw new CliError(`There is no document named "${name.trim()}".`);
          return found.id;
        });
        const existing = (await call(session, 'documentGroups.list', {})).find((g) => same(g.name, add));
        if (existing)
          await call(session, 'documentGroups.setMembers', { id: existing.id, documentIds: [...existing.documentIds, ...wanted] });
        else await call(session, 'documentGroups.create', { name: add, documentIds: wanted });
      }
      const name = new Map(documents.map((d) => [d.id, d.name]));
      const groups = (await call(session, 'documentGroups.list', {})).map((g) => ({
        name: g.name,
        documents: g.documentIds.map((d) => name.get(d)!),
      }));
      print(
        inv.json,
        groups,
        groups.map((g) => `${g.name}: ${g.documents.join(', ') || '(no documents)'}`).join('\n') || 'No document groups.',
      );
    },
  },
};
