import { type ReactNode, useMemo } from 'react';
import { CoderViewProvider, type Visibility } from '../common/coder-visibility';
import { useQuery } from '../common/use-query';
import { useStoredState } from '../common/use-stored-state';

/** Holds "whose codings show" for the whole workspace (remembered per project), so that "Only mine" is blind everywhere. */
export function CoderViewScope({ projectGuid, children }: { projectGuid: string; children: ReactNode }) {
  const coders = useQuery('coders.list', {}, ['coders-changed']);
  const [visibility, setVisibility] = useStoredState<Visibility>(`visibility.${projectGuid}`, { mode: 'all', chosen: [] });
  const current = coders.data?.coders.find((c) => c.id === coders.data?.currentId);
  const [blindId, blindName] = visibility.mode === 'mine' && current ? [current.id, current.name] : [null, null];
  const value = useMemo(
    () => ({ visibility, setVisibility, blind: blindId === null ? null : { id: blindId, name: blindName! } }),
    [visibility, setVisibility, blindId, blindName],
  );
  // While blind, nothing is shown before the current coder is known (no view counts everyone meanwhile).
  if (visibility.mode === 'mine' && !coders.data) return null;
  return <CoderViewProvider value={value}>{children}</CoderViewProvider>;
}
