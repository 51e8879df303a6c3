import { randomBytes } from 'node:crypto';
import { apiTokens } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';
import { apiTokenHash } from './authenticate-token.ts';

/** An API token of a partnership, made directly in the database; returns its row and secret. */
export async function givenApiToken(
  t: TestApp,
  partnershipId: string,
  createdBy: string,
  scopes: string[] = ['actions:read'],
) {
  const secret = `sl_${randomBytes(32).toString('base64url')}`;
  const [row] = await t.database.db
    .insert(apiTokens)
    .values({
      partnershipId,
      name: 'Test integration',
      tokenHash: apiTokenHash(secret),
      prefix: secret.slice(0, 10),
      scopes,
      createdBy,
    })
    .returning();
  if (!row) throw new Error('token not stored');
  return { ...row, secret };
}
