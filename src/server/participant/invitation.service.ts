import { and, eq, gt, isNull } from 'drizzle-orm';
import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { passwordProblem } from '#domain/user/password-policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';
import { describeSession, startSession } from '../auth/session.service.ts';
import { memberships, participants, partnerships, reviews, users } from '../db/schema/index.ts';
import type { Ctx } from '../http/context.ts';
import { invitationHash } from './participant.service.ts';

const notFound = () =>
  new AppError(
    'not_found',
    'This invitation link is not valid. It may have been used already or have expired. Ask the review’s business manager for a new one.',
  );

async function findOpenInvitation(ctx: Ctx, token: string) {
  const [row] = await ctx.tx
    .select({ participant: participants, reviewTitle: reviews.title, partnershipName: partnerships.name })
    .from(participants)
    .innerJoin(reviews, eq(reviews.id, participants.reviewId))
    .innerJoin(partnerships, eq(partnerships.id, participants.partnershipId))
    .where(
      and(
        eq(participants.invitationTokenHash, invitationHash(token)),
        isNull(participants.userId),
        eq(participants.active, true),
        gt(participants.invitationExpiresAt, ctx.now),
      ),
    );
  return row ?? null;
}

/** What an invitation is for, shown to the invited person before they create their account. */
export async function getInvitation(ctx: Ctx, token: string) {
  const row = await findOpenInvitation(ctx, token);
  if (!row) throw notFound();
  const role = row.participant.role as ReviewRole;
  return {
    reviewTitle: row.reviewTitle,
    partnershipName: row.partnershipName,
    role,
    roleLabel: reviewRoles[role],
    name: row.participant.name,
    email: row.participant.email,
    expiresAt: row.participant.invitationExpiresAt!.toISOString(),
  };
}

/**
 * Accepts an invitation: creates the person's account with the password they chose, makes them a
 * member of the partnership, links them to the review, uses up the link, and signs them in.
 */
export async function acceptInvitation(ctx: Ctx, token: string, input: { name: string; password: string }) {
  const row = await findOpenInvitation(ctx, token);
  if (!row) throw notFound();
  const p = row.participant;
  const problem = passwordProblem(input.password, { email: p.email, name: input.name });
  if (problem) throw AppError.invalid([{ path: 'password', message: problem }]);
  const [taken] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, p.email));
  if (taken)
    throw new AppError(
      'conflict',
      'An account with this email address already exists. Sign in instead, and ask the business manager to add you to the review.',
    );
  const [user] = await ctx.tx
    .insert(users)
    .values({ email: p.email, name: input.name, passwordHash: await hashPassword(input.password) })
    .returning();
  if (!user) throw new Error('insert returned nothing');
  await ctx.tx
    .insert(memberships)
    .values({
      partnershipId: p.partnershipId,
      userId: user.id,
      role: 'member',
      agencyId: p.agencyId,
      jobTitle: p.jobTitle,
    })
    .onConflictDoNothing();
  // Every open invitation for this email in the partnership now belongs to the new account.
  await ctx.tx
    .update(participants)
    .set({ userId: user.id, invitationTokenHash: null, invitationAcceptedAt: ctx.now, updatedAt: ctx.now })
    .where(
      and(
        eq(participants.partnershipId, p.partnershipId),
        eq(participants.email, p.email),
        isNull(participants.userId),
      ),
    );
  await recordAudit(ctx.tx, {
    partnershipId: p.partnershipId,
    actorUserId: user.id,
    action: 'participant.invitation_accepted',
    entityType: 'participant',
    entityId: p.id,
    details: { reviewId: p.reviewId, role: p.role },
    at: ctx.now,
  });
  const { token: sessionToken, id } = await startSession(ctx.tx, user.id, ctx.now);
  const session = await describeSession(ctx.tx, id, ctx.config.session);
  return { sessionToken, session, reviewId: p.reviewId, partnershipId: p.partnershipId };
}
