// The application itself: versions, where projects live, and which project is open.
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { method } from '../define';
import { projectStatus } from '../project-status';
import { none } from '../schemas';

export const appMethods = {
  'app.status': method({
    summary: 'Versions and the open project, if any.',
    kind: 'session',
    args: none,
    handler: (session) => ({ schemaVersion: LATEST_SCHEMA_VERSION, projectsDir: session.dirs.projects, project: projectStatus(session) }),
  }),
};
