// Coders: who codes in this project, and who is coding now.
import { z } from 'zod';
import { currentCoderId, ensureCoder, getCoder, listCoders } from '../../../db/queries/coders';
import { setMeta } from '../../../db/queries/meta';
import { method } from '../define';
import { name, none } from '../schemas';

export const coderMethods = {
  'coders.list': method({
    summary: 'Coders with their colours and segment counts, and the current coder.',
    kind: 'query',
    args: none,
    handler: (session) => ({ currentId: currentCoderId(session.db), coders: listCoders(session.db) }),
  }),
  'coders.use': method({
    summary: 'Makes the named coder current, creating the coder on first use.',
    kind: 'mutation',
    args: z.strictObject({ name }),
    emits: ['coders-changed'],
    handler: (session, args) => {
      const coder = ensureCoder(session.db, args.name);
      setMeta(session.db, 'current_coder_id', String(coder.id));
      return getCoder(session.db, coder.id);
    },
  }),
};
