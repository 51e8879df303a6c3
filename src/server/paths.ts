import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (where package.json is), found by walking up from this module, so that
 * paths hold both when the server runs from its sources (src/server) and from its build
 * (dist/server/sightlines.js, one file).
 */
function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('Sightlines cannot find its package.json above its own code.');
    dir = up;
  }
  return dir;
}

export const projectRoot = findProjectRoot();

/** The version in package.json: shown by /api/health and written into backups and review exports. */
export const appVersion: string = String(
  (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: string }).version ??
    'unknown',
);
