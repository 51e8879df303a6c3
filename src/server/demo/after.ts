import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { actions, agencies, boardResponses, findings, participants } from '../db/schema/index.ts';

const DAY_MS = 86_400_000;
const isoDaysFrom = (today: Date, days: number) =>
  new Date(today.getTime() + days * DAY_MS).toISOString().slice(0, 10);

const responses: Record<number, string> = {
  1: 'The partners accept this finding. Children’s social care will change its assessment and step-down forms so that the views of early years settings and each agency’s latest contact are asked for, and the partnership will audit a sample of closures in six months.',
  2: 'The partners accept this finding. The police and children’s services will agree how information from call-outs reaches the allocated worker within one working day, and report progress to the next board.',
};

/**
 * Loads what follows the demo review: the board's response to the first two findings, and an action
 * plan with one action of each kind of progress — open, overdue, done, and with its impact verified
 * by an audit. Runs inside the demo seed's transaction after the findings; a second run changes nothing.
 */
export async function seedDemoAfterReview(
  tx: Tx,
  input: { partnershipId: string; reviewId: string; today: Date },
) {
  const { partnershipId, reviewId, today } = input;
  const [already] = await tx
    .select({ id: actions.id })
    .from(actions)
    .where(eq(actions.reviewId, reviewId))
    .limit(1);
  if (already) return;
  const byNumber = new Map(
    (
      await tx
        .select({ id: findings.id, number: findings.number })
        .from(findings)
        .where(eq(findings.reviewId, reviewId))
        .orderBy(asc(findings.number))
    ).map((f) => [f.number, f.id]),
  );
  const agencyId = async (shortName: string) =>
    (
      await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.shortName, shortName)))
    )[0]?.id ?? null;
  const [manager] = await tx
    .select({ userId: participants.userId })
    .from(participants)
    .where(and(eq(participants.reviewId, reviewId), eq(participants.role, 'business_manager')));
  const by = manager?.userId ?? null;

  for (const [number, response] of Object.entries(responses)) {
    const findingId = byNumber.get(Number(number));
    if (!findingId) continue;
    await tx.insert(boardResponses).values({
      findingId,
      partnershipId,
      reviewId,
      response,
      agreedOn: isoDaysFrom(today, -10),
      updatedBy: by,
    });
  }
  const plan = [
    {
      finding: 1,
      target: 'question',
      targetIndex: 0,
      description:
        'Add the views of early years settings and each agency’s latest contact to the assessment and step-down forms.',
      owner: 'CSC',
      ownerName: 'Head of children’s social care',
      dueOn: isoDaysFrom(today, 60),
      successMeasure: 'An audit of 20 closures finds the nursery’s view recorded in at least 18.',
      status: 'open',
    },
    {
      finding: 2,
      target: 'finding',
      targetIndex: null,
      description:
        'Agree how information from police call-outs reaches the allocated worker within one working day.',
      owner: 'Police',
      ownerName: 'Detective chief inspector, public protection',
      dueOn: isoDaysFrom(today, -12),
      successMeasure:
        'Notifications reach the allocated worker within one working day in 9 of 10 sampled cases.',
      status: 'in_progress',
      progressNote: 'A draft protocol is with both agencies’ legal teams.',
    },
    {
      finding: 3,
      target: 'finding',
      targetIndex: null,
      description: 'Give designated safeguarding leads in nurseries protected supervision time each month.',
      owner: 'Education',
      ownerName: 'Early years safeguarding adviser',
      dueOn: isoDaysFrom(today, -20),
      successMeasure: 'Every nursery lead has a supervision slot booked each month.',
      status: 'done',
      completedOn: isoDaysFrom(today, -25),
    },
    {
      finding: 4,
      target: 'finding',
      targetIndex: null,
      description:
        'Share urgent concerns between GP practices and health visitors between the monthly liaison meetings.',
      owner: 'Community health',
      ownerName: 'Head of health visiting',
      dueOn: isoDaysFrom(today, -40),
      successMeasure: 'Urgent concerns are shared within two working days.',
      status: 'impact_verified',
      completedOn: isoDaysFrom(today, -45),
      impactEvidenceKind: 'audit',
      impactEvidence:
        'An audit of 30 cases three months later found urgent concerns shared within two working days in 28.',
    },
  ] as const;
  for (const a of plan) {
    const findingId = byNumber.get(a.finding);
    if (!findingId) continue;
    const { finding: _n, owner, ...values } = a;
    await tx.insert(actions).values({
      ...values,
      partnershipId,
      reviewId,
      findingId,
      ownerAgencyId: await agencyId(owner),
      createdBy: by,
    });
  }
}
