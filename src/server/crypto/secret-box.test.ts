import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.ts';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightlines-key-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const withKey = (dataDir = freshDir()) => ({ secretKey: randomBytes(32).toString('hex'), dataDir });

describe('sealing secrets at rest', () => {
  it('round-trips, never shows the secret, and seals the same secret differently each time', () => {
    const config = withKey();
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const sealed = sealSecret(config, secret);
    expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain(secret);
    expect(openSecret(config, sealed)).toBe(secret);
    expect(sealSecret(config, secret)).not.toBe(sealed);
    expect(openSecret(config, sealSecret(config, ''))).toBe('');
    expect(openSecret(config, sealSecret(config, 'ünïcödé ✓'))).toBe('ünïcödé ✓');
  });

  it('reads a value stored before encryption as it is', () => {
    expect(openSecret(withKey(), 'JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses to open with another key, or a value that was changed', () => {
    const config = withKey();
    const sealed = sealSecret(config, 'a secret');
    expect(() => openSecret(withKey(), sealed)).toThrow();
    const raw = Buffer.from(sealed.slice('enc:v1:'.length), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => openSecret(config, `enc:v1:${raw.toString('base64')}`)).toThrow();
  });

  it('without SIGHTLINES_SECRET_KEY makes a key file (mode 0600) in the data directory and keeps using it', () => {
    const dataDir = join(freshDir(), 'data');
    const config = { secretKey: undefined, dataDir };
    const sealed = sealSecret(config, 'kept');
    const file = join(dataDir, 'secret.key');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(openSecret(config, sealed)).toBe('kept');
    // The same key file opens it with the key given as the setting instead.
    expect(openSecret({ secretKey: readFileSync(file, 'utf8').trim(), dataDir: freshDir() }, sealed)).toBe(
      'kept',
    );
  });

  it('refuses a key file that does not hold a 256-bit key', () => {
    const dataDir = freshDir();
    writeFileSync(join(dataDir, 'secret.key'), 'abcd');
    expect(() => sealSecret({ secretKey: undefined, dataDir }, 'x')).toThrow(/64 hexadecimal characters/);
  });
});
