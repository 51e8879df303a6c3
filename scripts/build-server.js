// Builds the server into one file, dist/server/sightlines.js (decision 025). The file is dated when
// the build started, not when it ended, so that a source file saved during the build still counts as
// newer and `bin/sightlines.js` runs the sources rather than a build that may not hold it.
import { utimesSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = 'dist/server/sightlines.js';
const started = new Date();
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
utimesSync(outfile, started, started);
