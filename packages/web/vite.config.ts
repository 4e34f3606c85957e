// Builds the web application into dist/, which `corridor serve` serves. Workspace packages are
// bundled from their TypeScript sources (the "source" export condition), as the tests read them.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
