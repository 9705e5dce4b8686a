import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served by both the desktop window (app://) and the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // The libraries in chunks of their own, apart from the app's code; the app's views that the first
    // paint does not need are split off by their dynamic import()s (renderer/common/Deferred.tsx).
    rolldownOptions: {
      output: {
        // ASCII-only scripts (non-ASCII escaped): Chromium then keeps each source as one-byte text, with no
        // UTF-8 decoding into two-byte strings before V8 parses it, which a fresh profile pays on every script.
        charset: 'ascii',
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'lexical', test: /node_modules[\\/]@?lexical/ },
          ],
        },
      },
    },
  },
});
