import { describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';

// The built renderer (issue 15): what the first screen loads is the entry chunk and its static imports;
// the transcript (with Lexical) and the matrix must stay out of it, in chunks fetched on first use.
async function builtChunks(): Promise<Rolldown.OutputChunk[]> {
  // As `npm run build` does: Vitest sets NODE_ENV to "test", which would pick the libraries' development builds.
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const output = await build({ logLevel: 'silent', build: { write: false, sourcemap: false } }).finally(
    () => (process.env.NODE_ENV = mode),
  );
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output.filter((c): c is Rolldown.OutputChunk => c.type === 'chunk'));
}

describe('the renderer bundle', () => {
  it('loads the transcript, Lexical and the matrix only after the first screen, and has no chunk over 500 kB', async () => {
    const chunks = await builtChunks();
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html'))!;
    const firstScreen = new Set<Rolldown.OutputChunk>();
    const visit = (chunk: Rolldown.OutputChunk) => {
      if (firstScreen.has(chunk)) return;
      firstScreen.add(chunk);
      chunk.imports.forEach((name) => visit(byName.get(name)!));
    };
    visit(entry);
    const modules = [...firstScreen].flatMap((c) => c.moduleIds);
    expect(modules.some((id) => id.endsWith('renderer/app/Workspace.tsx'))).toBe(true);
    expect(modules.filter((id) => /node_modules[\\/]@?lexical|TranscriptView\.tsx|MatrixView\.tsx/.test(id))).toEqual([]);
    // Each is still built, in a chunk of its own reached by a dynamic import.
    const lazy = chunks.filter((c) => !firstScreen.has(c)).flatMap((c) => c.moduleIds);
    expect(lazy.some((id) => id.endsWith('renderer/transcript/TranscriptView.tsx'))).toBe(true);
    expect(lazy.some((id) => id.endsWith('renderer/matrix/MatrixView.tsx'))).toBe(true);
    // Vite's chunk size warning is at 500 kB (of minified code).
    expect(chunks.filter((c) => c.code.length > 500_000).map((c) => c.fileName)).toEqual([]);
    // The libraries' production builds, as `npm run build` ships them.
    expect(chunks.flatMap((c) => c.moduleIds).filter((id) => /node_modules[\\/]lexical[\\/]dist[\\/]Lexical\.prod/.test(id))).toHaveLength(
      1,
    );
  });
});
