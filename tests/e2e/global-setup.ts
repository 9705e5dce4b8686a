import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectFile } from '../../db/project-file';
import { DEMO_PROJECT_NAME, populateDemo } from '../../electron/services/demo';

/**
 * Writes the demo project once for the whole run, as `project.createDemo` writes it (a new file, the demo
 * filled in one transaction); `startDemoHost` gives each test file its own copy instead of writing it again.
 * workspace.spec.ts still starts on an empty home, where the host writes the demo itself on first start.
 */
export default function globalSetup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-demo-'));
  const file = join(dir, 'demo.trellis');
  const db = createProjectFile(file, DEMO_PROJECT_NAME);
  db.transaction(() => populateDemo(db))();
  db.close();
  process.env.TRELLIS_E2E_DEMO = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
