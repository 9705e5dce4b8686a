import type { FrameworkDef } from '../../db/queries/frameworks';
import { createFramework } from '../../db/queries/frameworks';
import { setMeta } from '../../db/queries/meta';
import type { Db } from '../../db/project-file';
import { readResourceJson } from './resources';

/** Every new project starts with the Multiple Governance Framework as its active framework. */
export function seedDefaultFramework(db: Db): number {
  const id = createFramework(db, readResourceJson<FrameworkDef>('codebooks', 'mgf.json'));
  setMeta(db, 'active_framework_id', String(id));
  return id;
}
