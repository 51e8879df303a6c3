import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { participantInvitationEmail } from '#domain/email/messages.ts';
import {
  type AddParticipantInput,
  lineManagementFlags,
  type ParticipantDto,
  type UpdateParticipantInput,
} from '#domain/participant/participant.ts';
import { mayInReview, type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { agencies, memberships, participants, partnerships, users } from '../db/schema/index.ts';
import { linkBase, queueEmail } from '../email/outbox.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';

export const INVITATION_DAYS = 14;
export const invitationHash = (token: string) => createHash('sha256').update(token).digest('hex');

type Row = typeof participants.$inferSelect & { agencyName: string | null };

/** Emails someone new their invitation link; nothing about the review itself goes in the email. */
async function emailInvitation(
  ctx: ReviewCtx,
  person: { name: string; email: string },
  token: string,
  expiresAt: Date,
) {
  const [partnership] = await ctx.tx
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, ctx.review.partnershipId));
  const message = participantInvitationEmail({
    name: person.name,
    partnershipName: partnership?.name ?? 'A safeguarding partnership',
    link: `${linkBase(ctx.config)}/invitations/${token}`,
    expiresAt,
  });
  await queueEmail(ctx.tx, ctx.config, {
    kind: 'participant_invitation',
    to: person.email,
    partnershipId: ctx.review.partnershipId,
    ...message,
  });
}

/** Roles whose members everyone in the review may see; the case group and family are seen only by the review team side. */
const alwaysVisible: ReviewRole[] = [
  'lead_reviewer',
  'trainee_reviewer',
  'supervisor',
  'review_team_member',
  'business_manager',
  'chair',
  'board_member',
];

async function loadRows(q: Queryable, reviewId: string): Promise<Row[]> {
  const rows = await q
    .select({ p: participants, agencyName: agencies.name })
    .from(participants)
    .leftJoin(agencies, eq(agencies.id, participants.agencyId))
    .where(eq(participants.reviewId, reviewId))
    .orderBy(asc(participants.role), asc(participants.name));
  return rows.map(({ p, agencyName }) => ({ ...p, agencyName }));
}

function present(
  ctx: ReviewCtx,
  row: Row,
  flags: Map<string, { code: string; message: string }[]>,
): ParticipantDto {
  const manage = mayInReview(ctx.actor, 'manageParticipants');
  const status = !row.active ? 'removed' : row.userId ? 'active' : 'invited';
  return {
    id: row.id,
    role: row.role as ReviewRole,
    roleLabel: reviewRoles[row.role as ReviewRole],
    name: row.name,
    email: manage ? row.email : null,
    jobTitle: row.jobTitle,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    userId: row.userId,
    lineManagerParticipantId: row.lineManagerParticipantId,
    status,
    flags: manage ? (flags.get(row.id) ?? []) : [],
    version: row.version,
  };
}

function presentAll(ctx: ReviewCtx, rows: Row[]) {
  const flags = lineManagementFlags(rows.map((r) => ({ ...r, role: r.role as ReviewRole })));
  return rows.map((r) => present(ctx, r, flags));
}

/** The people in a review. The case group and family are listed only for the review team side; others see themselves. */
export async function listParticipants(ctx: ReviewCtx) {
  const rows = await loadRows(ctx.tx, ctx.review.id);
  const seesAll = mayInReview(ctx.actor, 'viewCaseGroup');
  const visible = rows.filter(
    (r) =>
      seesAll ||
      (r.active && (alwaysVisible.includes(r.role as ReviewRole) || ctx.participantIds.includes(r.id))),
  );
  return {
    participants: presentAll(ctx, visible),
    abilities: { manage: mayInReview(ctx.actor, 'manageParticipants') },
  };
}

async function assertAgency(q: Queryable, partnershipId: string, agencyId: string | null | undefined) {
  if (!agencyId) return;
  const [a] = await q
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.partnershipId, partnershipId)));
  if (!a) throw AppError.invalid([{ path: 'agencyId', message: 'Select an agency from this partnership' }]);
}

async function assertLineManager(
  q: Queryable,
  reviewId: string,
  id: string | null | undefined,
  self?: string,
) {
  if (!id) return;
  const [p] = await q
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, id), eq(participants.reviewId, reviewId)));
  if (!p || id === self)
    throw AppError.invalid([
      { path: 'lineManagerParticipantId', message: 'Choose a line manager from the people in this review' },
    ]);
}

/**
 * Adds a person to a review in a role: someone already in the partnership, someone with an account
 * elsewhere (added to the partnership as a member), or someone new, who gets a one-time invitation
 * link that creates their account.
 */
export async function addParticipant(ctx: ReviewCtx, given: AddParticipantInput) {
  const input = given;
  const { partnershipId, id: reviewId } = ctx.review;
  await assertAgency(ctx.tx, partnershipId, input.agencyId);
  await assertLineManager(ctx.tx, reviewId, input.lineManagerParticipantId);
  let person: { userId: string | null; name: string; email: string };
  if (input.userId) {
    const [m] = await ctx.tx
      .select({ user: users, membership: memberships })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.partnershipId, partnershipId),
          eq(memberships.userId, input.userId),
          eq(memberships.active, true),
        ),
      );
    if (!m)
      throw AppError.invalid([
        { path: 'userId', message: 'Choose a person who is active in this partnership' },
      ]);
    person = { userId: m.user.id, name: m.user.name, email: m.user.email };
  } else {
    const missing = [
      ...(!input.name ? [{ path: 'name', message: 'Enter their full name' }] : []),
      ...(!input.email ? [{ path: 'email', message: 'Enter their email address' }] : []),
    ];
    if (missing.length)
      throw AppError.invalid(
        missing,
        'Choose a person in the partnership, or give the name and email address of someone new.',
      );
    const [existing] = await ctx.tx.select().from(users).where(eq(users.email, input.email!));
    if (existing) {
      await ctx.tx
        .insert(memberships)
        .values({
          partnershipId,
          userId: existing.id,
          role: 'member',
          agencyId: input.agencyId ?? null,
          jobTitle: input.jobTitle ?? null,
        })
        .onConflictDoNothing();
      person = { userId: existing.id, name: existing.name, email: existing.email };
    } else {
      person = { userId: null, name: input.name!, email: input.email! };
    }
  }
  const [clash] = await ctx.tx
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.reviewId, reviewId),
        eq(participants.email, person.email),
        eq(participants.role, input.role),
      ),
    );
  if (clash?.active)
    throw AppError.invalid([{ path: 'role', message: `${person.name} already has this role in the review` }]);
  const token = person.userId ? null : randomBytes(32).toString('base64url');
  const values = {
    userId: person.userId,
    name: person.name,
    jobTitle: input.jobTitle ?? null,
    agencyId: input.agencyId ?? null,
    lineManagerParticipantId: input.lineManagerParticipantId ?? null,
    invitationTokenHash: token ? invitationHash(token) : null,
    invitationExpiresAt: token ? new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000) : null,
  };
  // Someone removed earlier and added again gets their old record back, active, with a fresh link if needed.
  const [row] = clash
    ? await ctx.tx
        .update(participants)
        .set({ ...values, active: true, version: clash.version + 1, updatedAt: ctx.now })
        .where(eq(participants.id, clash.id))
        .returning()
    : await ctx.tx
        .insert(participants)
        .values({ ...values, partnershipId, reviewId, role: input.role, email: person.email })
        .returning();
  if (!row) throw new Error('insert returned nothing');
  await auditAction(ctx, {
    action: token ? 'participant.invited' : 'participant.added',
    entityType: 'participant',
    entityId: row.id,
    details: { reviewId, role: row.role, userId: row.userId },
  });
  if (token && values.invitationExpiresAt)
    await emailInvitation(ctx, person, token, values.invitationExpiresAt);
  const rows = await loadRows(ctx.tx, reviewId);
  const participant = presentAll(ctx, rows).find((p) => p.id === row.id)!;
  return { participant, invitationUrl: token ? `/invitations/${token}` : null };
}

/** Changes a person's part in a review, or removes them from it (active = false). */
export async function updateParticipant(
  ctx: ReviewCtx,
  participantId: string,
  input: UpdateParticipantInput,
) {
  const [current] = await ctx.tx
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.reviewId, ctx.review.id)))
    .for('update');
  if (!current) throw AppError.notFound('person in this review');
  assertVersion(current, input.version, 'person’s details', () => ({ version: current.version }));
  await assertAgency(ctx.tx, ctx.review.partnershipId, input.agencyId);
  await assertLineManager(ctx.tx, ctx.review.id, input.lineManagerParticipantId, participantId);
  const { version: _v, ...fields } = input;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await ctx.tx
    .update(participants)
    .set({
      ...changes,
      ...(input.active === false ? { invitationTokenHash: null } : {}),
      version: current.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(participants.id, participantId));
  await auditAction(ctx, {
    action: 'participant.updated',
    entityType: 'participant',
    entityId: participantId,
    details: { reviewId: ctx.review.id, changed: Object.keys(changes), version: current.version + 1 },
  });
  const rows = await loadRows(ctx.tx, ctx.review.id);
  return presentAll(ctx, rows).find((p) => p.id === participantId)!;
}

/** Replaces a person's invitation link (lost or expired) with a new one; the old link stops working. */
export async function reissueInvitation(ctx: ReviewCtx, participantId: string) {
  const [current] = await ctx.tx
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.reviewId, ctx.review.id)))
    .for('update');
  if (!current) throw AppError.notFound('person in this review');
  if (current.userId || !current.active) {
    throw new AppError(
      'conflict',
      current.userId
        ? `${current.name} already has an account and signs in as usual.`
        : `${current.name} has been removed from the review.`,
    );
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000);
  await ctx.tx
    .update(participants)
    .set({
      invitationTokenHash: invitationHash(token),
      invitationExpiresAt: expiresAt,
      version: current.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(participants.id, participantId));
  await auditAction(ctx, {
    action: 'participant.invited',
    entityType: 'participant',
    entityId: participantId,
    details: { reviewId: ctx.review.id, role: current.role, reissued: true },
  });
  await emailInvitation(ctx, current, token, expiresAt);
  const rows = await loadRows(ctx.tx, ctx.review.id);
  return {
    participant: presentAll(ctx, rows).find((p) => p.id === participantId)!,
    invitationUrl: `/invitations/${token}`,
  };
}
