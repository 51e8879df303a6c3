import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, givenAgency, type TestApp } from '../testing/harness.ts';
import { givenIntakeWorld, givenNotification, givenRapidReview } from './intake.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof givenIntakeWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await givenIntakeWorld(t);
});
afterAll(() => t.close());

/** Values a form or a careless client might send: dates real and unreal, junk, nothing. */
const value = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom(
    '2026-04-02',
    '2026-02-30',
    '2099-01-01',
    '1900-01-01',
    '2026-4-2',
    'lcspr',
    'death',
    'known',
  ),
  fc.array(fc.constantFrom('ofsted', 'dfe', 'press', 1), { maxLength: 3 }),
  fc.uuid(),
);
const body = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });

/** Every answer is a success or a clear refusal, never a server error. */
const clear = (status: number) => expect([200, 201, 204, 400, 409]).toContain(status);

describe('intake writes never fail with a server error, whatever they are sent', () => {
  it('createNotification and updateNotification', async () => {
    const n = await givenNotification(t, w.pid);
    const keys = [
      'childPseudonym',
      'summary',
      'incidentDate',
      'awareDate',
      'submittedDate',
      'outcome',
      'abuseOrNeglect',
      'lookedAfter',
      'recipients',
      'reference',
      'version',
    ];
    await fc.assert(
      fc.asyncProperty(body(keys), async (b) => {
        clear((await call(t, w.manager, 'POST', `/api/partnerships/${w.pid}/notifications`, b)).statusCode);
        clear(
          (await call(t, w.manager, 'PATCH', `/api/partnerships/${w.pid}/notifications/${n.id}`, b))
            .statusCode,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('updateRapidReview, agency requests, meetings and calendar closures', async () => {
    const review = await givenRapidReview(t, await givenNotification(t, w.pid));
    const agency = await givenAgency(t, w.pid);
    const rr = `/api/partnerships/${w.pid}/rapid-reviews/${review.id}`;
    const keys = [
      'decision',
      'decisionRationale',
      'decisionDate',
      'sentToPanelDate',
      'panelResponseDate',
      'panelAgrees',
      'panelResponse',
      'version',
      'agencyId',
      'requestedDate',
      'title',
      'startsAt',
      'durationMinutes',
      'date',
      'name',
    ];
    await fc.assert(
      fc.asyncProperty(body(keys), fc.boolean(), async (b, realAgency) => {
        clear((await call(t, w.manager, 'PATCH', rr, b)).statusCode);
        clear(
          (
            await call(
              t,
              w.manager,
              'POST',
              `${rr}/agency-requests`,
              realAgency ? { ...b, agencyId: agency.id } : b,
            )
          ).statusCode,
        );
        clear((await call(t, w.manager, 'POST', `${rr}/meetings`, b)).statusCode);
        clear(
          (await call(t, w.manager, 'POST', `/api/partnerships/${w.pid}/calendar-closures`, b)).statusCode,
        );
      }),
      { numRuns: 40 },
    );
  });
});
