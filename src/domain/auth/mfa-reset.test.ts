import { describe, expect, it } from 'vitest';
import { mfaResetRefusal, mfaResetResult } from './mfa-reset.ts';

const admin = '8b6f0a0e-2b1c-4f3e-9a0d-6f1e2d3c4b5a';
const person = '0a0b0c0d-0000-4000-8000-000000000001';

describe('resetting someone’s two-step verification', () => {
  it('is allowed for another person who has set it up (or started to)', () => {
    expect(mfaResetRefusal({ actorUserId: admin, userId: person, name: 'Sam', hasFactor: true })).toBeNull();
  });

  it('is never allowed for the admin’s own account, even with it set up', () => {
    expect(
      mfaResetRefusal({ actorUserId: admin, userId: admin, name: 'Alex', hasFactor: true }),
    ).toMatchObject({
      kind: 'own_account',
      message: expect.stringContaining('Turn it off from your account page'),
    });
  });

  it('says there is nothing to reset for someone without it', () => {
    expect(mfaResetRefusal({ actorUserId: admin, userId: person, name: 'Sam', hasFactor: false })).toEqual({
      kind: 'nothing_to_reset',
      message: 'Sam has not set up two-step verification, so there is nothing to reset.',
    });
  });

  it('describes the result', () => {
    expect(mfaResetResult.safeParse({ userId: person, name: 'Sam', sessionsEnded: 2 }).success).toBe(true);
    expect(mfaResetResult.safeParse({ userId: person, name: 'Sam', sessionsEnded: -1 }).success).toBe(false);
  });
});
