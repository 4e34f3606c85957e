// Builds the web application into dist/, which `corridor serve` serves. Workspace packages are
// bundled from their TypeScript sources (the "source" export condition), as the tests read them.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompileMessages } from './precompile-messages.js';
import { precompress } from './precompress.js';

export default defineConfig({
  plugins: [precompileMessages(), react(), precompress()],
  resolve: {
    conditions: ['source', 'browser', 'module', 'import', 'default'],
    // The catalogues arrive parsed (precompile-messages.ts): the ICU parser stays out of the bundle.
    alias: [
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
      },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
