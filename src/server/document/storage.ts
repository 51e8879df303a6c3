import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A blob written but not yet kept: commit it once everything about it has been checked, or discard it. */
export type StagedBlob = {
  sha256: string;
  size: number;
  /** The staged file, to look inside before deciding (e.g. which kind of ZIP it is). */
  path: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
};

/** Where uploaded files live, by the sha256 of their content; one copy however often they are uploaded. */
export type BlobStorage = {
  put(stream: Readable): Promise<{ sha256: string; size: number }>;
  /** Writes the stream aside while hashing it; nothing is kept until `commit`. */
  stage(stream: Readable): Promise<StagedBlob>;
  get(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
};

const shaPattern = /^[0-9a-f]{64}$/;

/** Content-addressed storage on the local disk, under `<dataDir>/files/ab/cd/<sha256>`. */
export function filesystemStorage(dataDir: string): BlobStorage {
  const root = join(dataDir, 'files');
  const pathFor = (sha256: string) => {
    if (!shaPattern.test(sha256)) throw new Error('not a sha256');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  async function stage(stream: Readable): Promise<StagedBlob> {
    const tmpDir = join(root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, counter, createWriteStream(tmp, { mode: 0o600 }));
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    const discard = () => rm(tmp, { force: true });
    return {
      sha256,
      size,
      path: tmp,
      discard,
      commit: async () => {
        const target = pathFor(sha256);
        if (await exists(target)) return discard();
        await mkdir(join(target, '..'), { recursive: true });
        await rename(tmp, target);
      },
    };
  }

  return {
    stage,
    put: async (stream) => {
      const staged = await stage(stream);
      await staged.commit();
      return { sha256: staged.sha256, size: staged.size };
    },
    get: (sha256) => createReadStream(pathFor(sha256)),
    has: (sha256) => exists(pathFor(sha256)),
  };
}

async function exists(path: string) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
