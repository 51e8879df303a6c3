import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditLog } from '../audit/verify.ts';
import {
  actions,
  auditEvents,
  chronologyEvents,
  chronologyImports,
  chronologyKnowledge,
  chronologyPerspectives,
  chronologySources,
  contributoryFactors,
  conversations,
  conversationVersions,
  documents,
  episodeComments,
  episodeEvidence,
  episodes,
  findings,
  languageFlagDismissals,
  libraryEntries,
  meetingAttendees,
  meetings,
  parallelProcesses,
  participants,
  pseudonymEntries,
  publications,
  reportCirculations,
  reportComments,
  reportDrafts,
  reportHitAcknowledgements,
  reportSignOffs,
  reportVersions,
  reviewErasures,
  reviews,
  reviewTransitions,
  supervisionReplies,
  supervisionSessions,
  supervisionThreads,
} from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenReviewFullOfPersonalData } from './testing.ts';

let t: TestApp;
let pid: string;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
});
afterAll(() => t.close());

const erasureUrl = (p: string, r: string) => `/api/partnerships/${p}/reviews/${r}/erasure`;
const filePath = (sha: string) => join(t.config.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
const secretWords = 'Zebedee Quartermaine';
const db = () => t.database.db;

/** Every row of the database that still holds the test's secret words, by table. */
async function tablesHoldingSecrets(data: Awaited<ReturnType<typeof givenReviewFullOfPersonalData>>) {
  const db = t.database.db;
  const reviewId = data.review.id;
  const found: string[] = [];
  const check = async (name: string, rows: unknown[]) => {
    if (JSON.stringify(rows).includes(secretWords)) found.push(name);
  };
  await check('reviews', await db.select().from(reviews).where(eq(reviews.id, reviewId)));
  await check('documents', await db.select().from(documents).where(eq(documents.reviewId, reviewId)));
  await check(
    'conversations',
    await db.select().from(conversations).where(eq(conversations.reviewId, reviewId)),
  );
  await check(
    'conversation_versions',
    await db
      .select()
      .from(conversationVersions)
      .where(eq(conversationVersions.conversationId, data.conversation.id)),
  );
  await check(
    'chronology_events',
    await db.select().from(chronologyEvents).where(eq(chronologyEvents.reviewId, reviewId)),
  );
  await check(
    'chronology_perspectives',
    await db.select().from(chronologyPerspectives).where(eq(chronologyPerspectives.eventId, data.event.id)),
  );
  await check(
    'chronology_sources',
    await db.select().from(chronologySources).where(eq(chronologySources.eventId, data.event.id)),
  );
  await check(
    'chronology_knowledge',
    await db.select().from(chronologyKnowledge).where(eq(chronologyKnowledge.eventId, data.event.id)),
  );
  await check(
    'chronology_imports',
    await db.select().from(chronologyImports).where(eq(chronologyImports.reviewId, reviewId)),
  );
  await check('episodes', await db.select().from(episodes).where(eq(episodes.reviewId, reviewId)));
  await check(
    'episode_evidence',
    await db.select().from(episodeEvidence).where(eq(episodeEvidence.episodeId, data.episode.id)),
  );
  await check(
    'episode_comments',
    await db.select().from(episodeComments).where(eq(episodeComments.episodeId, data.episode.id)),
  );
  await check(
    'contributory_factors',
    await db.select().from(contributoryFactors).where(eq(contributoryFactors.reviewId, reviewId)),
  );
  await check(
    'language_flag_dismissals',
    await db.select().from(languageFlagDismissals).where(eq(languageFlagDismissals.reviewId, reviewId)),
  );
  await check('findings', await db.select().from(findings).where(eq(findings.reviewId, reviewId)));
  await check('meetings', await db.select().from(meetings).where(eq(meetings.reviewId, reviewId)));
  await check(
    'pseudonym_entries',
    await db.select().from(pseudonymEntries).where(eq(pseudonymEntries.reviewId, reviewId)),
  );
  await check(
    'report_drafts',
    await db.select().from(reportDrafts).where(eq(reportDrafts.reviewId, reviewId)),
  );
  await check(
    'report_versions',
    await db
      .select({ hits: reportVersions.hits, note: reportVersions.note })
      .from(reportVersions)
      .where(eq(reportVersions.reviewId, reviewId)),
  );
  await check(
    'report_circulations',
    await db.select().from(reportCirculations).where(eq(reportCirculations.reviewId, reviewId)),
  );
  await check(
    'report_comments',
    await db.select().from(reportComments).where(eq(reportComments.reviewId, reviewId)),
  );
  await check(
    'report_sign_offs',
    await db.select().from(reportSignOffs).where(eq(reportSignOffs.reviewId, reviewId)),
  );
  await check(
    'report_hit_acknowledgements',
    await db
      .select()
      .from(reportHitAcknowledgements)
      .where(inArray(reportHitAcknowledgements.versionId, data.versionIds)),
  );
  await check(
    'supervision_threads',
    await db.select().from(supervisionThreads).where(eq(supervisionThreads.reviewId, reviewId)),
  );
  await check(
    'supervision_replies',
    await db.select().from(supervisionReplies).where(eq(supervisionReplies.reviewId, reviewId)),
  );
  await check(
    'supervision_sessions',
    await db.select().from(supervisionSessions).where(eq(supervisionSessions.reviewId, reviewId)),
  );
  await check(
    'parallel_processes',
    await db.select().from(parallelProcesses).where(eq(parallelProcesses.reviewId, reviewId)),
  );
  await check(
    'review_transitions',
    await db.select().from(reviewTransitions).where(eq(reviewTransitions.reviewId, reviewId)),
  );
  return found;
}

describe('who may erase a review’s personal data', () => {
  it('is the partnership’s admins only; another partnership’s review is not found', async () => {
    const { review } = await givenReviewFullOfPersonalData(t, pid);
    const body = { reason: 'Retention period over', confirmReference: review.title };
    const url = erasureUrl(pid, review.id);
    expect((await call(t, null, 'POST', url, body)).statusCode).toBe(401);
    const manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    expect((await call(t, manager, 'POST', url, body)).statusCode).toBe(403);
    const other = await givenPartnership(t);
    const outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
    expect((await call(t, outsider, 'POST', url, body)).statusCode).toBe(404);
    const elsewhere = await givenReviewFullOfPersonalData(t, other.id);
    expect((await call(t, admin, 'POST', erasureUrl(pid, elsewhere.review.id), body)).statusCode).toBe(404);
    expect((await call(t, admin, 'POST', erasureUrl(other.id, elsewhere.review.id), body)).statusCode).toBe(
      404,
    );
    expect((await call(t, admin, 'POST', erasureUrl(pid, 'not-a-uuid'), body)).statusCode).toBe(404);
    expect(await tablesHoldingSecrets(elsewhere)).toContain('conversations');
  });

  it('needs a reason and the review’s name typed again', async () => {
    const data = await givenReviewFullOfPersonalData(t, pid);
    const { review } = data;
    const url = erasureUrl(pid, review.id);
    const empty = await call(t, admin, 'POST', url, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'reason',
      'confirmReference',
    ]);
    const wrong = await call(t, admin, 'POST', url, {
      reason: 'Over',
      confirmReference: 'Some other review',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].path).toBe('confirmReference');
    expect(await tablesHoldingSecrets(data)).toContain('conversations');
  });

  it('refuses a review still in progress', async () => {
    const { review } = await givenReviewFullOfPersonalData(t, pid, { published: false });
    const res = await call(t, admin, 'POST', erasureUrl(pid, review.id), {
      reason: 'Asked by the family',
      confirmReference: review.title,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('in_progress');
    const status = await call(t, admin, 'GET', erasureUrl(pid, review.id));
    expect(status.json()).toMatchObject({ erased: false, abilities: { erase: false } });
    expect(status.json().refusal).toMatch(/still in progress/);
  });
});

describe('erasing a published review’s personal data', () => {
  it('removes or blanks every piece of personal data, keeps what was published, and leaves a tombstone', async () => {
    const data = await givenReviewFullOfPersonalData(t, pid);
    const { review } = data;
    expect((await tablesHoldingSecrets(data)).length).toBeGreaterThan(20);
    const before = await call(t, admin, 'GET', erasureUrl(pid, review.id));
    expect(before.json()).toMatchObject({
      erased: false,
      reference: review.title,
      retentionStartsOn: '2019-01-15',
      dueOn: '2025-01-15',
      refusal: null,
      abilities: { erase: true },
    });

    const res = await call(t, admin, 'POST', erasureUrl(pid, review.id), {
      reason: 'The retention period is over',
      confirmReference: ` ${review.title.toLowerCase()} `,
    });
    expect(res.statusCode).toBe(201);
    const counts = Object.fromEntries(
      res.json().counts.map((c: { kind: string; count: number }) => [c.kind, c.count]),
    );
    expect(counts).toMatchObject({
      conversations: 1,
      conversationVersions: 1,
      documents: 1,
      chronologyEvents: 1,
      chronologyPerspectives: 1,
      chronologySources: 2,
      chronologyImports: 1,
      participants: 2,
      pseudonymEntries: 1,
      meetingAttendees: 1,
      episodeEvidence: 1,
      episodeComments: 1,
      reportVersions: 1,
      reportComments: 1,
      supervisionThreads: 1,
      supervisionReplies: 1,
    });
    expect(res.json().erasedBy.id).toBe(admin.userId);

    // Nothing personal is left in any table that carries the review.
    expect(await tablesHoldingSecrets(data)).toEqual([]);
    const db = t.database.db;
    expect(await db.select().from(conversations).where(eq(conversations.reviewId, review.id))).toEqual([]);
    expect(await db.select().from(documents).where(eq(documents.reviewId, review.id))).toEqual([]);
    expect(
      await db.select().from(meetingAttendees).where(eq(meetingAttendees.participantId, data.participant.id)),
    ).toEqual([]);
    const people = await db.select().from(participants).where(eq(participants.reviewId, review.id));
    expect(people.map((p) => [p.name, p.userId, p.jobTitle, p.active])).toEqual([
      ['Erased', null, null, false],
      ['Erased', null, null, false],
    ]);
    expect(JSON.stringify(people)).not.toContain('Pat Practitioner');
    const [entry] = await db.select().from(pseudonymEntries).where(eq(pseudonymEntries.reviewId, review.id));
    expect(entry).toMatchObject({ realValue: '', variants: [], replacement: 'Child Q' });
    const [action] = await db.select().from(actions).where(eq(actions.reviewId, review.id));
    expect(action?.ownerName).toBeNull();

    // What was published stays: the publication, the publishable version, the library entry.
    expect(await db.select().from(publications).where(eq(publications.reviewId, review.id))).toHaveLength(1);
    const versions = await db.select().from(reportVersions).where(eq(reportVersions.reviewId, review.id));
    expect(versions.map((v) => [v.number, v.publishable])).toEqual([[2, true]]);
    expect(await db.select().from(libraryEntries).where(eq(libraryEntries.reviewId, review.id))).toHaveLength(
      1,
    );
    const [event] = await db.select().from(chronologyEvents).where(eq(chronologyEvents.id, data.event.id));
    expect(event).toMatchObject({ occurredOn: '2025-01-10', summary: '' });

    // The file goes after the commit.
    await vi.waitFor(() => expect(existsSync(filePath(data.document.sha256))).toBe(false));

    // The tombstone and the audit row, and the chain still verifies.
    const [tombstone] = await db.select().from(reviewErasures).where(eq(reviewErasures.reviewId, review.id));
    expect(tombstone).toMatchObject({ reason: 'The retention period is over', erasedBy: admin.userId });
    expect(tombstone?.counts.conversations).toBe(1);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'review.personal_data_erased'), eq(auditEvents.entityId, review.id)));
    expect(audit).toMatchObject({ partnershipId: pid, actorUserId: admin.userId, entityType: 'review' });
    expect((audit?.details.counts as Record<string, number> | undefined)?.documents).toBe(1);
    expect(JSON.stringify(audit?.details)).not.toContain(secretWords);
    expect((await verifyAuditLog(db)).ok).toBe(true);

    // The review shows it was erased and refuses further changes, including a second erasure.
    const after = await call(t, admin, 'GET', erasureUrl(pid, review.id));
    expect(after.json()).toMatchObject({
      erased: true,
      erasure: { reason: 'The retention period is over' },
      abilities: { erase: false },
    });
    const again = await call(t, admin, 'POST', erasureUrl(pid, review.id), {
      reason: 'Again',
      confirmReference: review.title,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('already_erased');
    const edit = await call(t, admin, 'PATCH', `/api/partnerships/${pid}/reviews/${review.id}`, {
      title: 'Changed',
      version: review.version + 1,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details.reason).toBe('review_erased');
    expect((await call(t, admin, 'GET', `/api/partnerships/${pid}/reviews/${review.id}`)).statusCode).toBe(
      200,
    );
  });

  it('erases a review closed without publication', async () => {
    const review = await givenReview(t, pid, { stage: 'closed' });
    await t.database.db.insert(reviewTransitions).values({
      partnershipId: pid,
      reviewId: review.id,
      fromStage: 'publication',
      toStage: 'closed',
      action: 'close',
      at: new Date('2018-06-01T12:00:00Z'),
    });
    const res = await call(t, admin, 'POST', erasureUrl(pid, review.id), {
      reason: 'Over',
      confirmReference: review.title,
    });
    expect(res.statusCode).toBe(201);
  });

  it('changes nothing when it fails half-way', async () => {
    const data = await givenReviewFullOfPersonalData(t, pid);
    const db = t.database.db;
    const heldBefore = await tablesHoldingSecrets(data);
    const chainBefore = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    // Updating the review's meetings fails, after conversations and documents were already deleted.
    await db.execute(
      sql.raw(`CREATE FUNCTION refuse_meeting_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'meeting update refused'; END $$`),
    );
    await db.execute(
      sql.raw(`CREATE TRIGGER refuse_meeting_update BEFORE UPDATE ON meetings FOR EACH ROW
        WHEN (OLD.review_id = '${data.review.id}') EXECUTE FUNCTION refuse_meeting_update()`),
    );
    try {
      const res = await call(t, admin, 'POST', erasureUrl(pid, data.review.id), {
        reason: 'Over',
        confirmReference: data.review.title,
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql.raw('DROP TRIGGER refuse_meeting_update ON meetings'));
      await db.execute(sql.raw('DROP FUNCTION refuse_meeting_update()'));
    }
    expect(await tablesHoldingSecrets(data)).toEqual(heldBefore);
    expect(
      await db.select().from(conversations).where(eq(conversations.id, data.conversation.id)),
    ).toHaveLength(1);
    expect(await db.select().from(documents).where(eq(documents.id, data.document.id))).toHaveLength(1);
    expect(
      await db
        .select()
        .from(participants)
        .where(inArray(participants.id, [data.participant.id])),
    ).toMatchObject([{ name: 'Pat Practitioner', userId: data.practitioner.id }]);
    expect(await db.select().from(reviewErasures).where(eq(reviewErasures.reviewId, data.review.id))).toEqual(
      [],
    );
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents)).toEqual(chainBefore);
    expect(existsSync(filePath(data.document.sha256))).toBe(true);
    expect((await verifyAuditLog(db)).ok).toBe(true);
  });
});

describe('bad input to an erasure', () => {
  it('is a 400 naming the field, never a 500, and erases nothing', async () => {
    const data = await givenReviewFullOfPersonalData(t, pid);
    const field = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({ reason: field, confirmReference: field }, { requiredKeys: [] }),
        async (body) => {
          const res = await call(t, admin, 'POST', erasureUrl(pid, data.review.id), body);
          expect(res.statusCode).toBe(400);
          expect(res.json().error.details.fields.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 30 },
    );
    expect(
      await db().select().from(reviewErasures).where(eq(reviewErasures.reviewId, data.review.id)),
    ).toEqual([]);
    expect(await tablesHoldingSecrets(data)).toContain('conversations');
  });
});
