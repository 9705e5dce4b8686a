import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { COOCCURRENCE_RULES, exportFileBase, MODE_LABELS, THEME_RULE, themeLevelLabel, themeLevelRule } from '../../shared/matrix-rule';
import { call } from '../common/api';
import { download, fromBase64 } from '../common/download';
import { MATRIX_EVENTS, MatrixExcerpts } from './MatrixExcerpts';
import { MatrixFilters } from './MatrixFilters';
import { MatrixGrid } from './MatrixGrid';
import { exportMatrixPng } from './png-export';
import {
  DEFAULT_SETTINGS,
  specOf,
  type CellRef,
  type CodeSourceChoice,
  type Display,
  type LayoutChoice,
  type MatrixSettings,
} from './matrix-settings';
import type { TranscriptTarget } from '../transcript/types';
import type { Excerpt } from '../excerpts/ExcerptItems';
import { useCoderView } from '../common/coder-visibility';
import { announce } from '../common/LiveRegion';
import { useQuery } from '../common/use-query';
import { useStoredState } from '../common/use-stored-state';

type Coder = ResultOf<'coders.list'>['coders'][number];
type DocumentSummary = ResultOf<'documents.list'>[number];
type Cases = ResultOf<'cases.list'>;
type Sources = ResultOf<'matrix.codeSources'>;
type Frameworks = ResultOf<'frameworks.list'>;

interface Props {
  projectGuid: string;
  coders: Coder[];
  documents: DocumentSummary[];
  cases: Cases | undefined;
  /** The excerpt last shown in the transcript. */
  current: number | null;
  onShow: (target: TranscriptTarget, excerpt: Excerpt) => void;
  onError: (error: Error) => void;
  /** The splitter that resizes the matrix: inside its landmark, at its foot. */
  resizer?: ReactNode;
}

const DISPLAYS: [Display, string][] = [
  ['counts', 'Counts'],
  ['heat-segments', 'Heat: segments'],
  ['heat-documents', 'Heat: % of docs'],
  ['chips', 'Themes'],
  ['excerpts', 'Excerpts'],
];

const EXPORTS = [
  ['csv', 'CSV (one line per cell)'],
  ['xlsx', 'Excel workbook (XLSX)'],
  ['docx', 'Word table (DOCX)'],
  ['png', 'Picture (PNG)'],
] as const;

const sourceValue = (s: CodeSourceChoice) => ('codeSetId' in s ? `set:${s.codeSetId}` : `parent:${s.parentId}`);
const sourceFrom = (value: string): CodeSourceChoice => {
  const [kind, id] = value.split(':');
  return kind === 'set' ? { codeSetId: Number(id) } : { parentId: Number(id) };
};

function layoutValue(layout: LayoutChoice, frameworks: Frameworks | undefined): string {
  if (layout.kind === 'framework') return `framework:${layout.frameworkId ?? frameworks?.activeId ?? frameworks?.frameworks[0]?.id ?? ''}`;
  const c = layout.columns;
  return c.kind === 'attribute' ? `attribute:${c.attributeId}` : c.kind;
}

/** A code matrix's rows default to the first group of codes outside the frameworks (the themes), its columns to the framework's cells. */
function codeLayout(value: string, sources: Sources | undefined, frameworks: Frameworks | undefined): LayoutChoice | null {
  const roots = new Set(frameworks?.frameworks.map((f) => f.rootCodeId));
  const rows = sources?.groups.find((g) => !roots.has(g.id)) ?? sources?.groups[0];
  const framework = sources?.groups.find((g) => roots.has(g.id)) ?? rows;
  if (!rows || !framework) return null;
  const [kind, id] = value.split(':');
  const columns =
    kind === 'codes'
      ? ({ kind: 'codes', codes: { parentId: framework.id } } as const)
      : kind === 'attribute'
        ? ({ kind: 'attribute', attributeId: Number(id) } as const)
        : ({ kind: kind as 'coders' | 'cases' } as const);
  return { kind: 'codes', rows: { parentId: rows.id }, columns };
}

/** The live matrix: a framework's rows × columns (or a code matrix), filled from the codings as they change. */
/** Says when a change made elsewhere (a coding, an undo, an import) changes the counts of the matrix in view. */
function useAnnouncedChanges(data: ResultOf<'matrix.get'> | undefined, specKey: string) {
  const seen = useRef<{ specKey: string; data: ResultOf<'matrix.get'> } | null>(null);
  useEffect(() => {
    if (!data) return;
    const before = seen.current;
    seen.current = { specKey, data };
    if (!before || before.specKey !== specKey || before.data.cells.length !== data.cells.length) return;
    const changed = data.cells.filter((cell, i) => cell.segments !== before.data.cells[i]!.segments);
    if (changed.length === 0) return;
    const rowName = new Map(data.rows.map((r) => [r.key, r.name]));
    const columnName = new Map(data.columns.map((c) => [c.key, c.name]));
    const [one] = changed;
    announce(
      changed.length === 1
        ? `Matrix updated: ${rowName.get(one!.row)} × ${columnName.get(one!.column)} now ${one!.segments} segment${one!.segments === 1 ? '' : 's'}`
        : `Matrix updated: ${changed.length} cells changed`,
    );
  }, [data, specKey]);
}

export function MatrixView({ projectGuid, coders, documents, cases, current, onShow, onError, resizer }: Props) {
  const [stored, setSettings] = useStoredState<MatrixSettings>(`matrix.${projectGuid}`, DEFAULT_SETTINGS);
  // Settings remembered before a setting existed take its default.
  const settings: MatrixSettings = { ...DEFAULT_SETTINGS, ...stored };
  const [selected, setSelected] = useState<CellRef | null>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const [help, setHelp] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportMenu, setExportMenu] = useState(false);
  const frameworks = useQuery('frameworks.list', {}, ['codebook-changed']);
  const sources = useQuery('matrix.codeSources', {}, ['codebook-changed']);
  const groups = useQuery('documentGroups.list', {}, ['documents-changed']);
  const { blind } = useCoderView();
  const spec = specOf(settings, blind?.id ?? null);
  // First after an event: a person coding with the matrix open watches its cells change.
  const matrix = useQuery('matrix.get', spec, MATRIX_EVENTS, { first: true });
  const previews = useQuery('matrix.previews', settings.display === 'excerpts' ? { ...spec, perCell: 3 } : null, MATRIX_EVENTS);
  const update = (change: Partial<MatrixSettings>) => {
    setSettings({ ...settings, ...change });
    if (change.layout || change.filters || change.mode || change.themeLevel !== undefined) setSelected(null);
  };
  const { layout } = settings;
  const framework =
    layout.kind === 'framework'
      ? frameworks.data?.frameworks.find((f) => `framework:${f.id}` === layoutValue(layout, frameworks.data))
      : undefined;
  const data = matrix.data;
  useAnnouncedChanges(data, JSON.stringify(spec));
  // Levels offered: down to the one above the deepest (the deepest counts every theme as itself).
  const deepest = Math.max(2, ...(data?.themes.map((t) => t.level) ?? []));

  const chooseLayout = (value: string) => {
    if (value.startsWith('framework:')) update({ layout: { kind: 'framework', frameworkId: Number(value.split(':')[1]), sliceId: null } });
    else {
      const next = codeLayout(value, sources.data, frameworks.data);
      if (next) update({ layout: next });
    }
  };

  const exportAs = async (format: 'csv' | 'xlsx' | 'docx' | 'png') => {
    if (!data) return;
    setExporting(true);
    // The limit is the one on screen: it applies only while the chips are shown.
    const themeLimit = settings.display === 'chips' ? settings.themeLimit : 0;
    try {
      if (format === 'png') download(await exportMatrixPng(data, settings.display, themeLimit), `${exportFileBase(data.title)}.png`);
      else {
        const file = await call('matrix.export', { ...spec, format, themeLimit });
        download(fromBase64(file.base64, file.mimeType), file.fileName);
      }
    } catch (error) {
      onError(error as Error);
    } finally {
      setExporting(false);
    }
  };

  const sourceOptions = (
    <>
      {sources.data?.groups.map((g) => (
        <option key={`g${g.id}`} value={`parent:${g.id}`}>
          {g.path}
        </option>
      ))}
      {sources.data?.codeSets.map((s) => (
        <option key={`s${s.id}`} value={`set:${s.id}`}>
          Set: {s.name}
        </option>
      ))}
    </>
  );

  return (
    <section className="pane matrix-view" aria-label="Matrix" ref={sectionRef}>
      <div className="matrix-toolbar">
        <select aria-label="Matrix" value={layoutValue(layout, frameworks.data)} onChange={(e) => chooseLayout(e.target.value)}>
          <optgroup label="Framework">
            {frameworks.data?.frameworks.map((f) => (
              <option key={f.id} value={`framework:${f.id}`}>
                {f.name}: {f.rowLabel} × {f.columnLabel}
              </option>
            ))}
          </optgroup>
          <optgroup label="Code matrix">
            <option value="codes">Codes × codes</option>
            <option value="coders">Codes × coders</option>
            <option value="cases">Codes × cases</option>
            {cases?.attributes.map((a) => (
              <option key={a.id} value={`attribute:${a.id}`}>
                Codes × {a.name}
              </option>
            ))}
          </optgroup>
        </select>
        {layout.kind === 'codes' && (
          <label className="field">
            <span>Rows</span>
            <select value={sourceValue(layout.rows)} onChange={(e) => update({ layout: { ...layout, rows: sourceFrom(e.target.value) } })}>
              {sourceOptions}
            </select>
          </label>
        )}
        {layout.kind === 'codes' && layout.columns.kind === 'codes' && (
          <label className="field">
            <span>Columns</span>
            <select
              value={sourceValue(layout.columns.codes)}
              onChange={(e) => update({ layout: { ...layout, columns: { kind: 'codes', codes: sourceFrom(e.target.value) } } })}
            >
              {sourceOptions}
            </select>
          </label>
        )}
        {framework && framework.slices.length > 0 && layout.kind === 'framework' && (
          <div className="segmented" role="radiogroup" aria-label={framework.sliceLabel ?? 'Slice'}>
            <span className="field-label">{framework.sliceLabel ?? 'Slice'}</span>
            {[{ id: null, name: 'All' }, ...framework.slices].map((s) => (
              <label key={s.id ?? 'all'} className={layout.sliceId === s.id ? 'on' : undefined}>
                <input
                  type="radio"
                  name="matrix-slice"
                  checked={layout.sliceId === s.id}
                  onChange={() => update({ layout: { ...layout, sliceId: s.id } })}
                />
                {s.name}
              </label>
            ))}
          </div>
        )}
        <select
          aria-label="Co-occurrence"
          value={settings.mode}
          onChange={(e) => update({ mode: e.target.value as MatrixSettings['mode'] })}
        >
          {Object.entries(MODE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              Themes: {label.toLowerCase()}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon-button help-button"
          aria-expanded={help}
          aria-controls="matrix-help"
          onClick={() => setHelp(!help)}
        >
          ?<span className="visually-hidden"> How cells and themes are counted</span>
        </button>
      </div>
      {help && (
        <div id="matrix-help" className="matrix-help" role="note">
          <p>
            <strong>{MODE_LABELS[settings.mode]}.</strong> {COOCCURRENCE_RULES[settings.mode]}
          </p>
          <p>
            {THEME_RULE} {themeLevelRule(data?.themeLevel ?? null)} Documents and cases are those the cell’s segments come from; “% of
            documents” is out of the documents in scope of the column. Click a cell or a theme for its excerpts, an excerpt to see it in the
            transcript. Arrow keys move between cells.
          </p>
        </div>
      )}
      <div className="matrix-toolbar">
        <div className="segmented" role="radiogroup" aria-label="Show">
          <span className="field-label">Show</span>
          {DISPLAYS.map(([value, label]) => (
            <label key={value} className={settings.display === value ? 'on' : undefined}>
              <input type="radio" name="matrix-display" checked={settings.display === value} onChange={() => update({ display: value })} />
              {label}
            </label>
          ))}
        </div>
        {settings.display === 'chips' && data?.showsThemes && (
          <label className="field">
            <span>Themes per cell</span>
            <select value={settings.themeLimit} onChange={(e) => update({ themeLimit: Number(e.target.value) })}>
              <option value={0}>All</option>
              <option value={1}>Top 1</option>
              <option value={3}>Top 3</option>
              <option value={5}>Top 5</option>
            </select>
          </label>
        )}
        {settings.display === 'chips' && data?.showsThemes && (
          <label className="field">
            <span>Theme level</span>
            <select value={settings.themeLevel} onChange={(e) => update({ themeLevel: Number(e.target.value) })}>
              <option value={0}>{themeLevelLabel(null)}</option>
              {Array.from({ length: deepest - 1 }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  {themeLevelLabel(i + 1)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="export">
          <button
            type="button"
            aria-expanded={exportMenu}
            aria-controls="matrix-export"
            disabled={!data || exporting}
            onClick={() => setExportMenu(!exportMenu)}
          >
            {exporting ? 'Exporting…' : 'Export ▾'}
          </button>
          {exportMenu && (
            <ul
              id="matrix-export"
              className="menu"
              aria-label="Export formats"
              onKeyDown={(e) => e.key === 'Escape' && setExportMenu(false)}
            >
              {EXPORTS.map(([format, label]) => (
                <li key={format}>
                  <button
                    type="button"
                    autoFocus={format === 'csv'}
                    onClick={() => {
                      setExportMenu(false);
                      void exportAs(format);
                    }}
                  >
                    {label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {blind && (
        <p className="matrix-blind" role="note">
          Only mine: the matrix counts coder {blind.name}’s codings alone (turn it off in the transcript’s “Show” bar).
        </p>
      )}
      <MatrixFilters
        filters={settings.filters}
        onChange={(filters) => update({ filters })}
        coders={coders}
        documents={documents}
        groups={groups.data ?? []}
        cases={cases}
        themes={data?.themes ?? []}
      >
        {data && (
          <span className="matrix-scope">
            {data.documents} {data.documents === 1 ? 'document' : 'documents'} in scope
          </span>
        )}
      </MatrixFilters>
      <div className="matrix-body">
        <div className="matrix-scroll">
          {matrix.error && (
            <div className="hint pad" role="alert">
              The matrix could not be computed: {matrix.error.message}{' '}
              <button type="button" onClick={() => setSettings(DEFAULT_SETTINGS)}>
                Reset the view
              </button>
            </div>
          )}
          {data && (
            <>
              <MatrixGrid
                matrix={data}
                display={settings.display}
                themeLimit={settings.themeLimit}
                previews={previews.data}
                selected={selected}
                onSelect={setSelected}
              />
              {data.cells.every((c) => c.segments === 0) && (
                <p className="hint pad">
                  No codings in this view yet. Code passages with the framework’s cells and they appear here as you go.
                </p>
              )}
            </>
          )}
        </div>
        {selected && data && (
          <MatrixExcerpts
            key={`${selected.row}|${selected.column}|${selected.themeId}`}
            spec={spec}
            matrix={data}
            cell={selected}
            current={current}
            onShow={onShow}
            onClose={() => {
              // The focus goes back to the cell whose excerpts these were, not to the page.
              sectionRef.current?.querySelector<HTMLElement>('.cell-button[aria-pressed="true"]')?.focus();
              setSelected(null);
            }}
          />
        )}
      </div>
      {resizer}
    </section>
  );
}
