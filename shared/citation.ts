// Citations from a template the user edits, such as "({case}, {speaker}, {paragraph}, {time})". Pure, so
// the main process (exports, CLI) and the renderer (the live preview) render them alike.

export const DEFAULT_CITATION_TEMPLATE = '({case}, {speaker}, {paragraph}, {time})';

/** The built-in fields; any other name in braces is a case attribute (matched ignoring case). */
export const CITATION_FIELDS = {
  document: 'the document’s name',
  case: 'the case’s name',
  paragraph: 'paragraph numbers: ¶14 or ¶14–15',
  speaker: 'the speaker of the first paragraph',
  time: 'its timestamp: 00:12:31',
  coder: 'the coder’s name',
  codes: 'the codes’ names, joined by "; "',
} as const;

export const MAX_CITATION_TEMPLATE = 500;

/** What a citation can draw on: one excerpt. */
export interface CitationSource {
  document: string;
  case: string | null;
  attributes: Record<string, string>;
  paragraphStart: number | null;
  paragraphEnd: number | null;
  speaker: string | null;
  time: string | null;
  coder: string;
  codes: { name: string }[];
}

type Token = { literal: string } | { field: string };

/** Literal text and {field}s; "{{" and "}}" write a brace; a brace that opens no field is literal. */
export function parseCitationTemplate(template: string): Token[] {
  const tokens: Token[] = [];
  let literal = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      literal += c;
      i++;
      continue;
    }
    const close = c === '{' ? template.indexOf('}', i + 1) : -1;
    const name = close > i ? template.slice(i + 1, close).trim() : '';
    if (!name || name.includes('{')) {
      literal += c;
      continue;
    }
    if (literal) tokens.push({ literal });
    literal = '';
    tokens.push({ field: name });
    i = close;
  }
  if (literal) tokens.push({ literal });
  return tokens;
}

/** "¶14", "¶14–15", or "" when the paragraphs are unknown. */
export function paragraphLabel(start: number | null, end: number | null): string {
  if (start === null) return '';
  return end === null || end === start ? `¶${start}` : `¶${start}–${end}`;
}

function fieldValue(name: string, source: CitationSource): string {
  switch (name.toLowerCase()) {
    case 'document':
      return source.document;
    case 'case':
      return source.case ?? '';
    case 'paragraph':
      return paragraphLabel(source.paragraphStart, source.paragraphEnd);
    case 'speaker':
      return source.speaker ?? '';
    case 'time':
      return source.time ?? '';
    case 'coder':
      return source.coder;
    case 'codes':
      return source.codes.map((c) => c.name).join('; ');
    default: {
      const key = Object.keys(source.attributes).find((k) => k.toLowerCase() === name.toLowerCase());
      return key === undefined ? '' : source.attributes[key]!;
    }
  }
}

/**
 * The citation of one excerpt. A field with no value leaves out the text between it and the field before
 * it (for the first field, the text up to the next one), so "({case}, {speaker}, {time})" without a time
 * reads "(Borough 1, DCS)". Text before the first field and after the last always stays.
 */
export function renderCitation(template: string, source: CitationSource): string {
  const tokens = parseCitationTemplate(template);
  let lead = '';
  let tail = '';
  const fields: { value: string; before: string }[] = [];
  for (const t of tokens) {
    if ('literal' in t) tail += t.literal;
    else {
      if (fields.length === 0) lead = tail;
      fields.push({ value: fieldValue(t.field, source), before: fields.length === 0 ? '' : tail });
      tail = '';
    }
  }
  if (fields.length === 0) return tail;
  const kept = fields.filter((f) => f.value !== '');
  return lead + kept.map((f, i) => (i === 0 ? '' : f.before) + f.value).join('') + tail;
}

/** Field names in the template that are neither built in nor one of these attributes (likely typing mistakes). */
export function unknownCitationFields(template: string, attributeNames: string[]): string[] {
  const known = new Set([...Object.keys(CITATION_FIELDS), ...attributeNames].map((n) => n.toLowerCase()));
  return [
    ...new Set(
      parseCitationTemplate(template)
        .filter((t): t is { field: string } => 'field' in t && !known.has(t.field.toLowerCase()))
        .map((t) => t.field),
    ),
  ];
}
