// Projects this machine has opened.
import { recentWithStatus } from '../../services/recent-projects';
import { method } from '../define';
import { none } from '../schemas';

export const projectsMethods = {
  'projects.recent': method({
    summary: 'Recently opened projects, newest first, with whether each file still exists.',
    kind: 'session',
    args: none,
    handler: (session) => recentWithStatus(session.dirs.config),
  }),
};
