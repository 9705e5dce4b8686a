import { readFileSync } from 'node:fs';
import { DataError } from '../../db/errors';
import { utf16ToCodePoint } from '../../shared/offsets';
import type { Db } from '../../db/project-file';
import { ensureAttribute, ensureCase, linkCaseDocument, setCaseAttribute, type AttributeType } from '../../db/queries/cases';
import { requireCodeRef } from '../../db/queries/code-refs';
import { ensureCoder } from '../../db/queries/coders';
import { createCode } from '../../db/queries/codes';
import { insertDocument } from '../../db/queries/documents';
import { setMeta } from '../../db/queries/meta';
import { insertSegment } from '../../db/queries/segments';
import { seedDefaultFramework } from './default-framework';
import { readResourceJson, resourcePath } from './resources';
import { parsePlainTranscript } from './transcript';

interface DemoCases {
  attributes: { name: string; type: AttributeType; choices?: string[] }[];
  cases: { name: string; document: string; title: string; attributes: Record<string, string> }[];
}
interface DemoCode {
  name: string;
  color: string;
  description: string;
  children?: DemoCode[];
}
interface DemoCodebook {
  root: { name: string; description: string };
  codes: DemoCode[];
}
interface DemoCodings {
  document: string;
  codings: { quote: string; codes: string[]; coders: string[]; memo?: string }[];
}

export const DEMO_PROJECT_NAME = 'Every Child Matters – DCS interviews (demo)';

const CODER_COLORS: Record<string, string> = { A: '#4E79A7', B: '#E15759' };

/** Where a quote sits in a transcript, in code points; it must occur exactly once. */
export function locateQuote(text: string, quote: string, documentName: string): { start: number; end: number } {
  const at = text.indexOf(quote);
  if (at < 0 || text.indexOf(quote, at + 1) >= 0) {
    throw new DataError('invalid', `Demo coding quote must occur exactly once in ${documentName}: "${quote.slice(0, 60)}…"`);
  }
  const start = utf16ToCodePoint(text, at);
  return { start, end: start + utf16ToCodePoint(quote, quote.length) };
}

/** Fills an empty project with the demo study: framework, themes, ten interviews, cases and two coders' codings. */
export function populateDemo(db: Db): void {
  seedDefaultFramework(db);
  const codebook = readResourceJson<DemoCodebook>('demo', 'codebook.json');
  const rootId = createCode(db, {
    parentId: null,
    name: codebook.root.name,
    codable: false,
    color: '#79706E',
    description: codebook.root.description,
  });
  const addCodes = (parentId: number, codes: DemoCode[]) => {
    for (const { children, ...code } of codes) addCodes(createCode(db, { parentId, ...code }), children ?? []);
  };
  addCodes(rootId, codebook.codes);

  const coders = Object.fromEntries(Object.entries(CODER_COLORS).map(([name, color]) => [name, ensureCoder(db, name, color).id]));
  const { attributes, cases } = readResourceJson<DemoCases>('demo', 'cases.json');
  const attributeByName = new Map(attributes.map((a) => [a.name, ensureAttribute(db, a.name, a.type, a.choices ?? null)]));

  for (const demoCase of cases) {
    const raw = readFileSync(resourcePath('demo', 'interviews', `${demoCase.document}.txt`), 'utf8');
    const { text, paragraphs } = parsePlainTranscript(raw);
    const documentId = insertDocument(db, {
      name: demoCase.title,
      text,
      paragraphs,
      sourceName: `${demoCase.document}.txt`,
      sourceType: 'demo',
    });
    const caseId = ensureCase(db, demoCase.name);
    linkCaseDocument(db, caseId, documentId);
    for (const [name, value] of Object.entries(demoCase.attributes)) {
      const attribute = attributeByName.get(name);
      if (!attribute) throw new DataError('invalid', `Demo case "${demoCase.name}" uses an undeclared attribute "${name}".`);
      setCaseAttribute(db, caseId, attribute, value);
    }
    const { codings } = readResourceJson<DemoCodings>('demo', 'interviews', `${demoCase.document}.codings.json`);
    for (const coding of codings) {
      const range = locateQuote(text, coding.quote, demoCase.title);
      const codeIds = coding.codes.map((ref) => requireCodeRef(db, ref));
      for (const coder of coding.coders) {
        const coderId = coders[coder];
        if (coderId === undefined) throw new DataError('invalid', `Demo coding names an unknown coder "${coder}".`);
        insertSegment(db, { documentId, coderId, ...range, codeIds, memo: coding.memo ?? '' });
      }
    }
  }
  setMeta(db, 'current_coder_id', String(coders.A));
}
