import { addCalendarMonths } from '#domain/calendar/working-days.ts';
import type { ReviewRole } from '#domain/review/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Tx } from '../db/client.ts';
import {
  meetingAttendees,
  meetings,
  memberships,
  participants,
  researchQuestions,
  reviewAgencies,
  reviews,
  reviewTransitions,
  users,
} from '../db/schema/index.ts';
import { seedDemoAfterReview } from './after.ts';
import { seedDemoAnalysis } from './analysis.ts';
import { seedDemoEvidence } from './evidence.ts';
import { seedDemoFindings } from './findings.ts';
import { seedDemoNarrative } from './narrative.ts';
import { seedDemoQuality } from './quality.ts';
import { seedDemoReport } from './report.ts';

type DemoPerson = {
  userId: string;
  name: string;
  email: string;
  jobTitle: string;
  agencyId: string | null;
  reviewRole: ReviewRole;
};

const isoDaysFrom = (today: Date, days: number) =>
  new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Further fictional practitioners who fill the demo review's team and case group. */
const extraPeople: {
  email: string;
  name: string;
  jobTitle: string;
  agency: string;
  reviewRole: ReviewRole;
}[] = [
  {
    email: 'rt.csc',
    name: 'Daniel Hughes',
    jobTitle: 'Head of children’s social care',
    agency: 'CSC',
    reviewRole: 'review_team_member',
  },
  {
    email: 'rt.health',
    name: 'Fiona McAllister',
    jobTitle: 'Designated nurse for safeguarding',
    agency: 'Community health',
    reviewRole: 'review_team_member',
  },
  {
    email: 'cg.hv',
    name: 'Amira Haddad',
    jobTitle: 'Health visitor',
    agency: 'Community health',
    reviewRole: 'case_group_member',
  },
  {
    email: 'cg.gp',
    name: 'Dr Owen Price',
    jobTitle: 'GP partner',
    agency: 'GP',
    reviewRole: 'case_group_member',
  },
  {
    email: 'cg.police',
    name: 'PC Leah Murray',
    jobTitle: 'Police constable, public protection',
    agency: 'Police',
    reviewRole: 'case_group_member',
  },
  {
    email: 'cg.school',
    name: 'Ben Carter',
    jobTitle: 'Designated safeguarding lead, nursery',
    agency: 'Education',
    reviewRole: 'case_group_member',
  },
];

/**
 * Loads the demo review "Child A": a full LCSPR in data collection with its terms of reference,
 * two lead reviewers, a review team from three agencies, a case group of five and a joint meeting.
 */
export async function seedDemoReview(
  tx: Tx,
  input: {
    partnershipId: string;
    agencyIds: Map<string, string>;
    people: DemoPerson[];
    passwordHash: string;
    today: Date;
    /** Where uploaded files live; the demo documents are stored there. */
    dataDir: string | null;
  },
) {
  const { partnershipId, agencyIds, today } = input;
  const people = [...input.people];
  for (const extra of extraPeople) {
    const agencyId = agencyIds.get(extra.agency) ?? null;
    const [user] = await tx
      .insert(users)
      .values({
        email: `${extra.email}@demo.sightlines.test`,
        name: extra.name,
        passwordHash: input.passwordHash,
      })
      .returning();
    await tx
      .insert(memberships)
      .values({ partnershipId, userId: user!.id, role: 'member', agencyId, jobTitle: extra.jobTitle });
    people.push({
      userId: user!.id,
      name: extra.name,
      email: user!.email,
      jobTitle: extra.jobTitle,
      agencyId,
      reviewRole: extra.reviewRole,
    });
  }
  const initiatedDate = isoDaysFrom(today, -45);
  const [review] = await tx
    .insert(reviews)
    .values({
      partnershipId,
      title: 'Child A',
      type: 'lcspr',
      variant: 'full',
      stage: 'data_collection',
      purposeStatement:
        'To understand how agencies in Northbrook recognise and respond to the neglect of pre-school children whose parents have mental health difficulties, so that the partnership can make good practice more likely.',
      scopeFrom: isoDaysFrom(today, -600),
      scopeTo: isoDaysFrom(today, -60),
      proportionalityRationale:
        'A full review: several agencies were involved over a long period and the learning is likely to be widespread.',
      decisionRationale:
        'Meets regulation 11 criteria: concerns about how two or more agencies worked together, and recurring themes.',
      decisionDate: isoDaysFrom(today, -50),
      initiatedDate,
      targetPublicationDate: addCalendarMonths(initiatedDate, 6),
      qualityAssurer: 'Case review subgroup chair',
      signOffChain: ['Case review subgroup', 'Safeguarding partners’ executive'],
      plannedReviewTeamMeetings: 5,
      plannedJointMeetings: 2,
    })
    .returning();
  const r = review!;
  for (const key of ['CSC', 'Police', 'Acute', 'Community health', 'GP', 'Education']) {
    const agencyId = agencyIds.get(key);
    if (agencyId) await tx.insert(reviewAgencies).values({ reviewId: r.id, agencyId, partnershipId });
  }
  const questions = [
    'How do agencies recognise neglect when a parent’s mental health fluctuates?',
    'How is information about a pre-school child shared between health visiting, GPs and early years settings?',
    'What helps or hinders practitioners in escalating concerns when thresholds are not met?',
  ];
  await tx
    .insert(researchQuestions)
    .values(questions.map((text, i) => ({ reviewId: r.id, partnershipId, position: i + 1, text })));
  await tx.insert(reviewTransitions).values([
    {
      partnershipId,
      reviewId: r.id,
      fromStage: null,
      toStage: 'commissioning',
      action: 'commission',
      reason: r.decisionRationale,
      at: new Date(`${initiatedDate}T10:00:00Z`),
    },
    {
      partnershipId,
      reviewId: r.id,
      fromStage: 'commissioning',
      toStage: 'data_collection',
      action: 'advance',
      reason: 'Terms of reference agreed',
      at: new Date(`${isoDaysFrom(today, -20)}T10:00:00Z`),
    },
  ]);
  const participantIds: string[] = [];
  const byName = new Map<string, { id: string; name: string }>();
  for (const p of people) {
    const [row] = await tx
      .insert(participants)
      .values({
        partnershipId,
        reviewId: r.id,
        userId: p.userId,
        role: p.reviewRole,
        name: p.name,
        email: p.email,
        jobTitle: p.jobTitle,
        agencyId: p.agencyId,
      })
      .returning();
    if (p.reviewRole !== 'family_member' && p.reviewRole !== 'board_member') participantIds.push(row!.id);
    byName.set(p.name, { id: row!.id, name: p.name });
  }
  const [meeting] = await tx
    .insert(meetings)
    .values({
      partnershipId,
      reviewId: r.id,
      kind: 'joint',
      title: 'First joint meeting: checking the narrative',
      startsAt: new Date(`${isoDaysFrom(today, 9)}T09:30:00Z`),
      durationMinutes: 180,
      location: 'Northbrook Civic Centre, Room 4',
      agenda:
        'Welcome and ground rules\nThe emerging multi-agency narrative\nCandidate key practice episodes\nNext steps',
    })
    .returning();
  await tx
    .insert(meetingAttendees)
    .values(
      participantIds.map((participantId) => ({ meetingId: meeting!.id, participantId, partnershipId })),
    );
  await seedDemoNarrative(tx, {
    partnershipId,
    reviewId: r.id,
    agencyIds,
    scopeFrom: r.scopeFrom!,
    scopeTo: r.scopeTo!,
  });
  await seedDemoEvidence(tx, {
    partnershipId,
    reviewId: r.id,
    agencyIds,
    people: byName,
    dataDir: input.dataDir,
  });
  await seedDemoAnalysis(tx, { partnershipId, reviewId: r.id, agencyIds, today });
  await seedDemoFindings(tx, { partnershipId, reviewId: r.id, today });
  await seedDemoReport(tx, { partnershipId, reviewId: r.id, today });
  await seedDemoQuality(tx, { partnershipId, reviewId: r.id, today });
  await seedDemoAfterReview(tx, { partnershipId, reviewId: r.id, today });
  await recordAudit(tx, {
    partnershipId,
    actorUserId: null,
    action: 'review.commissioned',
    entityType: 'review',
    entityId: r.id,
    details: { via: 'demo seed' },
  });
  return r;
}
