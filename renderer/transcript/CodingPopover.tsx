import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { FrameworkGrid, type Framework } from '../codebook/FrameworkGrid';
import type { CodeInfo } from './codebook-index';
import { usePopoverPlace, type Anchor } from './popover-place';

export interface CodingChoice {
  codeIds: number[];
  newCodes: { name: string; parentId: number | null }[];
  memo: string;
}

interface Props {
  /** The selected words, shown as a reminder and offered as an in-vivo code name. */
  excerpt: string;
  /** Where the selection is: the popover opens below `top`, or above `above` when there is no room. */
  anchor: Anchor;
  codes: Map<number, CodeInfo>;
  framework: Framework | undefined;
  recent: number[];
  /** Codes already on the segment when editing one. */
  initial?: number[];
  initialMemo?: string;
  title: string;
  onApply(choice: CodingChoice): void;
  onClose(): void;
}

const invivoName = (excerpt: string) => excerpt.replace(/\s+/g, ' ').replace(/\//g, '-').trim().slice(0, 60);

/**
 * Choose codes for a selection: search-as-you-type, recent codes, the active framework as a grid
 * (keys 1–9 toggle cells, 0 cycles the slice, when the search box is empty), an in-vivo code, a memo.
 */
export function CodingPopover({
  excerpt,
  anchor,
  codes,
  framework,
  recent,
  initial = [],
  initialMemo = '',
  title,
  onApply,
  onClose,
}: Props) {
  const [chosen, setChosen] = useState<number[]>(initial);
  const [newCodes, setNewCodes] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [memo, setMemo] = useState(initialMemo);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);

  const toggle = (id: number) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const cellCodes = useMemo(() => framework?.cells ?? [], [framework]);
  const sliceCodes = framework?.slices.map((s) => s.codeId) ?? [];

  const q = query.trim().toLowerCase();
  const results = useMemo(
    () => (q ? [...codes.values()].filter((c) => c.codable && c.path.toLowerCase().includes(q)).slice(0, 8) : []),
    [codes, q],
  );
  const exact = results.some((c) => c.name.toLowerCase() === q);
  const options: ({ kind: 'code'; code: CodeInfo } | { kind: 'new'; name: string })[] = [
    ...results.map((code) => ({ kind: 'code' as const, code })),
    ...(q && !exact ? [{ kind: 'new' as const, name: query.trim() }] : []),
  ];

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    if (option.kind === 'code') toggle(option.code.id);
    else setNewCodes((n) => (n.includes(option.name) ? n : [...n, option.name.replace(/\//g, '-')]));
    setQuery('');
    setActive(0);
  };

  const cycleSlice = () => {
    const current = sliceCodes.findIndex((id) => chosen.includes(id));
    const next = sliceCodes[current + 1];
    setChosen((c) => [...c.filter((id) => !sliceCodes.includes(id)), ...(next === undefined ? [] : [next])]);
  };

  const apply = () => {
    if (chosen.length + newCodes.length === 0) return;
    onApply({ codeIds: chosen, newCodes: newCodes.map((name) => ({ name, parentId: null })), memo });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const inSearch = e.target === search.current;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      apply();
    } else if (inSearch && e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (inSearch && e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (inSearch && e.key === 'Enter') {
      e.preventDefault();
      if (q) choose(active);
      else apply();
    } else if (inSearch && !q && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      const cell = cellCodes[Number(e.key) - 1];
      if (cell) toggle(cell.codeId);
    } else if (inSearch && !q && e.key === '0') {
      e.preventDefault();
      cycleSlice();
    }
  };

  const recentCodes = recent
    .map((id) => codes.get(id))
    .filter((c): c is CodeInfo => !!c?.codable)
    .slice(0, 6);
  const { box, style } = usePopoverPlace(anchor, 470);

  return (
    <div ref={box} className="popover" role="dialog" aria-label={title} style={style} onKeyDown={onKeyDown}>
      <header className="popover-head">
        <strong>{title}</strong>
        <span className="popover-excerpt">“{excerpt.length > 90 ? `${excerpt.slice(0, 90)}…` : excerpt}”</span>
      </header>
      <div className="combo">
        <input
          ref={search}
          aria-label="Find or create a code"
          placeholder="Find or create a code…  (1–9: grid, 0: layer)"
          value={query}
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls="code-results"
          aria-activedescendant={options.length ? `code-option-${active}` : undefined}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        {options.length > 0 && (
          <ul id="code-results" role="listbox" className="code-results" aria-label="Matching codes">
            {options.map((o, i) => (
              <li
                key={o.kind === 'code' ? o.code.id : `new-${o.name}`}
                id={`code-option-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(i);
                }}
              >
                {o.kind === 'code' ? (
                  <>
                    <span className="swatch" style={{ backgroundColor: o.code.color }} />
                    <span className="code-path">{o.code.path}</span>
                    {chosen.includes(o.code.id) && <span className="check">✓</span>}
                  </>
                ) : (
                  <span>
                    Create code “<strong>{o.name}</strong>”
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>

      {framework && (
        <section className="grid-section" aria-label={`${framework.name} framework`}>
          <FrameworkGrid
            framework={framework}
            variant="picker"
            label={`${framework.name} cells`}
            corner={<span className="visually-hidden">{framework.rowLabel}</span>}
            renderCell={(cell, index, r, c) => {
              const on = chosen.includes(cell.codeId);
              return (
                <button
                  type="button"
                  className={`cell${on ? ' on' : ''}`}
                  aria-pressed={on}
                  // The key it shows comes first in its name, so the name says what is seen.
                  aria-label={index < 9 ? `Key ${index + 1}: ${r.name} × ${c.name}` : `${r.name} × ${c.name}`}
                  style={on ? { backgroundColor: codes.get(cell.codeId)?.color } : undefined}
                  onClick={() => toggle(cell.codeId)}
                >
                  {index < 9 && <span className="cell-key">{index + 1}</span>}
                </button>
              );
            }}
          />
          {framework.slices.length > 0 && (
            <div className="slice-toggle" role="group" aria-label={`${framework.sliceLabel ?? 'Slice'} (key 0 cycles)`}>
              <span>{framework.sliceLabel ?? 'Slice'}</span>
              {framework.slices.map((s) => (
                <button key={s.id} type="button" aria-pressed={chosen.includes(s.codeId)} onClick={() => toggle(s.codeId)}>
                  {s.name}
                </button>
              ))}
            </div>
          )}
        </section>
      )}

      {recentCodes.length > 0 && (
        <div className="chip-row" role="group" aria-label="Recent codes">
          <span className="chip-label">Recent</span>
          {recentCodes.map((c) => (
            <button key={c.id} type="button" className="chip" aria-pressed={chosen.includes(c.id)} onClick={() => toggle(c.id)}>
              <span className="swatch" style={{ backgroundColor: c.color }} />
              {c.name}
            </button>
          ))}
        </div>
      )}

      <div className="chip-row" aria-label="Chosen codes" role="group">
        <span className="chip-label">Codes</span>
        {chosen.length + newCodes.length === 0 && <span className="hint">none yet</span>}
        {chosen.map((id) => (
          <button key={id} type="button" className="chip on" aria-label={`Remove ${codes.get(id)?.path}`} onClick={() => toggle(id)}>
            <span className="swatch" style={{ backgroundColor: codes.get(id)?.color }} />
            {codes.get(id)?.name} ×
          </button>
        ))}
        {newCodes.map((name) => (
          <button
            key={name}
            type="button"
            className="chip on new"
            aria-label={`Remove new code ${name}`}
            onClick={() => setNewCodes((n) => n.filter((x) => x !== name))}
          >
            new: {name} ×
          </button>
        ))}
        {excerpt.trim() && !newCodes.includes(invivoName(excerpt)) && (
          <button type="button" className="link-button" onClick={() => setNewCodes((n) => [...n, invivoName(excerpt)])}>
            + In-vivo code
          </button>
        )}
      </div>

      <label className="memo-field">
        Memo
        <textarea rows={2} value={memo} onChange={(e) => setMemo(e.target.value)} placeholder="Why this coding? (optional)" />
      </label>
      <footer className="popover-actions">
        <span className="hint">Enter applies · Ctrl+Enter from anywhere · Esc closes</span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={chosen.length + newCodes.length === 0} onClick={apply}>
          Apply
        </button>
      </footer>
    </div>
  );
}
