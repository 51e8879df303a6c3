import { z } from 'zod';
import { emailAddress, id } from '../shared/fields.ts';
import { partnershipRole } from '../user/roles.ts';
import { passwordField } from '../user/user.ts';

export const loginInput = z.object({
  email: emailAddress,
  password: passwordField,
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = z.object({
  currentPassword: passwordField,
  newPassword: passwordField,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const membershipDto = z.object({
  partnershipId: id,
  partnershipName: z.string(),
  role: partnershipRole,
  roleLabel: z.string(),
  abilities: z.object({
    manageAgencies: z.boolean(),
    listUsers: z.boolean(),
    manageUsers: z.boolean(),
    viewAudit: z.boolean(),
    manageIntake: z.boolean(),
    commissionReviews: z.boolean(),
    viewReferenceData: z.boolean(),
    manageReferenceData: z.boolean(),
    viewReviewerPool: z.boolean(),
    manageReviewerPool: z.boolean(),
    monitorReviews: z.boolean(),
    trackActions: z.boolean(),
    viewLibrary: z.boolean(),
    manageLibrary: z.boolean(),
    viewAnalytics: z.boolean(),
    manageSecurity: z
      .boolean()
      .describe('Whether the person may change the two-step verification policy and the API tokens'),
  }),
});

export const sessionDto = z.object({
  user: z.object({
    id,
    name: z.string(),
    email: z.string(),
    mustChangePassword: z.boolean(),
    mfaEnabled: z.boolean().describe('Whether the person has two-step verification turned on'),
  }),
  memberships: z
    .array(membershipDto)
    .describe('Empty until the session has passed two-step verification, where it is needed'),
  mfaPending: z
    .boolean()
    .describe(
      'The password was right and the session now needs the code from the authenticator app (POST /api/session/mfa/verification); every other API answers 401 with `details.reason` `mfa_required` until then',
    ),
  mfaEnrolmentRequired: z
    .boolean()
    .describe(
      'The partnership requires two-step verification of this person and they have none: only setting it up, the session and signing out work until it is on',
    ),
  csrfToken: z
    .string()
    .describe('Send as the X-CSRF-Token header on every write made with the session cookie'),
  expiresAt: z.string(),
  idleTimeoutMinutes: z.int(),
});
export type SessionDto = z.infer<typeof sessionDto>;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date };
export type SessionLimits = { idleMinutes: number; absoluteHours: number };

export const defaultSessionLimits: SessionLimits = { idleMinutes: 30, absoluteHours: 12 };

/** When a session ends: after the idle timeout since it was last used, and never past the absolute limit. */
export function sessionExpiry(times: SessionTimes, limits: SessionLimits): Date {
  const idle = times.lastSeenAt.getTime() + limits.idleMinutes * 60_000;
  const absolute = times.createdAt.getTime() + limits.absoluteHours * 3_600_000;
  return new Date(Math.min(idle, absolute));
}

/** Whether a session can no longer be used at the given moment. */
export function isSessionExpired(times: SessionTimes, limits: SessionLimits, now: Date): boolean {
  return now.getTime() >= sessionExpiry(times, limits).getTime();
}

export type ThrottleLimits = { perAccount: number; perAddress: number; windowMinutes: number };
export const defaultThrottleLimits: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMinutes: 15 };

/** Whether sign-in should be refused because of recent failures for this account or from this address. */
export function signInThrottled(
  failures: { forAccount: number; fromAddress: number },
  limits: ThrottleLimits,
): 'account' | 'address' | null {
  if (failures.forAccount >= limits.perAccount) return 'account';
  if (failures.fromAddress >= limits.perAddress) return 'address';
  return null;
}
