import { resolve } from 'node:path';
import { readRecent } from '../services/recent-projects';
import { dispatch } from './dispatch';
import type { Session } from './session';

/**
 * What a launch opens: the --project file if given (the person's choice: it opens wherever it is); on the
 * very first start (nothing opened before) a fresh copy of the demo project; otherwise nothing, and the
 * start screen lists recent projects.
 * Returns a message for the user when the requested file could not be opened.
 */
export async function openInitialProject(session: Session, projectArg: string | undefined): Promise<string | null> {
  if (projectArg) session.chosen.add(resolve(projectArg));
  const envelope = projectArg
    ? await dispatch(session, 'project.open', { file: resolve(projectArg) })
    : readRecent(session.dirs.config).length === 0
      ? await dispatch(session, 'project.createDemo', {})
      : null;
  return envelope && !envelope.ok ? envelope.error.message : null;
}
