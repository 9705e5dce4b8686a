import { call, chosen, onlyFile, print, type Command } from '../command';

export const projectCommands: Record<string, Command> = {
  new: {
    usage: 'new FILE [--name NAME] [--json]     create an empty project (with the MGF framework)',
    options: { name: { type: 'string' } },
    async run(session, inv) {
      const name = typeof inv.options.name === 'string' ? { name: inv.options.name } : {};
      const project = await call(session, 'project.create', { file: chosen(session, onlyFile(inv)), ...name });
      print(inv.json, project, `Created ${project.file}`);
    },
  },
  demo: {
    usage: 'demo FILE [--json]                  write the demo project (ten DCS interviews, two coders)',
    async run(session, inv) {
      const project = await call(session, 'project.createDemo', { file: chosen(session, onlyFile(inv)) });
      print(inv.json, project, `Wrote the demo project to ${project.file}`);
    },
  },
  info: {
    usage: 'info FILE [--json]                  counts of documents, cases, codes, coders, segments; frameworks',
    async run(session, inv) {
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv)) });
      const info = await call(session, 'project.info', {});
      print(
        inv.json,
        info,
        [
          `Schema version ${info.schemaVersion}`,
          `${info.documents} documents, ${info.cases} cases, ${info.codes} codes, ${info.coders} coders, ${info.segments} segments`,
          `Frameworks: ${info.frameworks.join(', ') || '(none)'}`,
        ].join('\n'),
      );
    },
  },
};
