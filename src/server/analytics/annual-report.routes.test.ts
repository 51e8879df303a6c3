import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/index.ts';
import { unzip } from '../meeting/testing.ts';
import { docxText } from '../report/render/extract.ts';
import { call, createTestApp, type TestApp } from '../testing/harness.ts';
import { givenAnalyticsScenario } from './testing.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof givenAnalyticsScenario>>;
let url: string;

const downloads = () =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnershipId, s.pid), eq(auditEvents.action, 'analytics.downloaded')));

beforeAll(async () => {
  t = await createTestApp();
  s = await givenAnalyticsScenario(t);
  url = `/api/partnerships/${s.pid}/analytics/annual-report`;
});
afterAll(() => t.close());

describe('the annual-report data pack', () => {
  it('is a Word document for this year by default, with a summary and a table for each figure', async () => {
    const { Y } = s;
    const res = await call(t, s.member, 'GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toBe(`attachment; filename="annual-report-data-${Y}.docx"`);
    const text = await docxText(res.rawPayload);
    expect(text).toContain(`Learning from reviews: data for the annual report ${Y}`);
    expect(text).toContain('Northshire Safeguarding Children Partnership');
    expect(text).toContain(`1 review was initiated in ${Y} and no reviews were published.`);
    expect(text).toContain(
      `7 findings are counted for ${Y}; the typology category with most was “Human–tool operation” (3).`,
    );
    expect(text).toContain(
      'The contributory factor found most often was “Conditions of work: Workload”: 3 times in 2 reviews.',
    );
    expect(text).toContain('The theme found most often was “Neglect” (3 findings).');
    expect(text).toContain(`1 action was due in ${Y}; 1 has been completed and 0 are overdue.`);
    expect(text).toContain('What the figures count');
    const body = unzip(res.rawPayload).get('word/document.xml')?.toString('utf8') ?? '';
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toMatch(/w:val="Heading1"\/>(?:(?!<\/w:p>).)*>Summary</);
    for (const cell of ['Information sharing', 'Housing', 'Not coded to a category', `${Y} Q1`])
      expect(body).toContain(`<w:t xml:space="preserve">${cell}</w:t>`);
  });

  it('covers the year asked for, counting reviews published that year however long they took', async () => {
    const { Y } = s;
    const res = await call(t, s.admin, 'GET', `${url}?year=${Y - 1}`);
    expect(res.statusCode).toBe(200);
    const text = await docxText(res.rawPayload);
    expect(text).toContain(`2 reviews were initiated in ${Y - 1} and 2 reviews were published.`);
    expect(text).toContain(
      'The reviews published took a median of 184 days from initiation to publication; 1 of 2 was published within six months.',
    );
    expect(text).toContain(`2 actions were due in ${Y - 1}; 1 has been completed and 1 is overdue.`);
    const core = unzip(res.rawPayload).get('docProps/core.xml')?.toString('utf8') ?? '';
    expect(core).toContain(`Learning from reviews: data for the annual report ${Y - 1}`);
    expect(unzip(res.rawPayload).get('word/styles.xml')?.toString('utf8')).toContain(
      '<w:lang w:val="en-GB"/>',
    );
  });

  it('is recorded in the audit log with the year', async () => {
    const { Y } = s;
    expect((await downloads()).map((a) => [a.actorUserId, a.entityId, a.details])).toEqual([
      [s.member.userId, s.pid, { chart: 'annual_report', year: Y }],
      [s.admin.userId, s.pid, { chart: 'annual_report', year: Y - 1 }],
    ]);
  });

  it('names a year that is not understood', async () => {
    for (const year of ['abc', '1800', '2026.5']) {
      const res = await call(t, s.admin, 'GET', `${url}?year=${year}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toEqual([{ path: 'year', message: expect.any(String) }]);
    }
  });
});
