import { eq } from 'drizzle-orm';
import { referenceKindKeys } from '#domain/reference/reference.ts';
import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import type { Tx } from '../db/client.ts';
import {
  chronologyEvents,
  contributoryFactors,
  conversations,
  documents,
  episodeComments,
  episodeEvents,
  episodeEvidence,
  episodes,
  participants,
  reviewAnalysisSettings,
  reviews,
} from '../db/schema/index.ts';
import { pinnedReferenceVersion, reviewReferenceOf } from '../reference/reference.service.ts';
import { type DemoEvidence, demoEpisodes } from './analysis-episodes.ts';

const DAY_MS = 86_400_000;
const isoDaysAfter = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBefore = (today: Date, days: number) => new Date(today.getTime() - days * DAY_MS);

/**
 * Loads the demo review's analysis: pins the review to version 1 of each kind of reference data,
 * then writes six key practice episodes made from the seeded narrative, with their contributory
 * factors, evidence, sharing with the case group and the case group's comments. Runs inside the
 * demo seed's transaction, after the narrative and the evidence.
 */
export async function seedDemoAnalysis(
  tx: Tx,
  input: { partnershipId: string; reviewId: string; agencyIds: Map<string, string>; today: Date },
) {
  const { partnershipId, reviewId, today } = input;
  const [review] = await tx.select().from(reviews).where(eq(reviews.id, reviewId));
  if (!review?.scopeFrom) throw new Error('the demo review has no scope');
  const ref = { id: reviewId, partnershipId };
  for (const kind of referenceKindKeys) await pinnedReferenceVersion(tx, ref, kind);
  const factorFramework = (await reviewReferenceOf(tx, ref, 'factors')).content;
  const grades = new Set((await reviewReferenceOf(tx, ref, 'appraisal')).content.grades.map((g) => g.key));

  const people = new Map(
    (await tx.select().from(participants).where(eq(participants.reviewId, reviewId))).map((p) => [p.name, p]),
  );
  const person = (name: string) => {
    const p = people.get(name);
    if (!p?.userId) throw new Error(`demo person ${name} is not in the review`);
    return { ...p, userId: p.userId };
  };
  const lead = person('Dr Helen Mercer');
  const conversationOf = new Map(
    (
      await tx
        .select({ id: conversations.id, participantId: conversations.participantId })
        .from(conversations)
        .where(eq(conversations.reviewId, reviewId))
    ).map((c) => [c.participantId, c.id]),
  );
  const documentByTitle = new Map(
    (
      await tx
        .select({ id: documents.id, title: documents.title })
        .from(documents)
        .where(eq(documents.reviewId, reviewId))
    ).map((d) => [d.title, d.id]),
  );
  /** A link to seeded evidence, or nothing where it was not seeded (documents need a data directory). */
  const link = (e: DemoEvidence) => {
    if ('document' in e) {
      const documentId = documentByTitle.get(e.document);
      return documentId ? { kind: 'document', documentId, conversationId: null, passage: null } : null;
    }
    const conversationId = conversationOf.get(person(e.conversationWith).id);
    return conversationId
      ? { kind: 'conversation', documentId: null, conversationId, passage: e.passage }
      : null;
  };
  const events = await tx
    .select({
      id: chronologyEvents.id,
      occurredOn: chronologyEvents.occurredOn,
      agencyId: chronologyEvents.agencyId,
      summary: chronologyEvents.summary,
    })
    .from(chronologyEvents)
    .where(eq(chronologyEvents.reviewId, reviewId));
  const agencyId = (key: string) => {
    const id = input.agencyIds.get(key);
    if (!id) throw new Error(`demo agency ${key} is missing`);
    return id;
  };

  await tx
    .insert(reviewAnalysisSettings)
    .values({ reviewId, partnershipId, caseGroupScope: 'involved' })
    .onConflictDoNothing();

  for (const [i, e] of demoEpisodes.entries()) {
    const from = isoDaysAfter(review.scopeFrom, e.days[0]);
    const to = isoDaysAfter(review.scopeFrom, e.days[1]);
    const linked = events
      .filter(
        (ev) =>
          ev.occurredOn >= from &&
          ev.occurredOn <= to &&
          e.events.some(([a, words]) => ev.agencyId === agencyId(a) && ev.summary.includes(words)),
      )
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
    if (linked.length < 3 || linked.length > 8)
      throw new Error(`demo episode ${i + 1} links ${linked.length} events, not 3 to 8`);
    if (!grades.has(e.appraisal)) throw new Error(`demo appraisal ${e.appraisal} is not on the scale`);
    const agencyIds = [...new Set([...e.agencies.map(agencyId), ...linked.map((ev) => ev.agencyId)])];
    const [row] = await tx
      .insert(episodes)
      .values({
        partnershipId,
        reviewId,
        number: i + 1,
        title: e.title,
        periodFrom: linked[0]!.occurredOn,
        periodTo: linked.at(-1)!.occurredOn,
        agencyIds,
        roles: e.roles,
        whatHappened: e.whatHappened,
        localRationality: e.localRationality,
        appraisal: e.appraisal,
        appraisalRationale: e.appraisalRationale,
        standardKind: e.standardKind,
        standardReference: e.standardReference,
        hindsight: e.hindsight,
        wentWell: e.wentWell,
        overviewQueries: e.overviewQueries,
        goodPractice: e.goodPractice,
        status: e.status,
        sharedWithCaseGroupAt: e.shared ? daysBefore(today, 7) : null,
        createdBy: lead.userId,
      })
      .returning();
    const episodeId = row!.id;
    await tx.insert(episodeEvents).values(linked.map((ev) => ({ episodeId, eventId: ev.id, partnershipId })));
    const evidence = e.evidence.map(link).filter((x) => x !== null);
    if (evidence.length > 0)
      await tx
        .insert(episodeEvidence)
        .values(evidence.map((x, at) => ({ ...x, partnershipId, episodeId, note: null, position: at + 1 })));
    for (const [rank, f] of e.factors.entries()) {
      const group = factorFramework.groups.find((g) => g.key === f.group);
      if (!group) throw new Error(`demo factor group ${f.group} is not in the framework`);
      if (group.types.length > 0 && !group.types.includes(f.factorType))
        throw new Error(`demo factor type ${f.factorType} is not listed for ${group.label}`);
      const links = (f.evidence ?? []).map(link).filter((x) => x !== null);
      await tx.insert(contributoryFactors).values({
        partnershipId,
        reviewId,
        episodeId,
        groupKey: f.group,
        factorType: f.factorType,
        description: f.description,
        rank: rank + 1,
        evidence: links.map((x) => ({
          kind: x.kind,
          targetId: (x.documentId ?? x.conversationId)!,
          passage: x.passage,
          note: null,
        })),
        createdBy: lead.userId,
      });
    }
    for (const c of e.comments) {
      const author = person(c.by);
      const resolver = c.resolved ? person(c.resolved.by) : null;
      await tx.insert(episodeComments).values({
        partnershipId,
        episodeId,
        authorId: author.userId,
        authorParticipantId: author.id,
        authorRole: `${reviewRoles[author.role as ReviewRole]}${author.jobTitle ? ` (${author.jobTitle})` : ''}`,
        body: c.body,
        createdAt: daysBefore(today, c.daysAgo),
        resolvedAt: c.resolved ? daysBefore(today, c.resolved.daysAgo) : null,
        resolvedBy: resolver?.userId ?? null,
        resolution: c.resolved?.resolution ?? null,
      });
    }
  }
  return demoEpisodes.length;
}
