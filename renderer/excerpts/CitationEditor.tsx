import { useRef } from 'react';
import { CITATION_FIELDS, MAX_CITATION_TEMPLATE, renderCitation, unknownCitationFields } from '../../shared/citation';
import type { Excerpt } from './ExcerptItems';

interface Props {
  template: string;
  onChange: (template: string) => void;
  saved: string | undefined;
  defaultTemplate: string | undefined;
  onSave: () => void;
  attributes: string[];
  /** The excerpt the preview cites. */
  sample: Excerpt | undefined;
}

/** The citation template: fields to insert, a live preview on the first excerpt, saved in the project on request. */
export function CitationEditor({ template, onChange, saved, defaultTemplate, onSave, attributes, sample }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const insert = (field: string) => {
    const el = input.current!;
    const at = el.selectionStart ?? template.length;
    const end = el.selectionEnd ?? at;
    const text = `{${field}}`;
    onChange(template.slice(0, at) + text + template.slice(end));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at + text.length, at + text.length);
    });
  };
  const unknown = unknownCitationFields(template, attributes);
  return (
    <section className="citation-editor" aria-label="Citation">
      <h3>Citation</h3>
      <input
        ref={input}
        aria-label="Citation template"
        value={template}
        maxLength={MAX_CITATION_TEMPLATE}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="citation-fields" role="group" aria-label="Insert a field">
        {[...Object.keys(CITATION_FIELDS), ...attributes].map((f) => (
          <button
            key={f}
            type="button"
            className="field-button"
            title={CITATION_FIELDS[f as keyof typeof CITATION_FIELDS] ?? 'a case attribute'}
            onClick={() => insert(f)}
          >
            {f}
          </button>
        ))}
      </div>
      <p className="citation-preview" aria-label="Citation preview">
        {sample ? renderCitation(template, sample) : <span className="hint">No excerpt to preview.</span>}
      </p>
      {unknown.length > 0 && (
        <p className="hint" role="alert">
          No such field or case attribute: {unknown.map((f) => `{${f}}`).join(', ')}
        </p>
      )}
      <div className="row">
        <button type="button" disabled={saved === undefined || template === saved} onClick={onSave}>
          {saved !== undefined && template === saved ? 'Saved in the project' : 'Save in the project'}
        </button>
        <button
          type="button"
          className="link-button"
          disabled={template === defaultTemplate}
          onClick={() => defaultTemplate && onChange(defaultTemplate)}
        >
          Default
        </button>
      </div>
    </section>
  );
}
