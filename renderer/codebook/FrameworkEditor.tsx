import { useState, type FormEvent } from 'react';
import type { ArgsOf, ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { FrameworkGrid, type Framework } from './FrameworkGrid';
import type { Act } from './types';
import { places, type CodeNode } from './code-tree-model';
import { useQuery } from '../common/use-query';
import { useReveal } from '../common/use-reveal';
import { SavedInput } from '../common/SavedFields';

type Axis = 'row' | 'column' | 'slice';
type Value = { id: number; name: string; description: string };
type Choice = 'uncode' | 'keep' | 'merge';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const RECOUNT = ['codebook-changed', 'segments-changed'] as const;

/** What happens to the codings when a value (or the framework) goes: the question is asked before anything changes. */
function DeletePanel({
  what,
  preview,
  others,
  onConfirm,
  onCancel,
}: {
  what: string;
  preview: ResultOf<'frameworks.deletePreview'> | undefined;
  others: Value[] | null;
  onConfirm: (choice: Choice, intoValueId?: number) => void;
  onCancel: () => void;
}) {
  const [choice, setChoice] = useState<Choice>('keep');
  const [into, setInto] = useState<number | undefined>(others?.[0]?.id);
  const ref = useReveal<HTMLDivElement>();
  const option = (value: Choice, label: string, disabled = false) => (
    <label className="check">
      <input
        type="radio"
        name={`delete-${what}`}
        value={value}
        checked={choice === value}
        disabled={disabled}
        onChange={() => setChoice(value)}
      />
      {label}
    </label>
  );
  return (
    <div className="action-panel danger" role="group" aria-label={`Delete ${what}`} ref={ref}>
      <p role="status">
        {preview
          ? `The ${what} has ${plural(preview.codings, 'coding')} on ${plural(preview.segments, 'passage')} in ${plural(preview.documents, 'document')}. What should happen to them?`
          : 'Counting…'}
      </p>
      {option('keep', 'Keep them, as ordinary codes outside the framework')}
      {others && option('merge', 'Move them to', others.length === 0)}
      {others && choice === 'merge' && (
        <select aria-label="Move the codings to" value={into} onChange={(e) => setInto(Number(e.target.value))}>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
      {option(
        'uncode',
        `Remove them${preview?.segmentsRemoved ? ` (${plural(preview.segmentsRemoved, 'passage')} would have no code left and go too)` : ''}`,
      )}
      <div className="row">
        <button
          type="button"
          className="danger-button"
          disabled={!preview}
          onClick={() => onConfirm(choice, choice === 'merge' ? into : undefined)}
        >
          Delete {what}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

const AXIS_NAMES: Record<Axis, string> = { row: 'Rows', column: 'Columns', slice: 'Slices' };

function AxisEditor({
  framework,
  axis,
  values,
  label,
  act,
}: {
  framework: Framework;
  axis: Axis;
  values: Value[];
  label: string;
  act: Act;
}) {
  const [adding, setAdding] = useState('');
  const [deleting, setDeleting] = useState<number | null>(null);
  const preview = useQuery('frameworks.deletePreview', deleting === null ? null : { valueId: deleting }, RECOUNT);
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (adding.trim())
      void act(call('frameworks.addValue', { frameworkId: framework.id, axis, name: adding.trim() })).then((ok) => ok && setAdding(''));
  };
  const word = axis === 'slice' ? 'slice value' : axis;
  return (
    <section className="axis" aria-label={`${AXIS_NAMES[axis]} (${label})`}>
      <h4>
        {AXIS_NAMES[axis]}
        {label && <span className="axis-label"> · {label}</span>}
      </h4>
      <ol>
        {values.map((v, i) => (
          <li key={v.id}>
            <div className="row">
              <SavedInput
                label={`${label || AXIS_NAMES[axis]} ${v.name}`}
                value={v.name}
                onSave={(name) => void act(call('frameworks.updateValue', { id: v.id, name }))}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${v.name} up`}
                disabled={i === 0}
                onClick={() => void act(call('frameworks.moveValue', { id: v.id, index: i - 1 }))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${v.name} down`}
                disabled={i === values.length - 1}
                onClick={() => void act(call('frameworks.moveValue', { id: v.id, index: i + 1 }))}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete ${word} ${v.name}`}
                aria-expanded={deleting === v.id}
                onClick={() => setDeleting(deleting === v.id ? null : v.id)}
              >
                ×
              </button>
            </div>
            {deleting === v.id && (
              <DeletePanel
                what={`${word} “${v.name}”`}
                preview={preview.data}
                others={values.filter((o) => o.id !== v.id)}
                onCancel={() => setDeleting(null)}
                onConfirm={(codings, intoValueId) => {
                  setDeleting(null);
                  void act(
                    call('frameworks.deleteValue', codings === 'merge' ? { id: v.id, codings, intoValueId } : { id: v.id, codings }),
                  );
                }}
              />
            )}
          </li>
        ))}
      </ol>
      <form className="row" onSubmit={add}>
        <input aria-label={`New ${word}`} placeholder={`New ${word}`} value={adding} onChange={(e) => setAdding(e.target.value)} />
        <button type="submit" disabled={!adding.trim()}>
          Add
        </button>
      </form>
    </section>
  );
}

/** The framework as the coding popover will show it: its cells with their colours and counts. */
function Grid({ framework, tree, onShowCode }: { framework: Framework; tree: CodeNode[]; onShowCode: (id: number) => void }) {
  const codes = places(tree);
  return (
    <div className="grid-wrap">
      <FrameworkGrid
        framework={framework}
        variant="preview"
        label={`${framework.name} grid`}
        corner={`${framework.rowLabel} \\ ${framework.columnLabel}`}
        renderCell={(cell) => {
          const code = codes.get(cell.codeId)?.node;
          return (
            code && (
              <button type="button" className="grid-cell" title={code.description} onClick={() => onShowCode(code.id)}>
                <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
                {code.segments}
              </button>
            )
          );
        }}
      />
    </div>
  );
}

function NewFramework({ act, onCreated }: { act: Act; onCreated: (id: number) => void }) {
  const [form, setForm] = useState({ name: '', rowLabel: 'Row', columnLabel: 'Column', sliceLabel: '', rows: '', columns: '', slices: '' });
  const ref = useReveal<HTMLFormElement>();
  const lines = (text: string) =>
    text
      .split(/\n|,/)
      .map((t) => t.trim())
      .filter(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void act(
      call('frameworks.create', {
        name: form.name,
        rowLabel: form.rowLabel,
        columnLabel: form.columnLabel,
        sliceLabel: form.sliceLabel.trim() || null,
        rows: lines(form.rows),
        columns: lines(form.columns),
        slices: lines(form.slices),
      }),
    ).then((created) => created && onCreated(created.id));
  };
  const field = (key: keyof typeof form, label: string, multi = false) => (
    <label className="field">
      <span>{label}</span>
      {multi ? (
        <textarea rows={3} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      ) : (
        <input value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      )}
    </label>
  );
  return (
    <form className="action-panel" aria-label="New framework" onSubmit={submit} ref={ref}>
      {field('name', 'Name')}
      {field('rowLabel', 'Rows are')}
      {field('rows', 'Row values (one per line)', true)}
      {field('columnLabel', 'Columns are')}
      {field('columns', 'Column values (one per line)', true)}
      {field('sliceLabel', 'Slices are (optional)')}
      {field('slices', 'Slice values (one per line)', true)}
      <button
        type="submit"
        className="primary"
        disabled={!form.name.trim() || lines(form.rows).length === 0 || lines(form.columns).length === 0}
      >
        Create framework
      </button>
    </form>
  );
}

/** Frameworks: rows, columns and slices whose cells are codes; several per project, one active. */
export function FrameworkEditor({ tree, act, onShowCode }: { tree: CodeNode[]; act: Act; onShowCode: (id: number) => void }) {
  const list = useQuery('frameworks.list', {}, ['codebook-changed']);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const frameworks = list.data?.frameworks ?? [];
  const framework = frameworks.find((f) => f.id === chosenId) ?? frameworks.find((f) => f.id === list.data?.activeId) ?? frameworks[0];
  const preview = useQuery('frameworks.deletePreview', deleting && framework ? { frameworkId: framework.id } : null, RECOUNT);
  const update = (fields: Omit<ArgsOf<'frameworks.update'>, 'id'>) =>
    framework && void act(call('frameworks.update', { id: framework.id, ...fields }));
  return (
    <div className="pane-scroll pad framework-editor">
      <div className="row">
        <label className="field grow">
          <span>Framework</span>
          <select value={framework?.id ?? ''} onChange={(e) => setChosenId(Number(e.target.value))}>
            {frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
                {f.id === list.data?.activeId ? ' (active)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          New framework…
        </button>
      </div>
      {creating && (
        <NewFramework
          act={act}
          onCreated={(id) => {
            setCreating(false);
            setChosenId(id);
          }}
        />
      )}
      {framework && (
        <>
          <div className="row active-row">
            {framework.id === list.data?.activeId ? (
              <span className="badge">Active: the coding popover and the matrix show this one</span>
            ) : (
              <button type="button" onClick={() => void act(call('frameworks.setActive', { id: framework.id }))}>
                Make active
              </button>
            )}
          </div>
          <label className="field">
            <span>Name</span>
            <SavedInput label="Framework name" value={framework.name} onSave={(name) => update({ name })} />
          </label>
          <div className="labels">
            <label className="field">
              <span>Rows are</span>
              <SavedInput label="Row label" value={framework.rowLabel} onSave={(rowLabel) => update({ rowLabel })} />
            </label>
            <label className="field">
              <span>Columns are</span>
              <SavedInput label="Column label" value={framework.columnLabel} onSave={(columnLabel) => update({ columnLabel })} />
            </label>
            <label className="field">
              <span>Slices are</span>
              <SavedInput label="Slice label" value={framework.sliceLabel ?? ''} onSave={(sliceLabel) => update({ sliceLabel })} />
            </label>
          </div>
          <Grid framework={framework} tree={tree} onShowCode={onShowCode} />
          <AxisEditor framework={framework} axis="row" values={framework.rows} label={framework.rowLabel} act={act} />
          <AxisEditor framework={framework} axis="column" values={framework.columns} label={framework.columnLabel} act={act} />
          <AxisEditor framework={framework} axis="slice" values={framework.slices} label={framework.sliceLabel ?? ''} act={act} />
          <button type="button" aria-expanded={deleting} onClick={() => setDeleting(!deleting)}>
            Delete framework…
          </button>
          {deleting && (
            <DeletePanel
              what={`framework “${framework.name}”`}
              preview={preview.data}
              others={null}
              onCancel={() => setDeleting(false)}
              onConfirm={(codings) => {
                setDeleting(false);
                setChosenId(null);
                void act(call('frameworks.delete', { id: framework.id, codings: codings === 'uncode' ? 'uncode' : 'keep' }));
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
