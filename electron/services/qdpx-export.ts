// The whole project as a REFI-QDA project (.qdpx, Project-mrt2019.xsd): a ZIP holding project.qde and each
// document's canonical text as UTF-8 in sources/. Selections count code points from 0, as the standard says
// and as Trellis stores them, so offsets travel unchanged.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/project-file';
import { listAttributes, listCases, type Attribute } from '../../db/queries/cases';
import { listCoders } from '../../db/queries/coders';
import { listCodes } from '../../db/queries/codes';
import { getDocument, listDocuments } from '../../db/queries/documents';
import { listFrameworks } from '../../db/queries/frameworks';
import { getMemo, listMemos } from '../../db/queries/memos';
import { getMeta } from '../../db/queries/meta';
import { listSegments, type Segment } from '../../db/queries/segments';
import { exportFileBase } from '../../shared/matrix-rule';
import { projectQdc } from './codebook-export';
import type { ExportedFile } from './exported-file';
import { qdcCodeElement, qdcSetElement } from './qdc';
import { RawXml, writeXml } from './xml-write';
import { zipFiles } from './zip-write';
import type { JobProgress } from './jobs/registry';

export const QDPX_NAMESPACE = 'urn:QDA-XML:project:1.0';

type Node = Record<string, unknown>;

export interface QdpxExportReport {
  sources: number;
  codes: number;
  users: number;
  cases: number;
  variables: number;
  selections: number;
  codings: number;
  notes: number;
  /** What the project holds that REFI-QDA has no place for. */
  notCarried: string[];
}

const VARIABLE_TYPES: Record<Attribute['type'], 'Text' | 'Boolean' | 'Float' | 'Date'> = {
  text: 'Text',
  choice: 'Text',
  number: 'Float',
  date: 'Date',
  boolean: 'Boolean',
};

/** A case's value as the element its variable's type calls for (a number as an xsd:decimal). */
function variableValue(attribute: Attribute, value: string, guid: string): Node {
  const type = VARIABLE_TYPES[attribute.type];
  const written = type === 'Float' ? decimal(Number(value)) : value;
  return { VariableRef: { '@_targetGUID': guid }, [`${type}Value`]: written };
}

/** xsd:decimal has no exponent: 1e21 is written out in full. */
function decimal(n: number): string {
  const plain = String(n);
  return /e/i.test(plain) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : plain;
}

/** A memo as a REFI-QDA Note (a text source whose content is inline), and the reference to it. */
function note(notes: Node[], name: string, body: string, creatingUser?: string): Node {
  const guid = randomUUID().toUpperCase();
  notes.push({ '@_guid': guid, '@_name': name, ...(creatingUser ? { '@_creatingUser': creatingUser } : {}), PlainTextContent: body });
  return { '@_targetGUID': guid };
}

/** The project as a .qdpx; `progress` hears each document written. */
export function projectQdpx(db: Db, progress: (p: JobProgress) => void = () => {}): { file: ExportedFile; report: QdpxExportReport } {
  const projectName = getMeta(db, 'project_name') ?? 'Trellis project';
  const coders = listCoders(db);
  const coderGuid = new Map(coders.map((c) => [c.id, c.guid]));
  const codes = listCodes(db);
  const codeGuid = new Map(codes.map((c) => [c.id, c.guid]));
  const book = codes.length ? projectQdc(db) : { codes: [], sets: [] };
  const attributes = listAttributes(db);
  const variableGuid = new Map(attributes.map((a) => [a.name, randomUUID().toUpperCase()]));
  const documents = listDocuments(db);
  const documentGuid = new Map(documents.map((d) => [d.id, d.guid]));
  const segmentsByDocument = new Map<number, Segment[]>();
  for (const s of listSegments(db, { withText: false })) {
    const list = segmentsByDocument.get(s.documentId) ?? [];
    list.push(s);
    segmentsByDocument.set(s.documentId, list);
  }

  const notes: Node[] = [];
  const files: Record<string, Uint8Array> = {};
  let selections = 0;
  let codings = 0;
  const sources = documents.map((summary, index): Node => {
    progress({ done: index, total: documents.length, phase: 'writing' });
    const doc = getDocument(db, summary.id);
    const path = `sources/${doc.guid}.txt`;
    files[path] = Buffer.from(doc.text, 'utf8');
    const memo = getMemo(db, { kind: 'document', id: doc.id });
    // Written as XML text directly: a hundred thousand selections as objects kept the collector busy for seconds.
    let selectionXml = '';
    for (const s of segmentsByDocument.get(doc.id) ?? []) {
      selections++;
      codings += s.codeIds.length;
      const user = coderGuid.get(s.coderId);
      const by = user ? ` creatingUser="${user}"` : '';
      selectionXml += `<PlainTextSelection guid="${s.guid}" startPosition="${s.start}" endPosition="${s.end}"${by}>`;
      for (const id of s.codeIds)
        selectionXml += `<Coding guid="${randomUUID().toUpperCase()}"${by}><CodeRef targetGUID="${codeGuid.get(id)}"/></Coding>`;
      if (s.memo)
        selectionXml += `<NoteRef targetGUID="${note(notes, `Memo on a passage of ${doc.name}`, s.memo, user)['@_targetGUID']}"/>`;
      selectionXml += '</PlainTextSelection>';
    }
    return {
      '@_guid': doc.guid,
      '@_name': doc.name,
      '@_plainTextPath': `internal://${doc.guid}.txt`,
      '@_creationDateTime': doc.createdAt,
      ...(selectionXml ? { PlainTextSelection: new RawXml(selectionXml) } : {}),
      ...(memo ? { NoteRef: [note(notes, `Memo on ${doc.name}`, memo)] } : {}),
    };
  });

  // Memos on codes are notes their codes refer to; the project memo, one the project refers to. A REFI-QDA
  // case takes no note reference, so a case memo is a project note named after its case.
  const objectMemos = listMemos(db, { kinds: ['code', 'case', 'project'] });
  const authorOf = (m: { authorId: number | null }) => (m.authorId === null ? undefined : coderGuid.get(m.authorId));
  const codeNotes = new Map(
    objectMemos
      .filter((m) => m.kind === 'code')
      .map((m) => [codeGuid.get(m.objectId!)!, [note(notes, `Memo on the code ${m.objectName}`, m.body, authorOf(m))]]),
  );
  for (const m of objectMemos.filter((m) => m.kind === 'case')) note(notes, `Memo on the case ${m.objectName}`, m.body, authorOf(m));
  const projectNotes = objectMemos.filter((m) => m.kind === 'project').map((m) => note(notes, 'Project memo', m.body, authorOf(m)));

  const cases = listCases(db).map((c): Node => ({
    '@_guid': c.guid,
    '@_name': c.name,
    ...(c.description ? { Description: c.description } : {}),
    VariableValue: attributes
      .filter((a) => c.attributes[a.name] !== undefined && c.attributes[a.name] !== '')
      .map((a) => variableValue(a, c.attributes[a.name]!, variableGuid.get(a.name)!)),
    SourceRef: c.documentIds.map((id) => ({ '@_targetGUID': documentGuid.get(id) })),
  }));

  const project: Node = {
    '@_xmlns': QDPX_NAMESPACE,
    '@_name': projectName,
    '@_origin': 'Trellis',
    '@_creationDateTime': new Date().toISOString(),
    ...(coders.length ? { Users: { User: coders.map((c) => ({ '@_guid': c.guid, '@_name': c.name })) } } : {}),
    ...(book.codes.length
      ? { CodeBook: { Codes: { Code: book.codes.map((c) => qdcCodeElement(c, (guid) => codeNotes.get(guid) ?? [])) } } }
      : {}),
    ...(attributes.length
      ? {
          Variables: {
            Variable: attributes.map((a) => ({
              '@_guid': variableGuid.get(a.name),
              '@_name': a.name,
              '@_typeOfVariable': VARIABLE_TYPES[a.type],
              ...(a.choices?.length ? { Description: `One of: ${a.choices.join('; ')}` } : {}),
            })),
          },
        }
      : {}),
    ...(cases.length ? { Cases: { Case: cases } } : {}),
    ...(sources.length ? { Sources: { TextSource: sources } } : {}),
    ...(notes.length ? { Notes: { Note: notes } } : {}),
    ...(book.sets.length ? { Sets: { Set: book.sets.map((s) => qdcSetElement(s, 'targetGUID')) } } : {}),
    ...(projectNotes.length ? { NoteRef: projectNotes } : {}),
  };
  files['project.qde'] = Buffer.from(writeXml({ Project: project }), 'utf8');

  const frameworks = listFrameworks(db);
  const notCarried = [
    ...(frameworks.length
      ? [
          `${frameworks.length} framework${frameworks.length === 1 ? '' : 's'} (${frameworks.map((f) => f.name).join(', ')}): their codes are in the codebook, but the rows, columns and cells have no place in REFI-QDA`,
        ]
      : []),
    ...(attributes.some((a) => a.type === 'choice')
      ? ['the allowed choices of choice attributes: they are written as text variables, the choices in each variable’s description']
      : []),
    'code inclusion and exclusion criteria are kept as the closing paragraphs of each code’s description',
    'example quotes, display formatting (headings, bold, italic) and the undo history are not exported',
  ];
  return {
    file: {
      fileName: `${exportFileBase(projectName)}.qdpx`,
      mimeType: 'application/zip',
      data: zipFiles(files),
    },
    report: {
      sources: documents.length,
      codes: codes.length,
      users: coders.length,
      cases: cases.length,
      variables: attributes.length,
      selections,
      codings,
      notes: notes.length,
      notCarried,
    },
  };
}
