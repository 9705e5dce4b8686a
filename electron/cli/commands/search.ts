import type { ArgsOf } from '../../api/methods';
import type { Session } from '../../api/session';
import { call, chosen, CliError, print, type Command, type Invocation } from '../command';
import { describeSegments } from './segments';

const EXPANSIONS = ['hit', 'word', 'sentence', 'paragraph', 'turn'] as const;
type Scope = NonNullable<ArgsOf<'search.run'>['scope']>;

/** "A,B" → ["A", "B"]; an absent option → undefined. */
function list(inv: Invocation, option: string): string[] | undefined {
  const value = inv.options[option];
  if (value === undefined) return undefined;
  const items = String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new CliError(`--${option} needs at least one name.`, 2);
  return items;
}

/** PROJECT and, when the command needs it, QUERY. */
function positionals(inv: Invocation, withQuery: boolean): { project: string; query?: string } {
  const [project, query, ...extra] = inv.positionals;
  if (!project || extra.length > 0 || (withQuery && !query) || (!withQuery && query !== undefined)) {
    throw new CliError(withQuery ? 'expected PROJECT and "QUERY".' : 'expected PROJECT and either "QUERY" or --speaker NAME, not both.', 2);
  }
  return { project, query };
}

function scopeOf(inv: Invocation, speakers: boolean): Scope | undefined {
  const documents = list(inv, 'docs');
  const codedWith = list(inv, 'coded-with');
  const speaker = speakers ? (inv.options.speaker as string[] | undefined) : undefined;
  const scope: Scope = {
    ...(documents ? { documents } : {}),
    ...(codedWith ? { codedWith } : {}),
    ...(speaker?.length ? { speakers: speaker } : {}),
  };
  return Object.keys(scope).length ? scope : undefined;
}

const PAGE = 1000;

/** Every hit (or the first `limit`), page by page. */
async function allHits(session: Session, args: ArgsOf<'search.run'>, limit: number | undefined) {
  const hits = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await call(session, 'search.run', { ...args, offset, limit: PAGE });
    hits.push(...page.hits);
    if (!page.more || (limit !== undefined && hits.length >= limit)) break;
  }
  return limit === undefined ? hits : hits.slice(0, limit);
}

export const searchCommands: Record<string, Command> = {
  search: {
    usage:
      'search PROJECT "QUERY" [--regex] [--no-stem] [--speaker NAME]… [--docs NAME,…] [--coded-with PATH,…] [--limit N] [--json]\n' +
      '                                      keyword-in-context hits of a full-text query (words, "phrases", prefix*, NEAR, AND/OR/NOT) or a regex',
    options: {
      regex: { type: 'boolean' },
      'no-stem': { type: 'boolean' },
      speaker: { type: 'string', multiple: true },
      docs: { type: 'string' },
      'coded-with': { type: 'string' },
      limit: { type: 'string' },
    },
    async run(session, inv) {
      const { project, query } = positionals(inv, true);
      const limitText = inv.options.limit;
      if (limitText !== undefined && !/^[1-9]\d{0,8}$/.test(String(limitText)))
        throw new CliError('--limit must be a whole number above 0.', 2);
      const scope = scopeOf(inv, true);
      await call(session, 'project.open', { file: chosen(session, project) });
      const hits = await allHits(
        session,
        {
          query: query!,
          ...(inv.options.regex ? { regex: true } : {}),
          ...(inv.options['no-stem'] ? { noStem: true } : {}),
          ...(scope ? { scope } : {}),
        },
        limitText === undefined ? undefined : Number(limitText),
      );
      const rows = hits.map((h) => ({
        document: h.document,
        paragraph: h.paragraph,
        speaker: h.speaker,
        start: h.start,
        end: h.end,
        match: h.match,
        context: h.before + h.match + h.after,
      }));
      print(
        inv.json,
        rows,
        rows.map((r) => `${r.document} ¶${r.paragraph}${r.speaker ? ` ${r.speaker}` : ''} ${r.start}–${r.end}: ${r.context}`).join('\n') ||
          'No hits.',
      );
    },
  },
  autocode: {
    usage:
      'autocode PROJECT ("QUERY" [--regex] [--no-stem] | --speaker NAME) --codes PATH,… --expand hit|word|sentence|paragraph|turn --coder NAME [--docs NAME,…] [--json]\n' +
      '                                      codes every hit of a search, grown to the word, sentence, paragraph or turn, or every turn of a speaker',
    options: {
      regex: { type: 'boolean' },
      'no-stem': { type: 'boolean' },
      speaker: { type: 'string', multiple: true },
      docs: { type: 'string' },
      codes: { type: 'string' },
      expand: { type: 'string' },
      coder: { type: 'string' },
    },
    async run(session, inv) {
      const speakers = inv.options.speaker as string[] | undefined;
      if ((speakers?.length ?? 0) > 1) throw new CliError('give one --speaker.', 2);
      const { project, query } = positionals(inv, speakers === undefined);
      const codeRefs = list(inv, 'codes');
      if (!codeRefs) throw new CliError('--codes PATH,… is required.', 2);
      const expand = inv.options.expand ?? (speakers ? 'turn' : undefined);
      if (!EXPANSIONS.includes(expand as (typeof EXPANSIONS)[number]))
        throw new CliError(`--expand must be hit, word, sentence, paragraph or turn, not "${String(expand ?? '')}".`, 2);
      const coder = inv.options.coder;
      if (typeof coder !== 'string' || !coder.trim()) throw new CliError('--coder NAME is required.', 2);
      const scope = scopeOf(inv, false);
      await call(session, 'project.open', { file: chosen(session, project) });
      const { segments, skipped } = await call(session, 'search.autocode', {
        ...(speakers
          ? { speaker: speakers[0]! }
          : {
              search: {
                query: query!,
                ...(inv.options.regex ? { regex: true } : {}),
                ...(inv.options['no-stem'] ? { noStem: true } : {}),
              },
            }),
        ...(scope ? { scope } : {}),
        expand: expand as (typeof EXPANSIONS)[number],
        codeRefs,
        coder,
      });
      const described = await describeSegments(session, segments);
      print(inv.json, described, `Created ${described.length} segments; ${skipped} passages were coded already.`);
    },
  },
};
