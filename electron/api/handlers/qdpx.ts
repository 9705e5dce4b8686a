import { z } from 'zod';
import { exportResult } from '../../services/exported-file';
import { projectQdpx } from '../../services/qdpx-export';
import { method } from '../define';

export const qdpxMethods = {
  'qdpx.export': method({
    summary:
      'The whole project as a REFI-QDA project (.qdpx, base64): users, codebook, sets, cases and variables, texts with their coded selections, memos as notes; the report lists what REFI-QDA has no place for.',
    kind: 'query',
    args: z.strictObject({}),
    handler: (session) => {
      const { file, report } = projectQdpx(session.db);
      return { ...exportResult(file), report };
    },
  }),
};
