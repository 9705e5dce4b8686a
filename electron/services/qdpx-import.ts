// Reading a REFI-QDA project (.qdpx) written by Trellis or another program, and adding it to a project.
// The archive is read through the bounded ZIP reader and checked whole before anything is written; the
// write is one transaction on the bulk path, so a refused file leaves the project untouched.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
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
import { xmlReferences } from './xml-entities';
import { readBoundedZip } from './zip';

type Node = Record<string, unknown>;

const LISTS = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'VariableValue',
  'SourceRef',
  'TextSource',
  'PDFSource',
  'PictureSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
  'Set',
  'MemberCode',
  'MemberSource',
]);

const VARIABLE_TYPES: Record<string, AttributeType> = {
  Text: 'text',
  Boolean: 'boolean',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'text',
};

interface Selection {
  guid: string;
  start: number;
  end: number;
  /** The coder's GUID per code GUID (a coding's creatingUser, else the selection's). */
  codings: { code: string; user: string | null }[];
  memo: string;
  /** Some writers name a selection after the text it covers: evidence for how they count. */
  name: string;
  user: string | null;
}

interface Source {
  guid: string;
  name: string;
  text: string;
  memo: string;
  selections: Selection[];
}

export interface QdpxProject {
  users: Map<string, string>;
  codes: QdcCode[];
  sets: QdcSet[];
  variables: Map<string, { name: string; type: AttributeType; choices: string[] | null }>;
  cases: { name: string; description: string; values: { variable: string; value: string }[]; sources: string[] }[];
  sources: Source[];
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

const list = (node: Node | undefined, name: string): Node[] =>
  ((node?.[name] as (Node | string)[] | undefined) ?? []).map((v) => (typeof v === 'string' ? { '#text': v } : v));
const child = (node: Node | undefined, name: string): Node | undefined => {
  const value = node?.[name];
  return typeof value === 'string' ? { '#text': value } : (value as Node | undefined);
};
const textOf = (node: Node | undefined, name: string): string => {
  const value = node?.[name];
  if (value === undefined) return '';
  return typeof value === 'string' ? value : String((value as Node)['#text'] ?? '');
};
const attr = (node: Node, name: string): string | undefined => {
  const value = node[`@_${name}`];
  return value === undefined ? undefined : String(value);
};

/** Bytes as UTF-8 text, without first copying them into a Buffer. */
const utf8 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** Parses and checks a .qdpx; throws a FileProblem naming the first thing that is wrong and where. */
export function readQdpx(bytes: Uint8Array): QdpxProject {
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== 'PK\u0003\u0004')
    throw new FileProblem('is not a REFI-QDA project (.qdpx files are ZIP archives; this file is not one)');
  const zip = readBoundedZip(bytes, (name) => name === 'project.qde' || name.startsWith('sources/'));
  const qde = zip.files['project.qde'];
  if (!qde) throw new FileProblem('is a ZIP archive but not a REFI-QDA project: it has no project.qde');
  const xml = utf8(qde);
  // Entity declarations are where entity bombs and external entities live; REFI-QDA needs none.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new FileProblem('has a DOCTYPE or entity declaration in project.qde, which Trellis refuses');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FileProblem(`has a project.qde that is not XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    removeNSPrefix: true,
    trimValues: false,
    processEntities: true,
    entityDecoder: xmlReferences,
    isArray: (name) => LISTS.has(name),
  }).parse(xml) as Node;
  const project = child(parsed, 'Project');
  if (!project) throw new FileProblem('has a project.qde whose root element is not <Project>');
  const fail = (where: string, problem: string): never => {
    throw new FileProblem(`does not follow the REFI-QDA schema: ${where} ${problem}`);
  };
  const guidOf = (node: Node, where: string, name = 'guid'): string => {
    const raw = attr(node, name);
    if (raw === undefined) return fail(where, `has no ${name}`);
    return normalGuid(raw) ?? fail(where, `has an invalid ${name} "${raw}"`);
  };
  const userOf = (node: Node, where: string): string | null =>
    attr(node, 'creatingUser') === undefined ? null : guidOf(node, where, 'creatingUser');

  const users = new Map<string, string>();
  for (const [i, u] of list(child(project, 'Users'), 'User').entries()) {
    const guid = guidOf(u, `<User> ${i + 1}`);
    users.set(guid, attr(u, 'name')?.trim() || attr(u, 'id')?.trim() || `User ${i + 1}`);
  }

  const notes = new Map<string, string>();
  // Trellis writes a case's memo as a note named after the case (a REFI-QDA case takes no note reference).
  const caseMemos = new Map<string, string>();
  for (const [i, n] of list(child(project, 'Notes'), 'Note').entries()) {
    notes.set(guidOf(n, `<Note> ${i + 1}`), textOf(n, 'PlainTextContent'));
    const onCase = /^Memo on the case (.+)$/.exec(attr(n, 'name') ?? '');
    if (onCase) caseMemos.set(onCase[1]!, textOf(n, 'PlainTextContent'));
  }
  const noteText = (node: Node) =>
    list(node, 'NoteRef')
      .map((r) => notes.get(normalGuid(attr(r, 'targetGUID') ?? '') ?? '') ?? '')
      .filter(Boolean)
      .join('\n\n');
  const codeMemos = new Map<string, string>();

  const readCode = (node: Node, path: string): QdcCode => {
    const name = attr(node, 'name')?.trim();
    if (!name) return fail(`a <Code> in "${path || 'the codebook'}"`, 'has no name');
    const where = `the code "${path ? `${path}/` : ''}${name}"`;
    const codable = attr(node, 'isCodable')?.trim();
    if (codable === undefined || !['true', 'false', '1', '0'].includes(codable)) fail(where, 'has no isCodable="true|false"');
    const color = attr(node, 'color');
    const guid = guidOf(node, where);
    const memo = noteText(node);
    if (memo) codeMemos.set(guid, memo);
    return {
      guid,
      name,
      codable: codable === 'true' || codable === '1',
      color: color === undefined ? null : (normalColor(color) ?? fail(where, `has an invalid colour "${color}"`)),
      description: textOf(node, 'Description').trim(),
      children: list(node, 'Code').map((c) => readCode(c, path ? `${path}/${name}` : name)),
    };
  };
  const codes = list(child(child(project, 'CodeBook'), 'Codes'), 'Code').map((c) => readCode(c, ''));

  const variables = new Map<string, { name: string; type: AttributeType; choices: string[] | null }>();
  for (const v of list(child(project, 'Variables'), 'Variable')) {
    const name = attr(v, 'name')?.trim() || fail('a <Variable>', 'has no name');
    const where = `the variable "${name}"`;
    const kind = attr(v, 'typeOfVariable') ?? '';
    const type = VARIABLE_TYPES[kind] ?? fail(where, `has typeOfVariable="${kind}"`);
    // Trellis writes a choice attribute's choices as "One of: a; b" (see qdpx-export.ts).
    const choices = /^One of: (.+)$/.exec(textOf(v, 'Description').trim())?.[1]?.split('; ') ?? null;
    variables.set(guidOf(v, where), { name, type: choices && type === 'text' ? 'choice' : type, choices });
  }

  const sourcesNode = child(project, 'Sources');
  const sources = list(sourcesNode, 'TextSource').map((s, i): Source => {
    const name = attr(s, 'name')?.trim() || `Source ${i + 1}`;
    const where = `the source "${name}"`;
    const guid = guidOf(s, where);
    const path = attr(s, 'plainTextPath');
    let text: string;
    if (path !== undefined) {
      const entry = `sources/${path.replace(/^internal:\/\//, '')}`;
      const data = zip.files[entry];
      if (!data) throw new FileProblem(`lacks the text of "${name}": ${entry} is not in the archive`);
      text = utf8(data).replace(/^\uFEFF/, '');
    } else if (s.PlainTextContent !== undefined) text = textOf(s, 'PlainTextContent');
    else throw new FileProblem(`has no plain text for "${name}" (neither plainTextPath nor PlainTextContent)`);
    const selections = list(s, 'PlainTextSelection').map((sel, j): Selection => {
      const at = `selection ${j + 1} of ${where}`;
      const start = Number(attr(sel, 'startPosition'));
      const end = Number(attr(sel, 'endPosition'));
      if (!Number.isInteger(start) || !Number.isInteger(end)) fail(at, 'has no whole-number startPosition and endPosition');
      const user = userOf(sel, at);
      return {
        guid: guidOf(sel, at),
        start,
        end,
        user,
        name: attr(sel, 'name') ?? '',
        memo: noteText(sel),
        codings: list(sel, 'Coding').map((c) => ({
          code: normalGuid(attr(child(c, 'CodeRef') ?? {}, 'targetGUID') ?? '') ?? fail(at, 'has a <Coding> without a valid CodeRef'),
          user: userOf(c, at) ?? user,
        })),
      };
    });
    return { guid, name, text, memo: noteText(s), selections };
  });
  const countSelections = (node: unknown): number =>
    Array.isArray(node)
      ? node.reduce((n: number, v) => n + countSelections(v), 0)
      : typeof node === 'object' && node !== null
        ? Object.entries(node).reduce(
            (n, [k, v]) => n + (k.endsWith('Selection') ? (Array.isArray(v) ? v.length : 1) : 0) + countSelections(v),
            0,
          )
        : 0;
  const skipped = (['PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'] as const).flatMap((kind) =>
    list(sourcesNode, kind).map((s) => ({
      name: attr(s, 'name') ?? kind,
      kind: kind.replace('Source', ''),
      selections: countSelections(s),
    })),
  );

  const sourceGuids = new Set(sources.map((s) => s.guid));
  const refs = (node: Node, name: string) =>
    list(node, name)
      .map((r) => normalGuid(attr(r, 'targetGUID') ?? '') ?? '')
      .filter((g) => sourceGuids.has(g));
  const cases = list(child(project, 'Cases'), 'Case').map((c, i) => {
    const name = attr(c, 'name')?.trim() || `Case ${i + 1}`;
    return {
      name,
      description: textOf(c, 'Description').trim(),
      values: list(c, 'VariableValue').flatMap((v) => {
        const variable = normalGuid(attr(child(v, 'VariableRef') ?? {}, 'targetGUID') ?? '') ?? '';
        const valueKey = Object.keys(v).find((k) => k.endsWith('Value'));
        return variables.has(variable) && valueKey ? [{ variable, value: textOf(v, valueKey).trim() }] : [];
      }),
      sources: refs(c, 'SourceRef'),
    };
  });
  const sets: QdcSet[] = [];
  for (const s of list(child(project, 'Sets'), 'Set')) {
    const name = attr(s, 'name')?.trim() || fail('a <Set>', 'has no name');
    const members = list(s, 'MemberCode').map(
      (m) => normalGuid(attr(m, 'targetGUID') ?? '') ?? fail(`the set "${name}"`, 'has an invalid MemberCode'),
    );
    if (members.length)
      sets.push({ guid: guidOf(s, `the set "${name}"`), name, description: textOf(s, 'Description').trim(), memberGuids: members });
    // Some programs group a case's documents as a set of sources.
    const memberSources = refs(s, 'MemberSource');
    if (memberSources.length && !cases.some((c) => c.name === name))
      cases.push({ name, description: textOf(s, 'Description').trim(), values: [], sources: memberSources });
  }
  const memos = { codes: codeMemos, cases: caseMemos, project: noteText(project) };
  return { users, codes, sets, variables, cases, sources, skipped, memos };
}

/**
 * A source's positions to code points of its canonical text. Positions are code points, as REFI-QDA says,
 * unless the writer counted UTF-16 units: that shows as a selection reaching past the code-point length
 * but not the UTF-16 length, or a selection named after its text that only UTF-16 counting finds.
 */
function countsUtf16(source: Source, points: string[]): boolean {
  if (points.length === source.text.length) return false;
  return source.selections.some(
    (s) =>
      (s.end > points.length && s.end <= source.text.length) ||
      (s.name !== '' && source.text.slice(s.start, s.end) === s.name && points.slice(s.start, s.end).join('') !== s.name),
  );
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
        const utf16 = countsUtf16(source, raw);
        const map = offsetMap(raw, Array.from(parsed.text));
        const segments: Omit<NewSegment, 'documentId'>[] = [];
        source.selections.forEach((s, i) => {
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
  );
}
