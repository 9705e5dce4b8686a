// Builds the renderer (Vite) and, unless --renderer, the Electron main process and preload (esbuild).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

await vite({ logLevel: 'warn' });
if (!process.argv.includes('--renderer')) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', 'better-sqlite3'],
    sourcemap: true,
    logLevel: 'warning',
    // Modules find resources/ relative to import.meta.url; give CommonJS bundles the same value.
    banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__import_meta_url' },
  };
  await esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
  await esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
  // Long work (exports, reading imports) runs in worker threads started from this file (services/jobs).
  await esbuild({ ...common, entryPoints: ['electron/services/jobs/worker.ts'], outfile: 'dist/electron/job-worker.cjs' });
}
