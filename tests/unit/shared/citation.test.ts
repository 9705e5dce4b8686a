import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CITATION_TEMPLATE,
  paragraphLabel,
  parseCitationTemplate,
  renderCitation,
  unknownCitationFields,
  type CitationSource,
} from '../../../shared/citation';

const source: CitationSource = {
  document: 'Interview 01 – London Borough 1',
  case: 'London borough 1',
  attributes: { 'Authority type': 'London borough', 'Duration (minutes)': '52' },
  paragraphStart: 14,
  paragraphEnd: 14,
  speaker: 'DCS',
  time: '00:12:31',
  coder: 'A',
  codes: [{ name: 'Inspection regimes' }, { name: 'System × Operational' }],
};

describe('citation templates', () => {
  it('renders the issue’s citation with the default template', () => {
    expect(renderCitation(DEFAULT_CITATION_TEMPLATE, source)).toBe('(London borough 1, DCS, ¶14, 00:12:31)');
  });

  it('fills every field, case attributes by name ignoring case, and paragraph ranges', () => {
    const template = '{document} | {case} | {paragraph} | {speaker} | {time} | {coder} | {codes} | {authority TYPE} | {Duration (minutes)}';
    expect(renderCitation(template, { ...source, paragraphEnd: 15 })).toBe(
      'Interview 01 – London Borough 1 | London borough 1 | ¶14–15 | DCS | 00:12:31 | A | Inspection regimes; System × Operational | London borough | 52',
    );
    expect(paragraphLabel(3, 3)).toBe('¶3');
    expect(paragraphLabel(3, 4)).toBe('¶3–4');
    expect(paragraphLabel(null, null)).toBe('');
  });

  it('leaves out an empty field with the text before it (the first one: with the text after it)', () => {
    expect(renderCitation(DEFAULT_CITATION_TEMPLATE, { ...source, time: null })).toBe('(London borough 1, DCS, ¶14)');
    expect(renderCitation(DEFAULT_CITATION_TEMPLATE, { ...source, case: null })).toBe('(DCS, ¶14, 00:12:31)');
    expect(renderCitation(DEFAULT_CITATION_TEMPLATE, { ...source, case: null, speaker: null, time: null })).toBe('(¶14)');
    expect(renderCitation('[{nothing here}]', source)).toBe('[]');
  });

  it('writes braces doubled as braces, and keeps text with emoji and other scripts as written', () => {
    expect(renderCitation('{{{case}}} 😀 — Διάλεξη {speaker}', source)).toBe('{London borough 1} 😀 — Διάλεξη DCS');
    expect(renderCitation('no fields', source)).toBe('no fields');
    expect(parseCitationTemplate('a {b} {c')).toEqual([{ literal: 'a ' }, { field: 'b' }, { literal: ' {c' }]);
  });

  it('names the fields that are neither built in nor a case attribute', () => {
    expect(unknownCitationFields('({case}, {Authority type}, {paragrph}, {Regoin})', ['Authority type'])).toEqual(['paragrph', 'Regoin']);
  });
});
