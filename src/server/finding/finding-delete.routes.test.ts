import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenAction } from '../action/testing.ts';
import {
  call,
  createTestApp,
  givenPartnership,
  givenReview,
  signedInWithRole,
  type TestApp,
} from '../testing/harness.ts';
import { givenFinding } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('removing a finding that actions answer', () => {
  it('is refused with 409 until the actions are gone, and nothing is removed', async () => {
    const review = await givenReview(t, (await givenPartnership(t)).id);
    const lead = await signedInWithRole(t, review, 'lead_reviewer', { name: 'Lena Lead' });
    const finding = await givenFinding(t, review);
    await givenAction(t, review, finding.id);
    const url = `/api/partnerships/${review.partnershipId}/reviews/${review.id}/findings/${finding.id}`;
    const refused = await call(t, lead.session, 'DELETE', url);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('has an action in the action plan');
    expect((await call(t, lead.session, 'GET', url)).statusCode).toBe(200);
  });
});
