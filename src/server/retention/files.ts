import { rm } from 'node:fs/promises';
import { join } from 'node:path';

const shaPattern = /^[0-9a-f]{64}$/;

/**
 * Deletes stored files by their sha256, from the same content-addressed layout the document
 * storage writes (`<dataDir>/files/ab/cd/<sha256>`). Called only after the erasure that stopped
 * using them has committed; a file already gone is not an error.
 */
export async function deleteStoredFiles(dataDir: string, sha256s: readonly string[]): Promise<number> {
  let deleted = 0;
  for (const sha256 of sha256s) {
    if (!shaPattern.test(sha256)) continue;
    await rm(join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256), { force: true });
    deleted++;
  }
  return deleted;
}
