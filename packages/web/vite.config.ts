// Builds the web application into dist/, which `corridor serve` serves. Workspace packages are
// bundled from their TypeScript sources (the "source" export condition), as the tests read them.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './precompress.js';
import { splitMessages } from './split-messages.js';

export default defineConfig({
  plugins: [
    splitMessages(),
    react(),
    // The offline desk (docs/manifests.md): a web app manifest and a Workbox service worker that
    // precaches the built shell (index.html and the hashed assets), so a visited app reloads
    // without a connection. The API is never cached by the worker: the desk's data lives in the
    // encrypted IndexedDB vault (src/offline/).
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by src/offline/register-sw.ts from the bundle: every script stays a hashed asset.
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        name: 'Corridor',
        short_name: 'Corridor',
        description: 'Relocation planning and the movement-day desk, offline after one visit',
        start_url: '/movement-day',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f3a5f',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        navigateFallback: '/index.html',
        // The server's own pages and the API are never answered from the cache.
        navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/openapi\.json/],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
    precompress(),
  ],
  resolve: {
    conditions: ['source', 'browser', 'module', 'import', 'default'],
    // The catalogues arrive parsed (split-messages.ts): the ICU parser stays out of the bundle.
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
