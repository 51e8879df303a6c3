import { and, asc, eq, inArray } from 'drizzle-orm';
import { findQualityMarker } from '#domain/quality/markers.ts';
import type { Tx } from '../db/client.ts';
import {
  agencies,
  findings,
  participants,
  qualityAssessments,
  reviewers,
  supervisionReplies,
  supervisionSessions,
  supervisionThreads,
  trainingCohorts,
  trainingMilestones,
  users,
} from '../db/schema/index.ts';

const DAY_MS = 86_400_000;
const isoDaysBefore = (today: Date, days: number) =>
  new Date(today.getTime() - days * DAY_MS).toISOString().slice(0, 10);
const SCIE = 'Social Care Institute for Excellence';

/** Markers already assessed in the demo: part of the set-up phase, so the rest are there to do. */
const demoAssessments = [
  {
    number: 1,
    rating: 'green',
    answers: ['yes', 'yes', 'partly'],
    evidence:
      'Notified within five working days. Two agencies were slow to send what they knew to the rapid review.',
  },
  {
    number: 2,
    rating: 'green',
    answers: ['yes', 'yes', 'yes'],
    evidence: 'Decision and rationale recorded at the rapid review meeting and in the terms of reference.',
  },
  {
    number: 5,
    rating: 'amber',
    answers: ['yes', 'partly'],
    evidence:
      'The purpose is stated. The criminal investigation was known but not named as a complication at the start.',
  },
] as const;

/**
 * Loads the demo partnership's quality control: a reviewer pool (accredited lead reviewers and a
 * supervisor, two trainees in a cohort carrying out Child A as their practice review, and a lapsed
 * reviewer with a declared conflict), the trainees' milestones so far, a partly completed
 * quality-marker self-assessment of Child A, and a supervision thread and session. Runs inside the
 * demo seed's transaction after the review's findings; a second run changes nothing.
 */
export async function seedDemoQuality(
  tx: Tx,
  input: { partnershipId: string; reviewId: string; today: Date },
) {
  const { partnershipId, reviewId, today } = input;
  const [already] = await tx
    .select({ id: reviewers.id })
    .from(reviewers)
    .where(eq(reviewers.partnershipId, partnershipId));
  if (already) return;
  const people = await tx
    .select({
      userId: participants.userId,
      role: participants.role,
      name: participants.name,
      email: users.email,
    })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(
      and(
        eq(participants.reviewId, reviewId),
        inArray(participants.role, ['lead_reviewer', 'trainee_reviewer', 'supervisor', 'business_manager']),
      ),
    )
    .orderBy(asc(users.email));
  const byRole = (role: string) => people.filter((p) => p.role === role);
  const [supervisorPerson] = byRole('supervisor');
  const [manager] = byRole('business_manager');
  if (!supervisorPerson?.userId || byRole('trainee_reviewer').length < 2)
    throw new Error('the demo review needs a supervisor and two trainees');

  const [cohort] = await tx
    .insert(trainingCohorts)
    .values({
      partnershipId,
      name: `${today.getUTCFullYear()} Learning Together cohort`,
      startsOn: isoDaysBefore(today, 300),
      provider: SCIE,
      notes: 'Four training days, then a supervised practice review in pairs with rolling group supervision.',
    })
    .returning();
  const [supervisor] = await tx
    .insert(reviewers)
    .values({
      partnershipId,
      name: supervisorPerson.name,
      email: supervisorPerson.email,
      userId: supervisorPerson.userId,
      status: 'accredited',
      accreditingBody: SCIE,
      accreditedOn: '2019-05-14',
      expertise: ['Supervising trainee reviewers', 'Neglect'],
      availability: 'Two supervision groups a month',
    })
    .returning();
  for (const lead of byRole('lead_reviewer'))
    await tx.insert(reviewers).values({
      partnershipId,
      name: lead.name,
      email: lead.email,
      userId: lead.userId,
      status: 'accredited',
      accreditingBody: SCIE,
      accreditedOn: '2021-09-30',
      expertise: ['Infants and non-mobile babies', 'Domestic abuse'],
      availability: 'From next quarter',
    });
  const [police] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.partnershipId, partnershipId), eq(agencies.shortName, 'Police')));
  await tx.insert(reviewers).values({
    partnershipId,
    name: 'Janet Coldwell',
    email: 'janet.coldwell@example.org',
    status: 'lapsed',
    accreditingBody: SCIE,
    accreditedOn: '2015-02-11',
    expertise: ['Adolescents', 'Child sexual exploitation'],
    availability: 'Available',
    conflicts: [
      {
        agencyId: police?.id ?? null,
        description: 'Worked as a detective inspector in the force until 2022.',
      },
    ],
  });
  for (const [i, trainee] of byRole('trainee_reviewer').entries()) {
    const [row] = await tx
      .insert(reviewers)
      .values({
        partnershipId,
        name: trainee.name,
        email: trainee.email,
        userId: trainee.userId,
        status: 'trainee',
        cohortId: cohort!.id,
        supervisorReviewerId: supervisor!.id,
        practiceReviewId: reviewId,
        expertise: i === 0 ? ['Health visiting'] : ['Early help'],
        availability: 'Carrying out the practice review',
      })
      .returning();
    const milestones = [
      ...[300, 299, 290, 289].map((d) => ({ kind: 'training_day', on: isoDaysBefore(today, d) })),
      ...[200, 120].slice(0, 2 - i).map((d) => ({ kind: 'group_supervision', on: isoDaysBefore(today, d) })),
    ];
    await tx.insert(trainingMilestones).values(
      milestones.map((m) => ({
        partnershipId,
        reviewerId: row!.id,
        ...m,
        recordedBy: manager?.userId ?? null,
      })),
    );
  }

  for (const a of demoAssessments) {
    if (findQualityMarker(a.number)?.questions.length !== a.answers.length)
      throw new Error(`demo quality marker ${a.number} has the wrong number of answers`);
    await tx.insert(qualityAssessments).values({
      reviewId,
      partnershipId,
      markerNumber: a.number,
      rating: a.rating,
      answers: [...a.answers],
      evidence: a.evidence,
      assessedBy: manager?.userId ?? null,
      assessedAt: new Date(today.getTime() - 20 * DAY_MS),
    });
  }

  const [finding] = await tx
    .select({ id: findings.id })
    .from(findings)
    .where(and(eq(findings.reviewId, reviewId), eq(findings.number, 2)));
  const trainee = byRole('trainee_reviewer')[0]!;
  if (finding) {
    const [thread] = await tx
      .insert(supervisionThreads)
      .values({
        partnershipId,
        reviewId,
        targetType: 'finding',
        targetId: finding.id,
        body: 'How do we know this is more than the review team’s impression? Is there audit or data to back it?',
        authorId: supervisorPerson.userId,
        createdAt: new Date(today.getTime() - 9 * DAY_MS),
      })
      .returning();
    await tx.insert(supervisionReplies).values({
      partnershipId,
      reviewId,
      threadId: thread!.id,
      body: 'The multi-agency audit of step-down cases last spring found the same gap. I will add it to the evidence.',
      authorId: trainee.userId,
      createdAt: new Date(today.getTime() - 8 * DAY_MS),
    });
  }
  await tx.insert(supervisionSessions).values({
    partnershipId,
    reviewId,
    kind: 'group',
    heldOn: isoDaysBefore(today, 14),
    attendees: `${supervisorPerson.name}, ${byRole('trainee_reviewer')
      .map((t) => t.name)
      .join(', ')}`,
    notes:
      'Discussed keeping hindsight out of the appraisal of episode 3, and how to test the emerging findings with the case group.',
    recordedBy: supervisorPerson.userId,
  });
}
