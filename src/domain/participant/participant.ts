import { z } from 'zod';
import { type ReviewRole, reviewRoles } from '../review/policy.ts';
import { emailAddress, id, optionalText, requiredText, version } from '../shared/fields.ts';
import { passwordField } from '../user/user.ts';

export const reviewRole = z.enum(Object.keys(reviewRoles) as [ReviewRole, ...ReviewRole[]], {
  error: 'Select the person’s role in the review',
});

export const addParticipantInput = z.object({
  role: reviewRole,
  /** Someone already in the partnership… */
  userId: id.nullable().optional(),
  /** …or someone new, who is sent a one-time invitation link. */
  name: optionalText('their full name', 120),
  email: emailAddress.optional(),
  jobTitle: optionalText('the job title', 120).nullable(),
  agencyId: id.nullable().optional(),
  lineManagerParticipantId: id
    .nullable()
    .optional()
    .describe('The participant who line-manages this person, if any'),
});
export type AddParticipantInput = z.infer<typeof addParticipantInput>;

export const updateParticipantInput = z.object({
  jobTitle: optionalText('the job title', 120).nullable(),
  agencyId: id.nullable().optional(),
  lineManagerParticipantId: id.nullable().optional(),
  active: z.boolean().optional(),
  version,
});
export type UpdateParticipantInput = z.infer<typeof updateParticipantInput>;

export const participantDto = z.object({
  id,
  role: reviewRole,
  roleLabel: z.string(),
  name: z.string(),
  email: z.string().nullable().describe('Shown only to those who manage participants'),
  jobTitle: z.string().nullable(),
  agencyId: id.nullable(),
  agencyName: z.string().nullable(),
  userId: id.nullable(),
  lineManagerParticipantId: id.nullable(),
  status: z.enum(['active', 'invited', 'removed']),
  flags: z.array(z.object({ code: z.string(), message: z.string() })),
  version: z.int(),
});
export type ParticipantDto = z.infer<typeof participantDto>;

export const participantList = z.object({
  participants: z.array(participantDto),
  abilities: z.object({ manage: z.boolean() }),
});

export const addParticipantResult = z.object({
  participant: participantDto,
  invitationUrl: z
    .string()
    .nullable()
    .describe('Shown once: the one-time link to send to a person who has no account yet'),
});

export const participantParams = z.object({ partnershipId: id, reviewId: id, participantId: id });

export const invitationParams = z.object({ token: z.string().min(20).max(100) });
export const invitationDto = z.object({
  reviewTitle: z.string(),
  partnershipName: z.string(),
  role: reviewRole,
  roleLabel: z.string(),
  name: z.string(),
  email: z.string(),
  expiresAt: z.string(),
});
export const acceptInvitationInput = z.object({
  name: requiredText('your full name', 120),
  password: passwordField,
});

/**
 * Flags about the make-up of a review: a review team member who line-manages a case group member
 * may inhibit open conversation, so SCIE guidance advises against it.
 */
export function lineManagementFlags(
  participants: readonly {
    id: string;
    role: ReviewRole;
    name: string;
    lineManagerParticipantId: string | null;
    active: boolean;
  }[],
): Map<string, { code: string; message: string }[]> {
  const byId = new Map(participants.map((p) => [p.id, p]));
  const flags = new Map<string, { code: string; message: string }[]>();
  const add = (pid: string, flag: { code: string; message: string }) =>
    flags.set(pid, [...(flags.get(pid) ?? []), flag]);
  for (const p of participants) {
    if (!p.active || p.role !== 'case_group_member' || !p.lineManagerParticipantId) continue;
    const manager = byId.get(p.lineManagerParticipantId);
    if (manager?.active && manager.role === 'review_team_member') {
      add(manager.id, {
        code: 'line_manages_case_group_member',
        message: `Line-manages ${p.name}, who is in the case group`,
      });
      add(p.id, {
        code: 'line_managed_by_review_team_member',
        message: `Line-managed by ${manager.name}, who is on the review team`,
      });
    }
  }
  return flags;
}
