import type { Act } from './types';
import { useState } from 'react';
import type { ArgsOf, ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { CodeActions, type CodeActionPanel } from './CodeActions';
import { ColorPalette } from '../common/ColorPalette';
import type { CodeNode } from './code-tree-model';
import { PassageText } from '../common/PassageText';
import { SavedText } from '../common/SavedFields';
import { blindFilter, useCoderView } from '../common/coder-visibility';
import { useQuery } from '../common/use-query';

type CodeSet = ResultOf<'codeSets.list'>[number];

const RECOUNT = ['codebook-changed', 'segments-changed'] as const;

/** A labelled text of the code, saved when the field is left. */
function TextSetting({ label, value, onSave, rows }: { label: string; value: string; onSave: (text: string) => void; rows: number }) {
  return (
    <label className="field">
      <span>{label}</span>
      <SavedText label={label} value={value} onSave={onSave} rows={rows} />
    </label>
  );
}

type Details = ResultOf<'codes.details'>;

/** The code's memo: analytic notes on what the code is becoming, beside its definition. */
function CodeMemo({ codeId, act }: { codeId: number; act: Act }) {
  const memo = useQuery('memos.get', { target: { kind: 'code', id: codeId } }, ['memos-changed', 'history-changed']);
  const target = memo.data?.target;
  if (!(target?.kind === 'code' && target.id === codeId)) return null;
  return (
    <TextSetting
      label="Memo"
      value={memo.data!.body}
      onSave={(body) => void act(call('memos.set', { target: { kind: 'code', id: codeId }, body }))}
      rows={3}
    />
  );
}

function ExampleQuote({ code, current, act }: { code: CodeNode; current: Details['example'] | undefined; act: Act }) {
  const [choosing, setChoosing] = useState(false);
  const { blind } = useCoderView();
  const passages = useQuery(
    'codes.segments',
    choosing ? { id: code.id, withChildren: true, limit: 500, ...blindFilter(blind) } : null,
    RECOUNT,
  );
  const choose = (exampleSegmentId: number | null) => {
    setChoosing(false);
    void act(call('codes.update', { id: code.id, exampleSegmentId }));
  };
  return (
    <section className="example" aria-label="Example quote">
      <h4>Example quote</h4>
      {current ? (
        <blockquote>
          {current.text}
          <footer>
            {current.document} · coder {current.coder}
          </footer>
        </blockquote>
      ) : (
        <p className="hint">
          {current === undefined
            ? 'Loading…'
            : code.exampleSegmentId
              ? 'Another coder’s passage: hidden while “Only mine” is on.'
              : 'None chosen.'}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => setChoosing(!choosing)} disabled={code.segmentsWithChildren === 0} aria-expanded={choosing}>
          {current ? 'Change…' : 'Choose…'}
        </button>
        {current && (
          <button type="button" onClick={() => choose(null)}>
            Remove
          </button>
        )}
      </div>
      {choosing && (
        <ul className="passage-list" aria-label="Passages to choose from">
          {(passages.data ?? []).map((p) => (
            <li key={p.id}>
              <button type="button" className="passage" onClick={() => choose(p.id)}>
                <PassageText passage={p} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Counts({ code, data }: { code: CodeNode; data: Details | undefined }) {
  // While blind the details count the current coder's work only: one row, theirs.
  const { blind } = useCoderView();
  const rows = !data ? [] : blind ? [{ ...data.code, coder: blind.name }] : [{ ...data.code, coder: 'All' }, ...data.byCoder];
  return (
    <table className="counts" aria-label={`Counts for ${code.name}`}>
      <thead>
        <tr>
          <th scope="col">Coder</th>
          <th scope="col">Passages</th>
          <th scope="col">Docs</th>
          <th scope="col" title="Passages and documents, including the sub-codes'">
            With sub-codes
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.coder}>
            <th scope="row">{r.coder}</th>
            <td>{r.segments}</td>
            <td>{r.documents}</td>
            <td>
              {r.segmentsWithChildren} · {r.documentsWithChildren}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SetMembership({ code, sets, act }: { code: CodeNode; sets: CodeSet[]; act: Act }) {
  if (sets.length === 0) return <p className="hint">No code sets yet (see the Sets tab).</p>;
  return (
    <fieldset className="set-membership">
      <legend>Code sets</legend>
      {sets.map((s) => (
        <label key={s.id} className="check">
          <input
            type="checkbox"
            checked={s.codeIds.includes(code.id)}
            onChange={(e) =>
              void act(
                call('codeSets.update', {
                  id: s.id,
                  codeIds: e.target.checked ? [...s.codeIds, code.id] : s.codeIds.filter((c) => c !== code.id),
                }),
              )
            }
          />
          {s.name}
        </label>
      ))}
    </fieldset>
  );
}

/** Everything about one code: name, colour, definition and criteria, example quote, counts, sets, and merge/split/delete. */
export function CodeDetails(props: {
  code: CodeNode;
  tree: CodeNode[];
  sets: CodeSet[];
  act: Act;
  onRename: () => void;
  panel: CodeActionPanel;
  onPanel: (panel: CodeActionPanel) => void;
}) {
  const { code, tree, sets, act, onRename } = props;
  const update = (fields: Omit<ArgsOf<'codes.update'>, 'id'>) => void act(call('codes.update', { id: code.id, ...fields }));
  const role = code.framework?.role;
  const { blind } = useCoderView();
  const query = useQuery('codes.details', { id: code.id, ...blindFilter(blind) }, RECOUNT);
  const data = query.data?.code.id === code.id ? query.data : undefined;
  // undefined while the example is being read, null when there is none.
  const example = data ? data.example : code.exampleSegmentId ? undefined : null;
  return (
    <section className="code-details" aria-label={`Code ${code.name}`}>
      <header className="details-header">
        <span className="swatch big" style={{ backgroundColor: code.color }} aria-hidden="true" />
        <div>
          <h3>{code.name}</h3>
          <p className="hint">{code.path}</p>
        </div>
        {!code.framework && (
          <button type="button" onClick={onRename}>
            Rename
          </button>
        )}
      </header>
      {role && (
        <p className="note">
          {role === 'root'
            ? 'This code stands for a framework: rename or delete it in the Frameworks tab.'
            : `A ${role === 'cell' ? 'cell' : 'slice value'} of a framework: its name follows the framework (Frameworks tab); its colour and definition are yours.`}
        </p>
      )}
      <ColorPalette value={code.color} onChange={(color) => update({ color })} />
      {!code.framework && (
        <label className="check">
          <input type="checkbox" checked={code.codable} onChange={(e) => update({ codable: e.target.checked })} />
          Can be applied to text (untick for a grouping code)
        </label>
      )}
      <TextSetting label="Definition" value={code.description} onSave={(description) => update({ description })} rows={4} />
      <TextSetting label="Include when" value={code.inclusion} onSave={(inclusion) => update({ inclusion })} rows={2} />
      <TextSetting label="Exclude when" value={code.exclusion} onSave={(exclusion) => update({ exclusion })} rows={2} />
      <CodeMemo codeId={code.id} act={act} />
      <ExampleQuote code={code} current={example} act={act} />
      <Counts code={code} data={data} />
      <SetMembership code={code} sets={sets} act={act} />
      <CodeActions code={code} tree={tree} act={act} panel={props.panel} onPanel={props.onPanel} />
    </section>
  );
}
