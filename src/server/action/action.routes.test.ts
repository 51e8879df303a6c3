import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { actions, auditEvents } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenAction } from './testing.ts';

let t: TestApp;
let url: string;
let otherReviewUrl: string;
const as = {} as Record<ReviewRole | 'noRole' | 'outsider', Session>;
const ids = {} as Record<
  'finding' | 'elsewhereFinding' | 'agency' | 'otherAgency' | 'elsewhereAction',
  string
>;

const audited = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
const fieldsOf = (body: string) =>
  (JSON.parse(body).error.details.fields as { path: string }[]).map((f) => f.path);

const newAction = () => ({
  findingId: ids.finding,
  target: 'question',
  targetIndex: 1,
  description: 'A second opinion on every injury to a non-mobile baby, recorded in the child’s file',
  ownerAgencyId: ids.agency,
  ownerName: 'Named nurse for safeguarding',
  dueOn: '2020-06-30',
  successMeasure: 'A re-audit finds a second opinion in 9 of 10 records',
});

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  const review = await givenReview(t, pid, { stage: 'action_monitoring' });
  const another = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/actions`;
  otherReviewUrl = `/api/partnerships/${pid}/reviews/${another.id}/actions`;
  ids.finding = (
    await givenFinding(t, review, {
      boardQuestions: ['How does the board know babies’ injuries are checked?', 'Who audits it?'],
      recommendations: [{ text: 'Audit the pathway', addressee: 'Health' }],
    })
  ).id;
  const elsewhere = await givenFinding(t, another);
  ids.elsewhereFinding = elsewhere.id;
  ids.elsewhereAction = (await givenAction(t, another, elsewhere.id)).id;
  ids.agency = (await givenAgency(t, pid, 'Community health trust')).id;
  ids.otherAgency = (await givenAgency(t, other.id)).id;
  for (const role of ['chair', 'business_manager', 'board_member', 'case_group_member'] as const)
    as[role] = (await signedInWithRole(t, review, role)).session;
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('a review’s action plan', () => {
  it('is seen by the review team side and board members only', async () => {
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole]) expect((await call(t, who, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, as.case_group_member, 'GET', url)).statusCode).toBe(403);
    const res = await call(t, as.board_member, 'GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ actions: [], counts: { open: 0, overdue: 0 } });
  });

  it('lets board members read it but not add to it', async () => {
    for (const who of [as.board_member, as.case_group_member])
      expect((await call(t, who, 'POST', url, newAction())).statusCode).toBe(403);
    expect((await call(t, as.outsider, 'POST', url, newAction())).statusCode).toBe(404);
    expect((await call(t, null, 'POST', url, newAction())).statusCode).toBe(401);
  });

  it('refuses a finding of another review, an agency of another partnership and a missing description', async () => {
    const res = await call(t, as.chair, 'POST', url, {
      ...newAction(),
      findingId: ids.elsewhereFinding,
      ownerAgencyId: ids.otherAgency,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['findingId', 'ownerAgencyId']);
    const blank = await call(t, as.chair, 'POST', url, { ...newAction(), description: ' ' });
    expect(fieldsOf(blank.body)).toEqual(['description']);
  });

  it('refuses an issue for the board that the finding does not have', async () => {
    for (const targetIndex of [2, null]) {
      const res = await call(t, as.chair, 'POST', url, { ...newAction(), targetIndex });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['targetIndex']);
    }
    const res = await call(t, as.chair, 'POST', url, { ...newAction(), target: 'finding', targetIndex: 0 });
    expect(fieldsOf(res.body)).toEqual(['targetIndex']);
  });

  it('adds an open action, overdue when its due date has passed, and audits it without its wording', async () => {
    const res = await call(t, as.chair, 'POST', url, newAction());
    expect(res.statusCode).toBe(201);
    const action = res.json();
    expect(action).toMatchObject({
      status: 'open',
      statusLabel: 'Open',
      target: 'question',
      targetIndex: 1,
      targetText: 'Who audits it?',
      findingNumber: 1,
      ownerAgency: { id: ids.agency, name: 'Community health trust' },
      overdue: true,
      dueSoon: false,
      version: 1,
      abilities: { edit: true },
    });
    const [row] = await audited(action.id, 'action.created');
    expect(row?.details).toMatchObject({ findingNumber: 1, target: 'question', targetIndex: 1 });
    expect(JSON.stringify(row?.details)).not.toContain('second opinion');
    const list = (await call(t, as.board_member, 'GET', url)).json();
    expect(list.counts).toMatchObject({ open: 1, overdue: 1 });
    expect(list.actions[0].abilities.edit).toBe(false);
  });
});

describe('changing an action', () => {
  let action: { id: string; version: number };
  const put = (who: Session, body: object, id = action.id, base = url) =>
    call(t, who, 'PUT', `${base}/${id}`, body);

  beforeAll(async () => {
    action = (await call(t, as.business_manager, 'POST', url, newAction())).json();
  });

  it('is refused to board members, and for an action of another review', async () => {
    expect(
      (await put(as.board_member, { ...newAction(), status: 'in_progress', version: 1 })).statusCode,
    ).toBe(403);
    const res = await put(
      as.chair,
      { ...newAction(), status: 'in_progress', version: 1 },
      ids.elsewhereAction,
    );
    expect(res.statusCode).toBe(404);
    const there = await put(
      as.chair,
      { ...newAction(), status: 'in_progress', version: 1 },
      action.id,
      otherReviewUrl,
    );
    expect(there.statusCode).toBe(404);
  });

  it('needs the date done, and the evidence of impact once verified', async () => {
    const done = await put(as.chair, { ...newAction(), status: 'done', version: 1 });
    expect(done.statusCode).toBe(400);
    expect(fieldsOf(done.body)).toEqual(['completedOn']);
    const verified = await put(as.chair, {
      ...newAction(),
      status: 'impact_verified',
      completedOn: '2026-01-15',
      version: 1,
    });
    expect(verified.statusCode).toBe(400);
    expect(fieldsOf(verified.body)).toEqual(['impactEvidenceKind', 'impactEvidence']);
    const future = await put(as.chair, {
      ...newAction(),
      status: 'done',
      completedOn: '2099-01-01',
      version: 1,
    });
    expect(fieldsOf(future.body)).toEqual(['completedOn']);
  });

  it('completes an action with the evidence of impact, and audits the change of status', async () => {
    const res = await put(as.chair, {
      ...newAction(),
      status: 'impact_verified',
      completedOn: '2026-01-15',
      impactEvidenceKind: 'audit',
      impactEvidence: 'A re-audit of 40 records in March found a second opinion in 38',
      progressNote: 'Training given to all health visitors',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'impact_verified',
      statusLabel: 'Impact verified',
      completedOn: '2026-01-15',
      impactEvidenceKind: 'audit',
      overdue: false,
      version: 2,
    });
    const [row] = await audited(action.id, 'action.updated');
    expect(row?.details).toMatchObject({ from: 'open', to: 'impact_verified', findingNumber: 1 });
    expect([...((row?.details as { fields?: string[] } | undefined)?.fields ?? [])].sort()).toEqual(
      ['completedOn', 'impactEvidence', 'impactEvidenceKind', 'progressNote', 'status'].sort(),
    );
    expect(JSON.stringify(row?.details)).not.toContain('re-audit');
  });

  it('refuses a change based on an old version, with the action as it is now', async () => {
    const res = await put(as.chair, { ...newAction(), status: 'in_progress', version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current).toMatchObject({
      id: action.id,
      version: 2,
      status: 'impact_verified',
    });
    const [row] = await t.database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(row?.status).toBe('impact_verified');
  });

  it('clears the date done when an action is reopened', async () => {
    const res = await put(as.chair, {
      ...newAction(),
      status: 'in_progress',
      completedOn: '2026-01-15',
      version: 2,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', completedOn: null, version: 3 });
  });

  it('keeps evidence of impact only while the impact is verified', async () => {
    const res = await put(as.chair, {
      ...newAction(),
      status: 'done',
      completedOn: '2026-01-15',
      impactEvidenceKind: 'feedback',
      impactEvidence: 'Health visitors said the pathway is clearer',
      version: 3,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', impactEvidenceKind: null, version: 4 });
    const [row] = await t.database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(row).toMatchObject({ impactEvidenceKind: null, impactEvidence: null });
  });
});
