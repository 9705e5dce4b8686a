// The reviewed list of API methods that take a path on this machine, and how each one is handed a path.
// path-methods.test.ts proves the method table holds no other; the exploit tests call each with hostile paths.
import type { MethodName } from '../../../electron/api/methods';

export interface PathMethod {
  /** Where in the arguments the path goes ("source.path", "paths[]"). */
  at: string[];
  /** What the path may be used for once allowed. */
  use: 'read' | 'open project' | 'create project';
  args: (path: string) => unknown;
}

const source = (path: string) => ({ source: { path } });

export const PATH_METHODS: Partial<Record<MethodName, PathMethod>> = {
  'project.open': { at: ['file'], use: 'open project', args: (file) => ({ file }) },
  'project.create': { at: ['file'], use: 'create project', args: (file) => ({ file }) },
  'project.createDemo': { at: ['file'], use: 'create project', args: (file) => ({ file }) },
  'import.scan': { at: ['paths[]'], use: 'read', args: (path) => ({ paths: [path] }) },
  'import.preview': { at: ['source.path'], use: 'read', args: source },
  'documents.import': { at: ['source.path'], use: 'read', args: source },
  'cases.importAttributes': { at: ['source.path'], use: 'read', args: source },
  'codebook.import': { at: ['source.path'], use: 'read', args: source },
  'qdpx.import': { at: ['source.path'], use: 'read', args: source },
  'documents.linkMedia': { at: ['path'], use: 'read', args: (path) => ({ id: 1, path }) },
};
