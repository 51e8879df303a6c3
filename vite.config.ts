import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  resolve: {
    // The Sass sets $govuk-assets-path to this alias, so Vite copies govuk-frontend's fonts and
    // images into the build with hashed names (and serves them in development).
    alias: { '@govuk-assets': resolve(here, 'node_modules/govuk-frontend/dist/govuk/assets') },
  },
  css: {
    // govuk-frontend's Sass still carries an IE 9-11 media-query hack (`min-width: 0\0`) that
    // Lightning CSS rejects; recovering drops that one rule (it only ever applied to IE) with a warning.
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      scss: { loadPaths: [resolve(here, 'node_modules')], quietDeps: true },
    },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
