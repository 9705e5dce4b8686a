// Reading a REFI-QDA project (.qdpx) written by Trellis or another program, and adding it to a project.
// The archive is read through the bounded ZIP reader and checked whole before anything is written; the
// write is one transaction on the bulk path, so a refused file leaves the project untouched.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { bulkWrite } from '../../db/bulk';
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import { ensureAttribute, ensureCase, linkCaseDocument, setCaseAttribute, type AttributeType } from '../../db/queries/cases';
import { currentCoderId, ensureCoder, getCoder } from '../../db/queries/coders';
import { setMeta } from '../../db/queries/meta';
import { insertDocument, uniqueDocumentName } from '../../db/queries/documents';
import { getMemo, setMemo, type MemoTarget } from '../../db/queries/memos';
import { insertSegments, type NewSegment } from '../../db/queries/segments';
import { mergeCodebookWithIds } from './codebook-import';
import { FileProblem } from './import/file-problem';
import { normalColor, normalGuid, type QdcCode, type QdcSet } from './qdc';
import { parsePlainTranscript } from './transcript';
import { readBoundedZip } from './zip';

const VARIABLE_TYPES: Record<string, AttributeType> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

/**
 * A source's selections as a few flat arrays: a project's 100,000 selections cross from the reading worker
 * to the API thread in milliseconds, where as objects (with their codings) they took a second.
 */
interface Selections {
  /** Each selection's startPosition and endPosition, in pairs. */
  positions: Float64Array;
  /** Selection i's codings are those from codingStart[i] to codingStart[i + 1]. */
  codingStart: Uint32Array;
  /** Each coding's code and coder (its creatingUser, else the selection's; -1 when neither), as indexes into `guids`. */
  codes: Uint32Array;
  coders: Int32Array;
  /** Memos, and names (some writers name a selection after the text it covers: evidence for how they count), by selection. */
  memos: Map<number, string>;
  names: Map<number, string>;
}

interface Selection {
  start: number;
  end: number;
  /** The coder's GUID per code GUID. */
  codings: { code: string; user: string | null }[];
  memo: string;
  name: string;
}

interface Source {
  guid: string;
  name: string;
  text: string;
  memo: string;
  selections: Selections;
}

export interface QdpxProject {
  users: Map<string, string>;
  codes: QdcCode[];
  sets: QdcSet[];
  variables: Map<string, { name: string; type: AttributeType; choices: string[] | null }>;
  cases: { name: string; description: string; values: { variable: string; value: string }[]; sources: string[] }[];
  sources: Source[];
  /** The GUIDs of the codes and coders selections name. */
  guids: string[];
  skipped: { name: string; kind: string; selections: number }[];
  /** Memos on codes (by GUID) and cases (by name), and the project's. */
  memos: { codes: Map<string, string>; cases: Map<string, string>; project: string };
}

export interface QdpxImportReport {
  file: string;
  sources: number;
  codes: number;
  users: number;
  cases: number;
  selections: number;
  codings: number;
  /** Selections whose positions counted UTF-16 units (astral characters twice), corrected to code points. */
  corrected: string[];
  rejected: string[];
  skippedSources: { name: string; kind: string; selections: number }[];
  notes: string[];
}

type Attributes = Record<string, string>;

/** Attributes by local name (the schema's are unqualified), without namespace declarations. */
function attributesOf(tag: SaxesTagNS): Attributes {
  const out: Attributes = {};
  for (const key in tag.attributes) {
    const a = tag.attributes[key]!;
    if (a.prefix !== 'xmlns' && a.name !== 'xmlns') out[a.local] = a.value;
  }
  return out;
}

/** What an open element is read into, for its children to add to. */
type Item =
  | { kind: 'project'; notes: string[] }
  | { kind: 'code'; code: QdcCode; path: string; notes: string[]; description: string }
  | { kind: 'variable'; description: string }
  | { kind: 'case'; description: string; values: { variable: string; value: string }[]; sources: string[] }
  | { kind: 'value'; variable: string; value: string | undefined }
  | {
      kind: 'source';
      name: string;
      content: string | undefined;
      notes: string[];
      // The source's Selections while they grow.
      positions: number[];
      codingStart: number[];
      codes: number[];
      coders: number[];
      memos: Map<number, string>;
      names: Map<number, string>;
    }
  | { kind: 'selection'; at: string; notes: string[]; user: number; codes: number[]; coders: number[] }
  | { kind: 'coding'; code: string | null }
  | { kind: 'note'; content: string }
  | { kind: 'set'; name: string; description: string; members: string[]; sources: string[] }
  | { kind: 'skipped'; entry: QdpxProject['skipped'][number] };

type ItemOf<K extends Item['kind']> = Extract<Item, { kind: K }>;

interface Frame {
  item?: Item;
  close?: () => void;
}

const SKIPPED_KINDS = ['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'];
// References kept as written, as XML's own are decoded: an entity XML does not define (&nbsp;) and a code
// point it does not allow (&#0;). saxes reports them and goes on.
const KEPT_AS_WRITTEN = new Set(['undefined entity.', 'malformed character entity.']);

/** Bytes as UTF-8 text, without first copying them into a Buffer. */
const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/**
 * Parses and checks a .qdpx; throws a FileProblem naming the first thing that is wrong and where.
 * project.qde is read in one streaming pass that builds the project as it goes: a 100,000-selection file
 * never becomes a generic object tree.
 */
export function readQdpx(bytes: Uint8Array): QdpxProject {
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== 'PK\u0003\u0004')
    throw new FileProblem('is not a REFI-QDA project (.qdpx files are ZIP archives; this file is not one)');
  const zip = readBoundedZip(bytes, (name) => name === 'project.qde' || name.startsWith('sources/'));
  const qde = zip.files['project.qde'];
  if (!qde) throw new FileProblem('is a ZIP archive but not a REFI-QDA project: it has no project.qde');
  const xml = utf8(qde);
  // Entity declarations are where entity bombs and external entities live; REFI-QDA needs none.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new FileProblem('has a DOCTYPE or entity declaration in project.qde, which Trellis refuses');
  const fail = (where: string, problem: string): never => {
    throw new FileProblem(`does not follow the REFI-QDA schema: ${where} ${problem}`);
  };
  const guidOf = (a: Attributes, where: string, name = 'guid'): string => {
    const raw = a[name];
    if (raw === undefined) return fail(where, `has no ${name}`);
    return normalGuid(raw) ?? fail(where, `has an invalid ${name} "${raw}"`);
  };
  const userOf = (a: Attributes, where: string): string | null => (a.creatingUser === undefined ? null : guidOf(a, where, 'creatingUser'));

  const users = new Map<string, string>();
  const codes: QdcCode[] = [];
  const sets: QdcSet[] = [];
  const variables = new Map<string, { name: string; type: AttributeType; choices: string[] | null }>();
  const cases: QdpxProject['cases'] = [];
  const sources: Source[] = [];
  const skipped = new Map(SKIPPED_KINDS.map((kind) => [kind, [] as QdpxProject['skipped']]));
  const setSources: { name: string; description: string; sources: string[] }[] = [];
  const notes = new Map<string, string>();
  // Trellis writes a case's memo as a note named after the case (a REFI-QDA case takes no note reference).
  const caseMemos = new Map<string, string>();
  const codeMemos = new Map<string, string>();
  let projectMemo = '';
  // <Notes> comes after what refers to them: memos are looked up once the whole file is read.
  const afterNotes: (() => void)[] = [];
  const noteText = (refs: string[]) =>
    refs
      .map((r) => notes.get(normalGuid(r) ?? '') ?? '')
      .filter(Boolean)
      .join('\n\n');
  const count = { users: 0, notes: 0, sources: 0, cases: 0 };
  const guids: string[] = [];
  const guidIndex = new Map<string, number>();
  const indexOf = (guid: string): number => {
    let index = guidIndex.get(guid);
    if (index === undefined) guidIndex.set(guid, (index = guids.push(guid) - 1));
    return index;
  };

  /** Reads an element's attributes into `frame`; `section` is the path of its parents under <Project>, up to two. */
  const open = (name: string, a: Attributes, frame: Frame, parent: Frame, section: string | undefined): void => {
    const up = parent.item;
    switch (name) {
      case 'User': {
        if (section !== 'Users') return;
        const n = ++count.users;
        users.set(guidOf(a, `<User> ${n}`), a.name?.trim() || a.id?.trim() || `User ${n}`);
        return;
      }
      case 'Code': {
        if (up?.kind !== 'code' && section !== 'CodeBook/Codes') return;
        const path = up?.kind === 'code' ? up.path : '';
        const codeName = a.name?.trim();
        if (!codeName) return fail(`a <Code> in "${path || 'the codebook'}"`, 'has no name');
        const full = path ? `${path}/${codeName}` : codeName;
        const where = `the code "${full}"`;
        const codable = a.isCodable?.trim();
        if (codable === undefined || !['true', 'false', '1', '0'].includes(codable)) fail(where, 'has no isCodable="true|false"');
        const guid = guidOf(a, where);
        const color = a.color;
        const code: QdcCode = {
          guid,
          name: codeName,
          codable: codable === 'true' || codable === '1',
          color: color === undefined ? null : (normalColor(color) ?? fail(where, `has an invalid colour "${color}"`)),
          description: '',
          children: [],
        };
        (up?.kind === 'code' ? up.code.children : codes).push(code);
        const item: ItemOf<'code'> = { kind: 'code', code, path: full, notes: [], description: '' };
        frame.item = item;
        frame.close = () => {
          code.description = item.description;
          if (item.notes.length)
            afterNotes.push(() => {
              const memo = noteText(item.notes);
              if (memo) codeMemos.set(guid, memo);
            });
        };
        return;
      }
      case 'Description':
        if (up && 'description' in up) frame.close = () => (up.description = text.trim());
        return;
      case 'NoteRef':
        if (up && 'notes' in up) up.notes.push(a.targetGUID ?? '');
        return;
      case 'Variable': {
        if (section !== 'Variables') return;
        const variableName = a.name?.trim() || fail('a <Variable>', 'has no name');
        const where = `the variable "${variableName}"`;
        const kind = a.typeOfVariable ?? '';
        const type = VARIABLE_TYPES[kind] ?? fail(where, `has typeOfVariable="${kind}"`);
        const guid = guidOf(a, where);
        const item: ItemOf<'variable'> = { kind: 'variable', description: '' };
        frame.item = item;
        frame.close = () => {
          // Trellis writes a choice attribute's choices as "One of: a; b" (see qdpx-export.ts).
          const choices = /^One of: (.+)$/.exec(item.description)?.[1]?.split('; ') ?? null;
          variables.set(guid, { name: variableName, type: choices && type === 'text' ? 'choice' : type, choices });
        };
        return;
      }
      case 'Case': {
        if (section !== 'Cases') return;
        const n = ++count.cases;
        const caseName = a.name?.trim() || `Case ${n}`;
        const item: ItemOf<'case'> = { kind: 'case', description: '', values: [], sources: [] };
        frame.item = item;
        frame.close = () => cases.push({ name: caseName, description: item.description, values: item.values, sources: item.sources });
        return;
      }
      case 'VariableValue': {
        if (up?.kind !== 'case') return;
        const item: ItemOf<'value'> = { kind: 'value', variable: '', value: undefined };
        frame.item = item;
        frame.close = () => {
          if (item.value !== undefined) up.values.push({ variable: item.variable, value: item.value.trim() });
        };
        return;
      }
      case 'VariableRef':
        if (up?.kind === 'value') up.variable = normalGuid(a.targetGUID ?? '') ?? '';
        return;
      case 'SourceRef':
        if (up?.kind === 'case') up.sources.push(normalGuid(a.targetGUID ?? '') ?? '');
        return;
      case 'TextSource': {
        if (section !== 'Sources') return;
        const sourceName = a.name?.trim() || `Source ${count.sources + 1}`;
        count.sources++;
        const where = `the source "${sourceName}"`;
        const guid = guidOf(a, where);
        let text = '';
        const path = a.plainTextPath;
        if (path !== undefined) {
          const entry = `sources/${path.replace(/^internal:\/\//, '')}`;
          const data = zip.files[entry];
          if (!data) throw new FileProblem(`lacks the text of "${sourceName}": ${entry} is not in the archive`);
          text = utf8(data).replace(/^\uFEFF/, '');
        }
        const item: ItemOf<'source'> = {
          kind: 'source',
          name: sourceName,
          content: undefined,
          notes: [],
          positions: [],
          codingStart: [0],
          codes: [],
          coders: [],
          memos: new Map(),
          names: new Map(),
        };
        frame.item = item;
        frame.close = () => {
          if (path === undefined) {
            if (item.content === undefined)
              throw new FileProblem(`has no plain text for "${sourceName}" (neither plainTextPath nor PlainTextContent)`);
            text = item.content;
          }
          const selections: Selections = {
            positions: Float64Array.from(item.positions),
            codingStart: Uint32Array.from(item.codingStart),
            codes: Uint32Array.from(item.codes),
            coders: Int32Array.from(item.coders),
            memos: item.memos,
            names: item.names,
          };
          const source: Source = { guid, name: sourceName, text, memo: '', selections };
          if (item.notes.length) afterNotes.push(() => (source.memo = noteText(item.notes)));
          sources.push(source);
        };
        return;
      }
      case 'PlainTextContent':
        if (up?.kind === 'source' || up?.kind === 'note') frame.close = () => (up.content = text);
        return;
      case 'PlainTextSelection': {
        if (up?.kind !== 'source') return;
        const index = up.positions.length / 2;
        const at = `selection ${index + 1} of the source "${up.name}"`;
        const start = Number(a.startPosition);
        const end = Number(a.endPosition);
        if (!Number.isInteger(start) || !Number.isInteger(end)) fail(at, 'has no whole-number startPosition and endPosition');
        const user = userOf(a, at);
        guidOf(a, at);
        up.positions.push(start, end);
        if (a.name) up.names.set(index, a.name);
        const item: ItemOf<'selection'> = {
          kind: 'selection',
          at,
          notes: [],
          user: user === null ? -1 : indexOf(user),
          codes: up.codes,
          coders: up.coders,
        };
        frame.item = item;
        frame.close = () => {
          up.codingStart.push(up.codes.length);
          if (item.notes.length)
            afterNotes.push(() => {
              const memo = noteText(item.notes);
              if (memo) up.memos.set(index, memo);
            });
        };
        return;
      }
      case 'Coding': {
        if (up?.kind !== 'selection') return;
        const user = userOf(a, up.at);
        const item: ItemOf<'coding'> = { kind: 'coding', code: null };
        frame.item = item;
        frame.close = () => {
          up.codes.push(indexOf(item.code ?? fail(up.at, 'has a <Coding> without a valid CodeRef')));
          up.coders.push(user === null ? up.user : indexOf(user));
        };
        return;
      }
      case 'CodeRef':
        if (up?.kind === 'coding') up.code = normalGuid(a.targetGUID ?? '');
        return;
      case 'Note': {
        if (section !== 'Notes') return;
        const guid = guidOf(a, `<Note> ${++count.notes}`);
        const item: ItemOf<'note'> = { kind: 'note', content: '' };
        frame.item = item;
        frame.close = () => {
          notes.set(guid, item.content);
          const onCase = /^Memo on the case (.+)$/.exec(a.name ?? '');
          if (onCase) caseMemos.set(onCase[1]!, item.content);
        };
        return;
      }
      case 'Set': {
        if (section !== 'Sets') return;
        const setName = a.name?.trim() || fail('a <Set>', 'has no name');
        const item: ItemOf<'set'> = { kind: 'set', name: setName, description: '', members: [], sources: [] };
        frame.item = item;
        frame.close = () => {
          if (item.members.length)
            sets.push({ guid: guidOf(a, `the set "${setName}"`), name: setName, description: item.description, memberGuids: item.members });
          setSources.push({ name: setName, description: item.description, sources: item.sources });
        };
        return;
      }
      case 'MemberCode':
        if (up?.kind === 'set')
          up.members.push(normalGuid(a.targetGUID ?? '') ?? fail(`the set "${up.name}"`, 'has an invalid MemberCode'));
        return;
      case 'MemberSource':
        if (up?.kind === 'set') up.sources.push(normalGuid(a.targetGUID ?? '') ?? '');
        return;
      default:
        if (section === 'Sources' && SKIPPED_KINDS.includes(name)) {
          const entry = { name: a.name ?? name, kind: name.replace('Source', ''), selections: 0 };
          skipped.get(name)!.push(entry);
          frame.item = { kind: 'skipped', entry };
        } else if (name.endsWith('Value') && up?.kind === 'value') {
          frame.close = () => (up.value ??= text);
        }
    }
  };

  const frames: Frame[] = [];
  // The open elements' local names: the two under <Project> place its parts ("Users", "CodeBook/Codes").
  const names: string[] = [];
  let text = '';
  const parser = new SaxesParser({ xmlns: true });
  let closed = '';
  parser.on('error', (error) => {
    const problem = error.message.replace(/^\d+:\d+: /, '');
    if (KEPT_AS_WRITTEN.has(problem)) return;
    // saxes says this of an element a later closing tag skips over, just after handing it to 'closetag'.
    const said = problem === 'unexpected close tag.' ? `<${closed}> is not closed` : problem.replace(/\.$/, '');
    throw new FileProblem(`has a project.qde that is not XML: ${said} (line ${parser.line})`);
  });
  parser.on('text', (t) => (text += t));
  parser.on('cdata', (t) => (text += t));
  parser.on('opentag', (tag) => {
    text = '';
    const parent = frames[frames.length - 1];
    const frame: Frame = {};
    frames.push(frame);
    names.push(tag.local);
    if (!parent) {
      if (tag.local !== 'Project') throw new FileProblem('has a project.qde whose root element is not <Project>');
      const project: ItemOf<'project'> = { kind: 'project', notes: [] };
      frame.item = project;
      frame.close = () => {
        if (project.notes.length) afterNotes.push(() => (projectMemo = noteText(project.notes)));
      };
      return;
    }
    if (parent.item?.kind === 'skipped') {
      // Everything inside a skipped source belongs to it; only its selections are counted.
      if (tag.local.endsWith('Selection')) parent.item.entry.selections++;
      frame.item = parent.item;
      return;
    }
    const depth = frames.length - 1;
    const section = depth === 2 ? names[1] : depth === 3 && names[1] === 'CodeBook' ? `CodeBook/${names[2]}` : undefined;
    open(tag.local, attributesOf(tag), frame, parent, section);
  });
  parser.on('closetag', (tag) => {
    closed = tag.name;
    names.pop();
    frames.pop()!.close?.();
  });
  parser.write(xml).close();

  for (const resolve of afterNotes) resolve();
  const sourceGuids = new Set(sources.map((s) => s.guid));
  for (const c of cases) {
    c.values = c.values.filter((v) => variables.has(v.variable));
    c.sources = c.sources.filter((g) => sourceGuids.has(g));
  }
  // Some programs group a case's documents as a set of sources.
  for (const set of setSources) {
    const members = set.sources.filter((g) => sourceGuids.has(g));
    if (members.length && !cases.some((c) => c.name === set.name))
      cases.push({ name: set.name, description: set.description, values: [], sources: members });
  }
  const memos = { codes: codeMemos, cases: caseMemos, project: projectMemo };
  return { users, codes, sets, variables, cases, sources, guids, skipped: [...skipped.values()].flat(), memos };
}

/**
 * A source's positions to code points of its canonical text. Positions are code points, as REFI-QDA says,
 * unless the writer counted UTF-16 units: that shows as a selection reaching past the code-point length
 * but not the UTF-16 length, or a selection named after its text that only UTF-16 counting finds.
 */
function countsUtf16(text: string, selections: Selection[], points: string[]): boolean {
  if (points.length === text.length) return false;
  return selections.some(
    (s) =>
      (s.end > points.length && s.end <= text.length) ||
      (s.name !== '' && text.slice(s.start, s.end) === s.name && points.slice(s.start, s.end).join('') !== s.name),
  );
}

/** A source's selections as objects, on the API thread. */
function selectionList({ positions, codingStart, codes, coders, memos, names }: Selections, guids: string[]): Selection[] {
  return Array.from({ length: codingStart.length - 1 }, (_, i) => {
    const codings: Selection['codings'] = [];
    for (let k = codingStart[i]!; k < codingStart[i + 1]!; k++)
      codings.push({ code: guids[codes[k]!]!, user: coders[k]! < 0 ? null : guids[coders[k]!]! });
    return { start: positions[2 * i]!, end: positions[2 * i + 1]!, codings, memo: memos.get(i) ?? '', name: names.get(i) ?? '' };
  });
}

/** Maps code-point offsets of `raw` to those of `canonical` (raw minus trimmed spaces, blank lines and CRs). */
function offsetMap(raw: string[], canonical: string[]): number[] | null {
  const map: number[] = [];
  let j = 0;
  for (let i = 0; i < raw.length; i++) {
    map.push(j);
    if (j < canonical.length && raw[i] === canonical[j]) j++;
  }
  map.push(j);
  return j === canonical.length ? map : null;
}

/** An imported memo joins one the object already has (a project imported into), rather than replacing it. */
function addMemo(db: Db, target: MemoTarget, body: string): void {
  const existing = getMemo(db, target);
  if (existing === body) return;
  setMemo(db, target, existing ? `${existing}\n\n${body}` : body, null);
}

/** Adds an imported .qdpx to the project on the bulk write path, inside the caller's transaction; returns the report. */
export function writeQdpx(db: Db, project: QdpxProject, file: string): QdpxImportReport {
  const report: QdpxImportReport = {
    file,
    sources: 0,
    codes: 0,
    users: project.users.size,
    cases: 0,
    selections: 0,
    codings: 0,
    corrected: [],
    rejected: [],
    skippedSources: project.skipped,
    notes: [],
  };
  // The recount covers only the new documents' (document, coder) pairs: importing into a large project
  // does not recount it whole.
  return bulkWrite(
    db,
    (touched) => {
      const merged = mergeCodebookWithIds(db, { codes: project.codes, sets: project.sets }, file);
      report.codes = merged.idOfGuid.size;
      report.notes.push(...merged.report.notes);
      const coderOf = new Map<string, number>();
      for (const [guid, name] of project.users) coderOf.set(guid, ensureCoder(db, name).id);
      const documentOf = new Map<string, number>();
      for (const source of project.sources) {
        const parsed = parsePlainTranscript(source.text);
        const documentId = insertDocument(db, {
          name: uniqueDocumentName(db, source.name),
          text: parsed.text,
          paragraphs: parsed.paragraphs,
          sourceName: source.name,
          sourceType: 'qdpx',
        });
        documentOf.set(source.guid, documentId);
        report.sources++;
        if (source.memo) setMemo(db, { kind: 'document', id: documentId }, source.memo, null);
        const raw = Array.from(source.text);
        const selections = selectionList(source.selections, project.guids);
        const utf16 = countsUtf16(source.text, selections, raw);
        const map = offsetMap(raw, Array.from(parsed.text));
        const segments: Omit<NewSegment, 'documentId'>[] = [];
        selections.forEach((s, i) => {
          const label = `"${source.name}" selection ${i + 1} (${s.start}–${s.end})`;
          const limit = utf16 ? source.text.length : raw.length;
          if (s.start < 0 || s.end <= s.start || s.end > limit)
            return void report.rejected.push(`${label}: outside its source (0–${limit})`);
          let start = s.start;
          let end = s.end;
          if (utf16) {
            start = Array.from(source.text.slice(0, s.start)).length;
            end = Array.from(source.text.slice(0, s.end)).length;
            if (start !== s.start || end !== s.end) report.corrected.push(`${label}: counted UTF-16 units, now ${start}–${end}`);
          }
          if (!map) return void report.rejected.push(`${label}: the text could not be aligned with its imported form`);
          const byCoder = new Map<number, number[]>();
          for (const c of s.codings) {
            const codeId = merged.idOfGuid.get(c.code);
            if (codeId === undefined) {
              report.rejected.push(`${label}: its code ${c.code} is not in the codebook`);
              continue;
            }
            const guid = c.user ?? 'unknown';
            if (!coderOf.has(guid)) coderOf.set(guid, ensureCoder(db, c.user ? `User ${c.user.slice(0, 8)}` : 'Imported').id);
            const coder = coderOf.get(guid)!;
            byCoder.set(coder, [...(byCoder.get(coder) ?? []), codeId]);
          }
          if (byCoder.size === 0 && s.codings.length === 0) return void report.rejected.push(`${label}: it carries no coding`);
          if (map[start] === map[end]) return void report.rejected.push(`${label}: it covers only spaces or blank lines`);
          for (const [coderId, codeIds] of byCoder) {
            segments.push({ coderId, start: map[start]!, end: map[end]!, codeIds: [...new Set(codeIds)], memo: s.memo });
            report.selections++;
            report.codings += new Set(codeIds).size;
          }
        });
        insertSegments(db, documentId, segments);
        for (const { coderId } of segments) touched.add(documentId, coderId);
      }
      for (const [guid, body] of project.memos.codes) {
        const id = merged.idOfGuid.get(guid);
        if (id !== undefined) addMemo(db, { kind: 'code', id }, body);
      }
      if (project.memos.project) addMemo(db, { kind: 'project' }, project.memos.project);
      for (const c of project.cases) {
        const caseId = ensureCase(db, c.name, c.description);
        const memo = project.memos.cases.get(c.name);
        if (memo) addMemo(db, { kind: 'case', id: caseId }, memo);
        report.cases++;
        for (const guid of c.sources) linkCaseDocument(db, caseId, documentOf.get(guid)!);
        for (const { variable, value } of c.values) {
          const v = project.variables.get(variable)!;
          if (value === '') continue;
          const written = v.type === 'boolean' ? String(value === 'true' || value === '1') : value;
          try {
            setCaseAttribute(db, caseId, ensureAttribute(db, v.name, v.type, v.choices), written);
          } catch (error) {
            if (!(error instanceof DataError)) throw error;
            report.notes.push(`Case "${c.name}": ${error.message}`);
          }
        }
      }
      // A project nobody codes in yet (a new one) gets a current coder, as a new project's first coder
      // would be chosen: the file's first user, else the first coder its codings brought.
      const first = coderOf.values().next();
      if (currentCoderId(db) === null && !first.done) {
        setMeta(db, 'current_coder_id', String(first.value));
        report.notes.push(`The current coder is now "${getCoder(db, first.value).name}" (the project had none).`);
      }
      return report;
    },
    'touched',
    // Every selection becomes a segment at most: a large import into a small project writes without the indexes.
    project.sources.reduce((n, source) => n + source.selections.positions.length / 2, 0),
  );
}
