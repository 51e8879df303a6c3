import { and, asc, eq } from 'drizzle-orm';
import type { NarrativeKey } from '#domain/report/report.ts';
import type { ReviewRole } from '#domain/review/policy.ts';
import type { Config } from '../config.ts';
import type { Tx } from '../db/client.ts';
import { participants, reportDrafts, reportVersions, reviews, users } from '../db/schema/index.ts';
import { generateReport } from '../report/report-generate.service.ts';
import type { ReviewCtx } from '../review/access.ts';

/**
 * The lead reviewers' written sections of the demo report. They are written as reviewers often
 * draft, with a real name or two in them: the register replaces them when the report is generated.
 */
export const demoNarrative: Partial<Record<NarrativeKey, string>> = {
  whyThisCase:
    'The safeguarding partners agreed that this case could show how agencies in the town share what they know about a young child when a family moves between early help and statutory services, a pattern seen in two earlier rapid reviews.',
  caseSummary:
    'Noah Quillfeather was two years old when he was admitted to hospital with injuries that the medical team considered non-accidental. He lived with his mother and his older sister.\n\n' +
    'In the eighteen months before the incident the family was known to children’s services, the health visiting service, the GP practice and the nursery. The review looked at how those agencies saw the family’s needs and worked together.',
  familyComposition: 'The father did not live with the family during most of the period under review.',
  independence:
    'The lead reviewers are accredited Learning Together reviewers. Neither has worked for, or been commissioned by, the agencies involved in the care of Child A in the last five years.',
  acknowledgements:
    'The lead reviewers thank Child A’s mother for meeting them, and the practitioners of the case group for the openness with which they described their work.',
  limitations:
    'Ten of the eleven practitioners invited took part in conversations. The GP practice provided records but the GP was on long-term leave and did not take part. The father declined to contribute. The criminal investigation limited what could be discussed about the incident itself.',
  appraisalOverview:
    'Much of the practice in this case was conscientious and caring. The episodes below show where the system made it harder for practitioners to see the whole picture.',
  windowOnSystem:
    'The episodes in this case are not unusual. Practitioners and managers told the review team that the same difficulties arise whenever a family steps down from statutory services, which is why the findings that follow are about the system rather than the individuals in it.',
};

/**
 * Writes the demo report's sections and generates its first version, as the lead reviewer, through
 * the same service the report page uses. Runs inside the demo seed's transaction after the findings
 * and the register; a second run changes nothing.
 */
export async function seedDemoReport(
  tx: Tx,
  input: { partnershipId: string; reviewId: string; today: Date },
) {
  const [already] = await tx
    .select({ id: reportVersions.id })
    .from(reportVersions)
    .where(eq(reportVersions.reviewId, input.reviewId))
    .limit(1);
  if (already) return;
  const [review] = await tx.select().from(reviews).where(eq(reviews.id, input.reviewId));
  const [lead] = await tx
    .select({
      userId: participants.userId,
      participantId: participants.id,
      name: users.name,
      email: users.email,
    })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(and(eq(participants.reviewId, input.reviewId), eq(participants.role, 'lead_reviewer')))
    .orderBy(asc(users.email))
    .limit(1);
  if (!review || !lead?.userId) throw new Error('the demo review has no lead reviewer');

  await tx.insert(reportDrafts).values({
    reviewId: review.id,
    partnershipId: input.partnershipId,
    sections: demoNarrative as Record<string, string>,
    updatedBy: lead.userId,
    updatedAt: input.today,
  });
  const ctx: ReviewCtx = {
    tx,
    config: {} as Config,
    principal: {
      userId: lead.userId,
      name: lead.name,
      email: lead.email,
      sessionId: 'demo-seed',
      csrfToken: '',
      mustChangePassword: false,
      sessionCreatedAt: input.today,
    },
    address: '127.0.0.1',
    requestId: 'demo-seed',
    now: input.today,
    membership: { partnershipId: input.partnershipId, role: 'member', agencyId: null },
    review,
    actor: { reviewRoles: ['lead_reviewer' satisfies ReviewRole], partnershipRole: 'member' },
    participantIds: [lead.participantId],
  };
  await generateReport(ctx, { note: 'First draft for the review team' });
}
