import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

/** Values encrypted at rest start with this, so plain values stored before encryption still read. */
const PREFIX = 'enc:v1:';
const keys = new Map<string, Buffer>();

/**
 * The key that encrypts secrets at rest (authenticator secrets, single sign-on client secrets):
 * SIGHTLINES_SECRET_KEY, or else a random key kept in `secret.key` in the data directory (mode 0600),
 * made on first use. Back the key up apart from the database: without it the secrets cannot be read.
 */
function keyFor(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  if (config.secretKey) return Buffer.from(config.secretKey, 'hex');
  const cached = keys.get(config.dataDir);
  if (cached) return cached;
  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length !== 32) throw new Error(`${file} must hold 64 hexadecimal characters`);
  keys.set(config.dataDir, key);
  return key;
}

/** Encrypts a secret with AES-256-GCM: `enc:v1:` + base64(iv ‖ tag ‖ ciphertext). */
export function sealSecret(config: Pick<Config, 'secretKey' | 'dataDir'>, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(config), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Decrypts what `sealSecret` made; a value without the prefix was stored before encryption and is returned as is. */
export function openSecret(config: Pick<Config, 'secretKey' | 'dataDir'>, stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(config), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
