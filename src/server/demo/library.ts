import { and, asc, eq } from 'drizzle-orm';
import { addCalendarMonths } from '#domain/calendar/working-days.ts';
import { createFindingInput } from '#domain/finding/finding.ts';
import { unmetForFindingStatus } from '#domain/finding/rules.ts';
import { pseudonymEntryInput } from '#domain/pseudonym/register.ts';
import { registerProblems } from '#domain/pseudonym/register-rules.ts';
import { referenceKindKeys } from '#domain/reference/reference.ts';
import { reviewVariants } from '#domain/review/review.ts';
import { type ReviewStage, stageOrder } from '#domain/review/stages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Tx } from '../db/client.ts';
import {
  actions,
  contributoryFactors,
  episodes,
  findingEpisodes,
  findings,
  memberships,
  pseudonymEntries,
  pseudonymRegisters,
  publications,
  researchQuestions,
  reviewAgencies,
  reviews,
  reviewTransitions,
} from '../db/schema/index.ts';
import { refreshLibraryForReview } from '../library/library-sync.ts';
import { pinnedReferenceVersion, reviewReferenceOf } from '../reference/reference.service.ts';
import { findingColumns } from './findings.ts';
import { seedDemoEastmoor } from './library-eastmoor.ts';
import { type EarlierReview, earlierReviews } from './library-text.ts';

const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const daysBetween = (from: string, to: string) =>
  Math.round((at(to).getTime() - at(from).getTime()) / DAY_MS);
const isoDaysAfter = (iso: string, days: number) =>
  new Date(at(iso).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The dated stages an earlier review passed through: commissioned when initiated, the working
 * stages spread evenly up to publication, then action monitoring from the day it was published and,
 * once its actions were complete, closed.
 */
export function earlierReviewStages(r: EarlierReview): { stage: ReviewStage; on: string }[] {
  const working = stageOrder.slice(
    stageOrder.indexOf('data_collection'),
    stageOrder.indexOf('publication') + 1,
  );
  const span = daysBetween(r.initiatedDate, r.publishedOn);
  const path: { stage: ReviewStage; on: string }[] = [
    { stage: 'commissioning', on: r.initiatedDate },
    ...working.map((stage, i) => ({
      stage,
      on: isoDaysAfter(r.initiatedDate, Math.round((span * (i + 1)) / (working.length + 1))),
    })),
    { stage: 'action_monitoring', on: r.publishedOn },
  ];
  if (r.stage === 'closed' && r.closedOn) path.push({ stage: 'closed', on: r.closedOn });
  return path;
}

/** Loads one earlier review whole, with final findings, its register, publication and actions; returns its id. */
async function seedEarlierReview(
  tx: Tx,
  input: { partnershipId: string; agencyIds: Map<string, string>; by: string | null; review: EarlierReview },
): Promise<string> {
  const { partnershipId, by, review: r } = input;
  const agencyId = (key: string) => {
    const id = input.agencyIds.get(key);
    if (!id) throw new Error(`demo agency ${key} is missing`);
    return id;
  };
  const stages = earlierReviewStages(r);
  const dayOf = (stage: ReviewStage) => stages.find((s) => s.stage === stage)!.on;
  const variant = reviewVariants[r.variant];
  const [row] = await tx
    .insert(reviews)
    .values({
      partnershipId,
      title: r.title,
      type: r.type,
      variant: r.variant,
      stage: r.stage,
      purposeStatement: r.purposeStatement,
      scopeFrom: r.scopeFrom,
      scopeTo: r.scopeTo,
      proportionalityRationale: r.proportionalityRationale,
      decisionRationale: r.decisionRationale,
      decisionDate: r.decisionDate,
      initiatedDate: r.initiatedDate,
      targetPublicationDate: addCalendarMonths(r.initiatedDate, 6),
      qualityAssurer: 'Case review subgroup chair',
      signOffChain: ['Case review subgroup', 'Safeguarding partners’ executive'],
      plannedReviewTeamMeetings: variant.reviewTeamMeetings,
      plannedJointMeetings: variant.jointMeetings,
      createdBy: by,
      createdAt: at(r.initiatedDate),
      updatedAt: at(stages.at(-1)!.on),
    })
    .returning({ id: reviews.id });
  const reviewId = row!.id;
  await tx
    .insert(reviewAgencies)
    .values(r.agencies.map((key) => ({ reviewId, agencyId: agencyId(key), partnershipId })));
  await tx.insert(researchQuestions).values(
    r.researchQuestions.map((text, i) => ({
      reviewId,
      partnershipId,
      position: i + 1,
      text,
      createdAt: at(r.initiatedDate),
    })),
  );
  await tx.insert(reviewTransitions).values(
    stages.map((s, i) => ({
      partnershipId,
      reviewId,
      fromStage: i === 0 ? null : stages[i - 1]!.stage,
      toStage: s.stage,
      action: i === 0 ? 'commission' : 'advance',
      reason: i === 0 ? r.decisionRationale : null,
      at: at(s.on),
    })),
  );

  // The analysis, against the built-in reference data the review is pinned to.
  const ref = { id: reviewId, partnershipId };
  for (const kind of referenceKindKeys) await pinnedReferenceVersion(tx, ref, kind);
  const framework = (await reviewReferenceOf(tx, ref, 'factors')).content;
  const codes = new Set((await reviewReferenceOf(tx, ref, 'typology')).content.categories.map((c) => c.code));
  const analysedOn = at(dayOf('analysis'));
  const episodeIds: string[] = [];
  for (const [i, e] of r.episodes.entries()) {
    const { factors, agencies: keys, ...fields } = e;
    const [made] = await tx
      .insert(episodes)
      .values({
        ...fields,
        partnershipId,
        reviewId,
        number: i + 1,
        agencyIds: keys.map(agencyId),
        sharedWithCaseGroupAt: analysedOn,
        createdBy: by,
        createdAt: analysedOn,
        updatedAt: analysedOn,
      })
      .returning({ id: episodes.id });
    episodeIds.push(made!.id);
    for (const [rank, f] of factors.entries()) {
      const group = framework.groups.find((g) => g.key === f.group);
      if (!group) throw new Error(`demo factor group ${f.group} is not in the framework`);
      if (group.types.length > 0 && !group.types.includes(f.factorType))
        throw new Error(`demo factor type ${f.factorType} is not listed for ${group.label}`);
      await tx.insert(contributoryFactors).values({
        partnershipId,
        reviewId,
        episodeId: made!.id,
        groupKey: f.group,
        factorType: f.factorType,
        description: f.description,
        rank: rank + 1,
        createdBy: by,
        createdAt: analysedOn,
        updatedAt: analysedOn,
      });
    }
  }

  // Final findings, each complete enough to have been agreed and made final.
  const agreedOn = at(dayOf('findings'));
  const findingIds: string[] = [];
  for (const [i, f] of r.findings.entries()) {
    if (!codes.has(f.typologyCode)) throw new Error(`demo typology code ${f.typologyCode} is not pinned`);
    const linked = f.episodes.map((n) => {
      const id = episodeIds[n - 1];
      if (!id) throw new Error(`${r.title} finding ${i + 1} links episode ${n}, which is missing`);
      return id;
    });
    const checked = createFindingInput.parse({ ...f, episodeIds: linked, recommendations: [] });
    const unmet = unmetForFindingStatus(
      { ...f, status: 'agreed_by_review_team', statement: checked.statement, episodeCount: linked.length },
      'final',
    );
    if (unmet.length > 0) throw new Error(`${r.title} finding ${i + 1} is not ready: ${unmet.join('; ')}`);
    const [made] = await tx
      .insert(findings)
      .values({
        partnershipId,
        reviewId,
        number: i + 1,
        statement: checked.statement,
        ...findingColumns(f),
        status: 'final',
        createdBy: by,
        createdAt: agreedOn,
        updatedAt: at(dayOf('quality_assurance')),
      })
      .returning({ id: findings.id });
    findingIds.push(made!.id);
    await tx
      .insert(findingEpisodes)
      .values(linked.map((episodeId) => ({ findingId: made!.id, episodeId, partnershipId })));
  }

  // The pseudonym register the published report was anonymised with.
  const entries = r.register.map((e) => pseudonymEntryInput.parse(e));
  const problems = registerProblems(entries);
  if (problems.length > 0)
    throw new Error(`${r.title} register: ${problems.map((p) => p.message).join('; ')}`);
  await tx
    .insert(pseudonymRegisters)
    .values({ reviewId, partnershipId, version: 1, updatedBy: by, updatedAt: agreedOn });
  await tx.insert(pseudonymEntries).values(
    entries.map((e, i) => ({
      partnershipId,
      reviewId,
      position: i + 1,
      category: e.category,
      realValue: e.realValue,
      variants: e.variants,
      replacement: e.replacement,
      note: e.note ?? null,
      createdAt: agreedOn,
    })),
  );

  await tx.insert(publications).values({
    reviewId,
    partnershipId,
    decision: 'publish',
    form: 'full',
    panelNoticeSentOn: isoDaysAfter(r.publishedOn, -7),
    dfeNoticeSentOn: isoDaysAfter(r.publishedOn, -7),
    plannedPublicationDate: r.publishedOn,
    publishedOn: r.publishedOn,
    url: r.url,
    repositorySentOn: isoDaysAfter(r.publishedOn, 10),
    updatedBy: by,
    updatedAt: at(r.publishedOn),
  });

  for (const a of r.actions) {
    const { finding, owner, ...values } = a;
    const findingId = findingIds[finding - 1];
    if (!findingId) throw new Error(`${r.title} action answers finding ${finding}, which is missing`);
    await tx.insert(actions).values({
      ...values,
      partnershipId,
      reviewId,
      findingId,
      ownerAgencyId: agencyId(owner),
      createdBy: by,
      createdAt: at(r.publishedOn),
      updatedAt: at(a.completedOn ?? r.publishedOn),
    });
  }

  for (const [action, entityType, details] of [
    ['review.commissioned', 'review', { via: 'demo seed' }],
    ['publication.recorded', 'publication', { publishedOn: r.publishedOn, via: 'demo seed' }],
  ] as const)
    await recordAudit(tx, {
      partnershipId,
      actorUserId: null,
      action,
      entityType,
      entityId: reviewId,
      details,
    });
  return reviewId;
}

/**
 * Gives the demo partnership's learning library and analytics some history: three earlier reviews,
 * published in 2022, 2023 and 2025, with final findings, registers, publications and actions; their
 * findings and "Child A"'s agreed ones in the library; and a second partnership, Eastmoor, that
 * shares its imported published findings with every partnership. Runs inside the demo seed's
 * transaction after "Child A"; a second run adds nothing.
 */
export async function seedDemoLibrary(
  tx: Tx,
  input: { partnershipId: string; agencyIds: Map<string, string>; today: Date },
) {
  const { partnershipId, today } = input;
  const [manager] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.partnershipId, partnershipId), eq(memberships.role, 'business_manager')))
    .limit(1);
  const existing = new Map(
    (
      await tx
        .select({ id: reviews.id, title: reviews.title })
        .from(reviews)
        .where(eq(reviews.partnershipId, partnershipId))
        .orderBy(asc(reviews.initiatedDate))
    ).map((r) => [r.title, r.id]),
  );
  for (const review of earlierReviews) {
    if (existing.has(review.title)) continue;
    const id = await seedEarlierReview(tx, {
      partnershipId,
      agencyIds: input.agencyIds,
      by: manager?.userId ?? null,
      review,
    });
    existing.set(review.title, id);
  }
  for (const id of existing.values()) await refreshLibraryForReview(tx, id, today);
  await seedDemoEastmoor(tx);
}
