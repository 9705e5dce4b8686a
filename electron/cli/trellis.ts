// The `trellis` command line: each subcommand is a sequence of API calls, printed as text or --json.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../api/dispatch';
import type { ArgsOf, MethodName, ResultOf } from '../api/methods';
import { Session } from '../api/session';
import { appDirs } from '../services/app-dirs';

const USAGE = `Usage: trellis <command> [options]

Commands:
  new FILE [--name NAME]    create an empty project (with the MGF framework)
  demo FILE                 write the demo project (ten DCS interviews, two coders)
  info FILE [--json]        counts of documents, cases, codes, coders, segments; frameworks
`;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

async function call<M extends MethodName>(session: Session, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await dispatch(session, method, args);
  if (!envelope.ok) throw new CliError(envelope.error.message);
  return envelope.result as ResultOf<M>;
}

const print = (json: boolean, value: unknown, text: string) => console.log(json ? JSON.stringify(value) : text);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, file, ...extra] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (!file || extra.length > 0) throw new CliError(`trellis ${command} needs exactly one FILE.\n\n${USAGE}`, 2);
  const path = resolve(file);
  const session = new Session(appDirs(), { rememberRecent: false });
  try {
    switch (command) {
      case 'new': {
        const project = await call(session, 'project.create', { file: path, ...(values.name ? { name: values.name } : {}) });
        print(values.json, project, `Created ${project.file}`);
        return 0;
      }
      case 'demo': {
        const project = await call(session, 'project.createDemo', { file: path });
        print(values.json, project, `Wrote the demo project to ${project.file}`);
        return 0;
      }
      case 'info': {
        await call(session, 'project.open', { file: path });
        const info = await call(session, 'project.info', {});
        print(
          values.json,
          info,
          [
            `Schema version ${info.schemaVersion}`,
            `${info.documents} documents, ${info.cases} cases, ${info.codes} codes, ${info.coders} coders, ${info.segments} segments`,
            `Frameworks: ${info.frameworks.join(', ') || '(none)'}`,
          ].join('\n'),
        );
        return 0;
      }
      default:
        throw new CliError(`Unknown command "${command}".\n\n${USAGE}`, 2);
    }
  } finally {
    session.close();
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    console.error(`trellis: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = error instanceof CliError ? error.exitCode : 2;
  }
}
