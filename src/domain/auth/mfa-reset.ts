import { z } from 'zod';
import { id } from '../shared/fields.ts';

/** What a partnership admin's reset of someone's two-step verification did. */
export const mfaResetResult = z.object({
  userId: id,
  name: z.string(),
  /** How many of the person's sessions were ended (they must sign in again). */
  sessionsEnded: z.number().int().min(0),
});
export type MfaResetResult = z.infer<typeof mfaResetResult>;

/** Why a reset cannot be done, in plain words, or null when it can. */
export type MfaResetRefusal = { kind: 'own_account' | 'nothing_to_reset'; message: string };

/**
 * Whether a partnership admin may reset this person's two-step verification: never their own
 * (they turn it off with their password and a code, so a stolen admin session cannot strip it),
 * and only when the person has set it up or started to.
 */
export function mfaResetRefusal(input: {
  actorUserId: string;
  userId: string;
  name: string;
  hasFactor: boolean;
}): MfaResetRefusal | null {
  if (input.actorUserId === input.userId) {
    return {
      kind: 'own_account',
      message:
        'You cannot reset your own two-step verification. Turn it off from your account page, with your password and a code.',
    };
  }
  if (!input.hasFactor) {
    return {
      kind: 'nothing_to_reset',
      message: `${input.name} has not set up two-step verification, so there is nothing to reset.`,
    };
  }
  return null;
}
