import { and, asc, eq } from 'drizzle-orm';
import { letterBlocks, letterTitle } from '#domain/letter/blocks.ts';
import { type LetterKind, type LetterOptions, letterKinds } from '#domain/letter/letter.ts';
import { joinNames, type PlaceholderValues } from '#domain/letter/placeholders.ts';
import { letterNeedsParticipant, mayEditLetterTemplates, mayReceiveLetter } from '#domain/letter/policy.ts';
import { standardLetterTemplates } from '#domain/letter/standard-templates.ts';
import { mayInReview, type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { agencies, participants, partnerships } from '../db/schema/index.ts';
import { safeFileName } from '../meeting/calendar.ts';
import type { ReviewCtx } from '../review/access.ts';
import { renderLetterDocx } from './docx.ts';
import { findLetterTemplate } from './template.service.ts';

const kinds = Object.keys(letterKinds) as LetterKind[];

async function activeParticipants(ctx: ReviewCtx) {
  return ctx.tx
    .select({
      id: participants.id,
      name: participants.name,
      email: participants.email,
      role: participants.role,
      jobTitle: participants.jobTitle,
      agencyName: agencies.name,
    })
    .from(participants)
    .leftJoin(agencies, eq(agencies.id, participants.agencyId))
    .where(and(eq(participants.reviewId, ctx.review.id), eq(participants.active, true)))
    .orderBy(asc(participants.name));
}
type ParticipantRow = Awaited<ReturnType<typeof activeParticipants>>[number];

/** The letters that can be written for the review, and who each can be addressed to. */
export async function listLetterOptions(ctx: ReviewCtx): Promise<LetterOptions> {
  const people = await activeParticipants(ctx);
  return {
    review: { id: ctx.review.id, title: ctx.review.title },
    kinds: kinds.map((kind) => ({
      kind,
      label: letterKinds[kind].label,
      hint: letterKinds[kind].hint,
      participantRequired: letterNeedsParticipant(kind),
      recipientIds: people.filter((p) => mayReceiveLetter(kind, p.role as ReviewRole)).map((p) => p.id),
    })),
    recipients: people.map((p) => ({
      participantId: p.id,
      name: p.name,
      roleLabel: reviewRoles[p.role as ReviewRole] ?? p.role,
    })),
    abilities: {
      generate: mayInReview(ctx.actor, 'generateLetters'),
      editTemplates: mayEditLetterTemplates(ctx.membership.role),
    },
  };
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** Chooses the recipient, refusing with a 400 naming `participantId` when the choice does not fit the letter. */
function recipientFor(kind: LetterKind, people: ParticipantRow[], participantId: string | undefined) {
  if (!participantId) {
    if (letterNeedsParticipant(kind)) {
      throw AppError.invalid([{ path: 'participantId', message: 'Select who the letter is to' }]);
    }
    return null;
  }
  const person = people.find((p) => p.id === participantId);
  if (!person || !mayReceiveLetter(kind, person.role as ReviewRole)) {
    const message =
      kind === 'family'
        ? 'Select a family member taking part in this review'
        : 'Select someone taking part in this review, other than a family member';
    throw AppError.invalid([{ path: 'participantId', message }]);
  }
  return person;
}

/**
 * Writes a letter for the review as a Word document from the partnership's template (or the
 * standard one), and records that it was generated: the letter holds personal details.
 */
export async function generateLetter(
  ctx: ReviewCtx,
  kind: LetterKind,
  participantId: string | undefined,
): Promise<{ docx: Buffer; fileName: string }> {
  const people = await activeParticipants(ctx);
  const recipient = recipientFor(kind, people, participantId);
  const [partnership] = await ctx.tx
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, ctx.review.partnershipId));
  const manager = people.find((p) => p.role === 'business_manager') ?? ctx.principal;
  const leads = people.filter((p) => p.role === 'lead_reviewer').map((p) => p.name);
  const values: PlaceholderValues = {
    'participant.name': recipient?.name ?? 'family member',
    'participant.role': (reviewRoles[recipient?.role as ReviewRole] ?? '').toLowerCase(),
    'participant.jobTitle': recipient?.jobTitle ?? '',
    'participant.agency': recipient?.agencyName ?? '',
    'review.title': ctx.review.title,
    'partnership.name': partnership?.name ?? '',
    leadReviewers: leads.length > 0 ? joinNames(leads) : 'still to be confirmed',
    'businessManager.name': manager.name,
    'businessManager.email': manager.email,
    today: longDate.format(ctx.now),
  };
  const template = await findLetterTemplate(ctx.tx, ctx.review.partnershipId, kind);
  const blocks = letterBlocks(template?.body ?? standardLetterTemplates[kind], values);
  const docx = await renderLetterDocx(blocks, {
    title: letterTitle(blocks, letterKinds[kind].label),
    author: partnership?.name ?? 'Sightlines',
  });
  await auditAction(ctx, {
    action: 'letter.generated',
    entityType: 'letter',
    entityId: recipient?.id ?? ctx.review.id,
    details: { reviewId: ctx.review.id, kind, participantId: recipient?.id ?? null },
  });
  const prefix = kind === 'family' ? 'letter-to-the-family' : 'introductory-letter';
  return { docx, fileName: `${prefix}-${safeFileName(recipient?.name ?? ctx.review.title)}.docx` };
}
