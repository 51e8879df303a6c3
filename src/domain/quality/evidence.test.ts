import { describe, expect, it } from 'vitest';
import { qualityMarkers } from './markers.ts';
import { autoEvidenceFor, type QualityFacts } from './rules.ts';

/** A review well under way in which nothing has gone wrong yet. */
const facts: QualityFacts = {
  partnershipId: 'p1',
  reviewId: 'r1',
  today: '2026-06-01',
  notification: { id: 'n1', awareDate: '2026-02-24', dueDate: '2026-03-03', submittedDate: '2026-03-02' },
  rapidReview: { notificationId: 'n1', dueDate: '2026-03-23', sentToPanelDate: '2026-03-20' },
  termsOfReference: {
    decisionDate: '2026-03-25',
    decisionRationaleRecorded: true,
    purposeRecorded: true,
    proportionalityRecorded: true,
    qualityAssurer: 'Independent scrutineer',
    signOffChain: ['Lead reviewers', 'Safeguarding partners'],
  },
  familyLetterDates: ['2026-04-07'],
  targetPublicationDate: '2026-11-30',
  publicationTarget: { date: '2026-11-30', overdue: false, daysLeft: 182 },
  draftRequests: [],
  parallelProcesses: { total: 0, withContact: 0 },
  narrative: { events: 24, documents: 6, agenciesInScope: 3, agenciesContributing: 3 },
  caseGroup: { members: 4, conversationsHeld: 4, conversationsConfirmed: 2 },
  family: { members: 1, conversationsHeld: 1, conversationsConfirmed: 0, participationSectionWritten: false },
  analysis: { episodes: 5, withHindsight: 5, methodologyWritten: false, unresolvedLanguageFlags: 0 },
  report: { versions: 0, latest: null },
  publication: null,
};
const withFacts = (overrides: Partial<QualityFacts>): QualityFacts => ({ ...facts, ...overrides });
const item = (n: number, key: string, f: QualityFacts = facts) =>
  autoEvidenceFor(n, f).find((e) => e.key === key);
const review = '/partnerships/p1/reviews/r1';

describe('automatic evidence', () => {
  it('offers nothing for markers Sightlines holds nothing about', () => {
    for (const n of [3, 15, 16, 18]) expect(autoEvidenceFor(n, facts)).toEqual([]);
  });

  it('links every item to a page of the web app, or to nothing', () => {
    for (const m of qualityMarkers)
      for (const e of autoEvidenceFor(m.number, facts))
        expect(e.href ?? '/partnerships/').toMatch(/^\/partnerships\//);
  });

  it('QM1: the notification against its deadline of 5 working days', () => {
    expect(item(1, 'notification')).toEqual({
      key: 'notification',
      label: 'Serious incident notification',
      detail:
        'Sent on 2 March 2026, within 5 working days of the local authority becoming aware on 24 February 2026 (due 3 March 2026)',
      supports: true,
      href: '/partnerships/p1/notifications/n1',
    });
    const late = withFacts({ notification: { ...facts.notification!, submittedDate: '2026-03-04' } });
    expect(item(1, 'notification', late)).toMatchObject({
      supports: false,
      detail: expect.stringMatching(/^Sent on 4 March 2026, after it was due on 3 March 2026/),
    });
    const unsent = withFacts({ notification: { ...facts.notification!, submittedDate: null } });
    expect(item(1, 'notification', unsent)).toMatchObject({
      supports: false,
      detail: 'Not sent yet: it was due on 3 March 2026',
    });
    expect(
      item(1, 'notification', withFacts({ today: '2026-03-01', notification: unsent.notification })),
    ).toMatchObject({ supports: null });
    expect(item(1, 'notification', withFacts({ notification: null }))).toMatchObject({
      supports: null,
      href: null,
    });
  });

  it('QM2: the decision in the terms of reference and the rapid review’s timeliness', () => {
    expect(item(2, 'decision')).toMatchObject({
      detail: 'Decided on 25 March 2026, with the reasoning recorded',
      supports: true,
      href: `${review}/terms`,
    });
    const noWhy = withFacts({
      termsOfReference: { ...facts.termsOfReference, decisionRationaleRecorded: false },
    });
    expect(item(2, 'decision', noWhy)).toMatchObject({
      supports: false,
      detail: 'Decided on 25 March 2026; the reasoning is not recorded',
    });
    expect(item(2, 'rapid_review')).toMatchObject({
      detail: 'Sent to the national panel on 20 March 2026, within 15 working days (due 23 March 2026)',
      supports: true,
      href: '/partnerships/p1/notifications/n1/rapid-review',
    });
    const late = withFacts({ rapidReview: { ...facts.rapidReview!, sentToPanelDate: '2026-03-24' } });
    expect(item(2, 'rapid_review', late)).toMatchObject({ supports: false });
  });

  it('QM4: the family letter’s date, or none', () => {
    expect(autoEvidenceFor(4, facts)).toEqual([
      {
        key: 'family_letter',
        label: 'Letter to the family',
        detail: 'Generated on 7 April 2026',
        supports: true,
        href: `${review}/letters`,
      },
    ]);
    expect(
      item(4, 'family_letter', withFacts({ familyLetterDates: ['2026-04-07', '2026-05-01'] }))?.detail,
    ).toBe('First generated on 7 April 2026; 2 times in all, most recently on 1 May 2026');
    expect(item(4, 'family_letter', withFacts({ familyLetterDates: [] }))).toMatchObject({
      detail: 'None generated in Sightlines',
      supports: false,
    });
  });

  it('QM5, QM6 and QM7: what the terms of reference record', () => {
    expect(item(5, 'purpose')).toMatchObject({
      detail: 'Recorded in the terms of reference',
      supports: true,
    });
    const bare = withFacts({
      termsOfReference: {
        decisionDate: null,
        decisionRationaleRecorded: false,
        purposeRecorded: false,
        proportionalityRecorded: false,
        qualityAssurer: null,
        signOffChain: [],
      },
    });
    expect(item(6, 'proportionality', bare)).toMatchObject({
      detail: 'Not recorded in the terms of reference',
      supports: false,
    });
    expect(autoEvidenceFor(7, facts).map((e) => e.detail)).toEqual([
      'Named: Independent scrutineer',
      '2 steps: Lead reviewers, then Safeguarding partners',
    ]);
    expect(autoEvidenceFor(7, bare).map((e) => e.supports)).toEqual([false, false]);
  });

  it('QM8: the publication target and requests for a draft', () => {
    expect(item(8, 'publication_target')).toMatchObject({
      detail: '30 November 2026: 182 days from today',
      supports: null,
    });
    const overdue = withFacts({
      publicationTarget: { date: '2026-05-30', overdue: true, daysLeft: -2 },
      targetPublicationDate: '2026-05-30',
    });
    expect(item(8, 'publication_target', overdue)).toMatchObject({
      detail: 'Passed on 30 May 2026, 2 days ago, without publication',
      supports: false,
    });
    const published = withFacts({
      publicationTarget: null,
      publication: {
        decision: 'publish',
        panelNoticeSentOn: null,
        dfeNoticeSentOn: null,
        publishedOn: '2026-12-02',
      },
    });
    expect(item(8, 'publication_target', published)).toMatchObject({
      detail: 'Published on 2 December 2026, after the target of 30 November 2026',
      supports: false,
    });
    expect(item(8, 'draft_requests')).toBeUndefined();
    const drafts = withFacts({
      draftRequests: [
        { requestedOn: '2026-04-01', dueOn: '2026-04-15', receivedOn: '2026-04-14' },
        { requestedOn: '2026-05-01', dueOn: '2026-05-15', receivedOn: null },
      ],
    });
    expect(item(8, 'draft_requests', drafts)).toMatchObject({
      detail: '2 requests: 1 arrived on time, 1 overdue',
      supports: false,
    });
  });

  it('QM9 to QM11: parallel processes, information and the case group', () => {
    expect(item(9, 'parallel_processes')).toMatchObject({ detail: 'None recorded', supports: null });
    expect(
      item(9, 'parallel_processes', withFacts({ parallelProcesses: { total: 2, withContact: 1 } })),
    ).toMatchObject({
      detail: '2 processes recorded; 1 without a contact',
      supports: false,
    });
    expect(autoEvidenceFor(10, facts).map((e) => e.detail)).toEqual([
      '24 events in the narrative',
      '3 of the 3 agencies in scope have events in the narrative',
      '6 documents',
    ]);
    expect(item(11, 'case_group')).toMatchObject({
      detail: '4 members; 4 conversations held, 2 confirmed by the person',
      supports: true,
    });
  });

  it('QM12: family involvement, or the reason for none', () => {
    expect(item(12, 'family')).toMatchObject({
      detail: '1 family member taking part; 1 conversation held, 0 confirmed by the person',
      supports: true,
    });
    const none = {
      members: 0,
      conversationsHeld: 0,
      conversationsConfirmed: 0,
      participationSectionWritten: false,
    };
    expect(item(12, 'family', withFacts({ family: none }))).toMatchObject({
      detail: 'No family member is taking part. No reason recorded',
      supports: false,
    });
    expect(
      item(12, 'family', withFacts({ family: { ...none, participationSectionWritten: true } })),
    ).toMatchObject({ supports: null, href: `${review}/report` });
  });

  it('QM13: hindsight, the methodology and unresolved language flags', () => {
    expect(autoEvidenceFor(13, facts).map((e) => [e.key, e.detail, e.supports])).toEqual([
      [
        'hindsight',
        '5 of 5 episodes record what is known now that was not known then (hindsight kept apart)',
        true,
      ],
      ['methodology', 'The standard text: not yet written for this review', null],
      ['language_flags', 'No flagged wording left unresolved', true],
    ]);
    const analysis = { episodes: 2, withHindsight: 1, methodologyWritten: true, unresolvedLanguageFlags: 3 };
    expect(autoEvidenceFor(13, withFacts({ analysis })).map((e) => e.supports)).toEqual([false, true, false]);
    expect(item(13, 'language_flags', withFacts({ analysis }))?.detail).toBe(
      '3 flagged phrases neither reworded nor kept with a reason',
    );
  });

  it('QM14: report versions, the identifier scan and whether publishable', () => {
    expect(autoEvidenceFor(14, facts)).toEqual([
      {
        key: 'report_versions',
        label: 'Report versions',
        detail: 'None generated yet',
        supports: null,
        href: `${review}/report`,
      },
    ]);
    const report = {
      versions: 3,
      latest: { number: 3, scannedOn: '2026-05-20', hits: 4, unacknowledged: 1, publishable: false },
    };
    expect(autoEvidenceFor(14, withFacts({ report })).map((e) => [e.detail, e.supports, e.href])).toEqual([
      ['3 versions; the latest is version 3', null, `${review}/report`],
      [
        'Scanned on 20 May 2026: 4 possible identifiers, 1 not yet acknowledged',
        false,
        `${review}/report/versions/3`,
      ],
      ['Version 3 is not marked publishable', false, `${review}/report/versions/3`],
    ]);
  });

  it('QM17: the publication decision and notices', () => {
    expect(autoEvidenceFor(17, facts).map((e) => [e.detail, e.supports])).toEqual([
      ['Not decided yet', null],
      ['No notice recorded', null],
    ]);
    const publication = {
      decision: 'publish' as const,
      panelNoticeSentOn: '2026-11-20',
      dfeNoticeSentOn: '2026-11-21',
      publishedOn: '2026-11-28',
    };
    expect(autoEvidenceFor(17, withFacts({ publication })).map((e) => [e.detail, e.supports])).toEqual([
      ['Publish the report', true],
      [
        'Sent to the national panel on 20 November 2026 and the Department for Education on 21 November 2026',
        true,
      ],
      ['On 28 November 2026', true],
    ]);
  });
});
