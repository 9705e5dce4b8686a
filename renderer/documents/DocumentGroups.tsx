import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { MenuButton } from '../common/MenuButton';
import { NameDialog } from '../common/NameDialog';
import { useQuery } from '../common/use-query';

type DocumentSummary = ResultOf<'documents.list'>[number];
type Group = ResultOf<'documentGroups.list'>[number];

/**
 * Document groups (folders; a document may be in several): create, rename and delete them, and put the
 * selected document in or out of each with its checkbox. Every change is an undoable step (Ctrl+Z).
 */
export function DocumentGroups({ selected, onError }: { selected: DocumentSummary | undefined; onError(error: Error): void }) {
  const groups = useQuery('documentGroups.list', {}, ['documents-changed']);
  const [naming, setNaming] = useState<{ group: Group | null } | null>(null);
  // A checkbox shows its new state at once ("group:document" → member) until the list comes back.
  const [pending, setPending] = useState(new Map<string, boolean>());
  const [seen, setSeen] = useState(groups.data);
  if (groups.data !== seen) {
    setSeen(groups.data);
    setPending(new Map());
  }
  const toggle = (group: Group, member: boolean) => {
    if (!selected) return;
    setPending(new Map(pending).set(`${group.id}:${selected.id}`, member));
    const documentIds = member ? [...group.documentIds, selected.id] : group.documentIds.filter((d) => d !== selected.id);
    call('documentGroups.setMembers', { id: group.id, documentIds }).catch((error: Error) => {
      setPending(new Map());
      onError(error);
    });
  };
  const list = groups.data ?? [];
  return (
    <section className="document-groups" aria-labelledby="document-groups-title">
      <h3 className="case-name document-groups-title">
        <span id="document-groups-title">Groups</span>
        <button type="button" className="small" onClick={() => setNaming({ group: null })}>
          New group…
        </button>
      </h3>
      {list.length === 0 ? (
        <p className="hint pad">
          No groups yet: a group gathers documents (a document can be in several) to filter the matrix and excerpts by.
        </p>
      ) : (
        <ul>
          {list.map((g) => {
            const member = selected !== undefined && (pending.get(`${g.id}:${selected.id}`) ?? g.documentIds.includes(selected.id));
            return (
              <li key={g.id} className="group-row">
                <label className="group-member" title={selected ? `Put ${selected.name} in this group or take it out` : undefined}>
                  <input
                    type="checkbox"
                    checked={member}
                    disabled={!selected}
                    aria-label={selected ? `${selected.name} in group ${g.name}` : `Group ${g.name}`}
                    onChange={(e) => toggle(g, e.target.checked)}
                  />
                  <span className="group-name">{g.name}</span>
                  <span className="document-counts">
                    {g.documentIds.length} {g.documentIds.length === 1 ? 'document' : 'documents'}
                  </span>
                </label>
                <MenuButton
                  label="⋯"
                  name={`Group ${g.name}`}
                  title={`Rename or delete group ${g.name}`}
                  className="group-menu"
                  align="end"
                  items={[
                    { label: `Rename ${g.name}…`, onSelect: () => setNaming({ group: g }) },
                    {
                      label: `Delete ${g.name}`,
                      title: 'Its documents stay in the project; Undo (Ctrl+Z) brings the group back',
                      onSelect: () => void call('documentGroups.delete', { id: g.id }).catch(onError),
                    },
                  ]}
                />
              </li>
            );
          })}
        </ul>
      )}
      {naming && (
        <NameDialog
          title={naming.group ? 'Rename group' : 'New document group'}
          action={naming.group ? 'Rename' : 'Create'}
          initial={naming.group?.name ?? ''}
          onClose={() => setNaming(null)}
          onSave={(name) =>
            naming.group
              ? call('documentGroups.rename', { id: naming.group.id, name })
              : call('documentGroups.create', { name, documentIds: selected ? [selected.id] : [] })
          }
          onError={onError}
        />
      )}
    </section>
  );
}
