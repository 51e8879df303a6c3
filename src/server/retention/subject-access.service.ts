import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { SubjectAccessExportDto, SubjectAccessQuery } from '#domain/retention/retention.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import {
  actions,
  auditEvents,
  conversations,
  documents,
  episodeComments,
  meetingAttendees,
  meetings,
  memberships,
  participants,
  partnerships,
  reportComments,
  reviews,
  supervisionReplies,
  supervisionThreads,
  users,
} from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';

type Row = Record<string, unknown>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const anyOf = (conditions: (SQL | undefined)[]) => {
  const present = conditions.filter((c): c is SQL => c !== undefined);
  return present.length ? or(...present) : sql`false`;
};

/** Who the export is about: their account (if any) and their records as a person named in the partnership's reviews. */
async function resolveSubject(ctx: MemberCtx, query: SubjectAccessQuery) {
  const partnershipId = ctx.membership.partnershipId;
  let userId = query.userId ?? null;
  let email: string | null = null;
  if (query.participantId) {
    const [p] = await ctx.tx
      .select()
      .from(participants)
      .where(and(eq(participants.id, query.participantId), eq(participants.partnershipId, partnershipId)));
    if (!p) throw AppError.notFound('person');
    if (userId && p.userId && p.userId !== userId) {
      throw AppError.invalid([
        {
          path: 'participantId',
          message: 'This person in a review has a different account from the one chosen',
        },
      ]);
    }
    userId ??= p.userId;
    email = p.email.toLowerCase();
  }
  if (userId) {
    const [member] = await ctx.tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.partnershipId, partnershipId)));
    const [named] = await ctx.tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.userId, userId), eq(participants.partnershipId, partnershipId)))
      .limit(1);
    if (!member && !named) throw AppError.notFound('person');
  }
  const [account] = userId ? await ctx.tx.select().from(users).where(eq(users.id, userId)) : [];
  const emails = [email, account?.email.toLowerCase()].filter((e): e is string => Boolean(e));
  const rows = await ctx.tx
    .select({ participant: participants, reviewTitle: reviews.title })
    .from(participants)
    .innerJoin(reviews, eq(reviews.id, participants.reviewId))
    .where(
      and(
        eq(participants.partnershipId, partnershipId),
        anyOf([
          userId ? eq(participants.userId, userId) : undefined,
          query.participantId ? eq(participants.id, query.participantId) : undefined,
          emails.length ? inArray(sql`lower(${participants.email})`, emails) : undefined,
        ]),
      ),
    );
  return { userId, account: account ?? null, participations: rows };
}

/**
 * Everything the partnership holds about one person, for a subject access request: their account
 * (never its password or secrets), memberships, parts in reviews, conversation records with them,
 * documents they uploaded, comments they wrote, meetings they were invited to, actions they own and
 * the audit events about them or by them. The export is recorded in the audit log.
 */
export async function exportSubjectAccess(
  ctx: MemberCtx,
  query: SubjectAccessQuery,
): Promise<SubjectAccessExportDto> {
  const partnershipId = ctx.membership.partnershipId;
  const { userId, account, participations } = await resolveSubject(ctx, query);
  const participantIds = participations.map((r) => r.participant.id);
  const inP = (column: Parameters<typeof inArray>[0]) =>
    participantIds.length ? inArray(column, participantIds) : undefined;
  const byUser = (column: Parameters<typeof eq>[0]) => (userId ? eq(column, userId) : undefined);
  const names = [
    ...new Set(
      [account?.name, ...participations.map((r) => r.participant.name)]
        .filter((n): n is string => Boolean(n) && n !== 'Erased')
        .map((n) => n.trim().toLowerCase()),
    ),
  ];

  const [partnership] = await ctx.tx
    .select({ id: partnerships.id, name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId));

  const membershipRows: Row[] = userId
    ? (
        await ctx.tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.userId, userId), eq(memberships.partnershipId, partnershipId)))
      ).map((m) => ({
        role: m.role,
        agencyId: m.agencyId,
        jobTitle: m.jobTitle,
        active: m.active,
        createdAt: iso(m.createdAt),
        updatedAt: iso(m.updatedAt),
      }))
    : [];

  const conversationRows: Row[] = participantIds.length
    ? (
        await ctx.tx
          .select()
          .from(conversations)
          .where(
            and(
              eq(conversations.partnershipId, partnershipId),
              inArray(conversations.participantId, participantIds),
            ),
          )
      ).map((c) => ({
        id: c.id,
        reviewId: c.reviewId,
        participantId: c.participantId,
        status: c.status,
        heldOn: c.heldOn,
        consentGiven: c.consentGiven,
        audioRecorded: c.audioRecorded,
        content: c.content,
        followUpQuestions: c.followUpQuestions,
        participantComment: c.participantComment,
        createdAt: iso(c.createdAt),
        updatedAt: iso(c.updatedAt),
      }))
    : [];

  const documentRows: Row[] = userId
    ? (
        await ctx.tx
          .select()
          .from(documents)
          .where(and(eq(documents.partnershipId, partnershipId), eq(documents.createdBy, userId)))
      ).map((d) => ({
        id: d.id,
        reviewId: d.reviewId,
        title: d.title,
        kind: d.kind,
        originalFilename: d.originalFilename,
        mediaType: d.mediaType,
        sizeBytes: d.sizeBytes,
        uploadedAt: iso(d.createdAt),
      }))
    : [];

  const comments: Row[] = [];
  for (const c of await ctx.tx
    .select()
    .from(episodeComments)
    .where(
      and(
        eq(episodeComments.partnershipId, partnershipId),
        anyOf([byUser(episodeComments.authorId), inP(episodeComments.authorParticipantId)]),
      ),
    ))
    comments.push({
      kind: 'episode_comment',
      id: c.id,
      episodeId: c.episodeId,
      body: c.body,
      createdAt: iso(c.createdAt),
    });
  if (userId) {
    for (const c of await ctx.tx
      .select()
      .from(reportComments)
      .where(and(eq(reportComments.partnershipId, partnershipId), eq(reportComments.authorId, userId))))
      comments.push({
        kind: 'report_comment',
        id: c.id,
        reviewId: c.reviewId,
        sectionId: c.sectionId,
        body: c.body,
        createdAt: iso(c.createdAt),
      });
    for (const c of await ctx.tx
      .select()
      .from(supervisionThreads)
      .where(
        and(eq(supervisionThreads.partnershipId, partnershipId), eq(supervisionThreads.authorId, userId)),
      ))
      comments.push({
        kind: 'supervision_comment',
        id: c.id,
        reviewId: c.reviewId,
        body: c.body,
        createdAt: iso(c.createdAt),
      });
    for (const c of await ctx.tx
      .select()
      .from(supervisionReplies)
      .where(
        and(eq(supervisionReplies.partnershipId, partnershipId), eq(supervisionReplies.authorId, userId)),
      ))
      comments.push({
        kind: 'supervision_reply',
        id: c.id,
        reviewId: c.reviewId,
        body: c.body,
        createdAt: iso(c.createdAt),
      });
  }

  const meetingRows: Row[] = participantIds.length
    ? (
        await ctx.tx
          .select({ meeting: meetings, participantId: meetingAttendees.participantId })
          .from(meetingAttendees)
          .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
          .where(
            and(
              eq(meetingAttendees.partnershipId, partnershipId),
              inArray(meetingAttendees.participantId, participantIds),
            ),
          )
      ).map(({ meeting, participantId }) => ({
        id: meeting.id,
        reviewId: meeting.reviewId,
        participantId,
        kind: meeting.kind,
        title: meeting.title,
        startsAt: iso(meeting.startsAt),
      }))
    : [];

  const actionRows: Row[] = names.length
    ? (
        await ctx.tx
          .select()
          .from(actions)
          .where(
            and(
              eq(actions.partnershipId, partnershipId),
              inArray(sql`lower(trim(${actions.ownerName}))`, names),
            ),
          )
      ).map((a) => ({
        id: a.id,
        reviewId: a.reviewId,
        description: a.description,
        ownerName: a.ownerName,
        dueOn: a.dueOn,
        status: a.status,
        completedOn: a.completedOn,
      }))
    : [];

  const entityIds = [userId, ...participantIds].filter((v): v is string => Boolean(v));
  const auditRows: Row[] = (
    await ctx.tx
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.partnershipId, partnershipId),
          anyOf([
            byUser(auditEvents.actorUserId),
            entityIds.length ? inArray(auditEvents.entityId, entityIds) : undefined,
          ]),
        ),
      )
      .orderBy(auditEvents.id)
  ).map((e) => ({
    id: String(e.id),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    actorUserId: e.actorUserId,
    details: e.details,
    occurredAt: iso(e.occurredAt),
  }));

  const result: SubjectAccessExportDto = {
    exportedAt: ctx.now.toISOString(),
    partnership: partnership!,
    subject: {
      userId,
      participantIds,
      names: [
        ...new Set(
          [account?.name, ...participations.map((r) => r.participant.name)].filter((n): n is string =>
            Boolean(n),
          ),
        ),
      ],
    },
    account: account
      ? {
          id: account.id,
          email: account.email,
          name: account.name,
          mustChangePassword: account.mustChangePassword,
          lastSignedInAt: iso(account.lastSignedInAt),
          createdAt: iso(account.createdAt),
          updatedAt: iso(account.updatedAt),
        }
      : null,
    memberships: membershipRows,
    participations: participations.map(({ participant: p, reviewTitle }) => ({
      id: p.id,
      reviewId: p.reviewId,
      reviewTitle,
      role: p.role,
      name: p.name,
      email: p.email,
      jobTitle: p.jobTitle,
      agencyId: p.agencyId,
      active: p.active,
      invitationAcceptedAt: iso(p.invitationAcceptedAt),
      createdAt: iso(p.createdAt),
    })),
    conversations: conversationRows,
    documentsUploaded: documentRows,
    comments,
    meetingsAttended: meetingRows,
    actionsOwned: actionRows,
    auditEvents: auditRows,
    notes: [
      'Actions are matched to their owner by name, as the action plan records owners by name.',
      'Review records that mention this person in passing (the narrative, documents’ contents, the pseudonym register) are not included; search the review’s evidence for those.',
    ],
  };
  await auditAction(ctx, {
    action: 'subject_access.exported',
    entityType: userId ? 'user' : 'participant',
    entityId: userId ?? query.participantId ?? null,
    details: {
      userId,
      participantIds,
      counts: {
        memberships: membershipRows.length,
        participations: participations.length,
        conversations: conversationRows.length,
        documentsUploaded: documentRows.length,
        comments: comments.length,
        meetingsAttended: meetingRows.length,
        actionsOwned: actionRows.length,
        auditEvents: auditRows.length,
      },
    },
  });
  return result;
}
