import type { FrameworkDef } from '../../db/queries/frameworks';
import { createFramework } from '../../db/queries/frameworks';
import { setMeta } from '../../db/queries/meta';
import type { Db } from '../../db/project-file';
import { readResourceJson } from './resources';

/**
 * Every new project starts with the Multiple Governance Framework as its active framework. Its framework,
 * values and codes carry the fixed GUIDs of resources/codebooks/mgf.json, so projects created separately
 * (two coders' own files) agree on it when merged, without matching names.
 */
export function seedDefaultFramework(db: Db): number {
  const id = createFramework(db, readResourceJson<FrameworkDef>('codebooks', 'mgf.json'));
  setMeta(db, 'active_framework_id', String(id));
  return id;
}
