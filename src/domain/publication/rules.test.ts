import { describe, expect, it } from 'vitest';
import { addCalendarMonths } from '../calendar/working-days.ts';
import { recordPublicationInput } from './publication.ts';
import {
  earliestRemovalDate,
  emptyPublicationRecord,
  formatLongDate,
  normalisePublication,
  type PublicationRecord,
  publicationChecks,
  publicationDateOf,
  publicationProblems,
  urlProblem,
} from './rules.ts';

const today = '2027-06-01';

/** A complete record of a report published in full. */
const published: PublicationRecord = {
  decision: 'publish',
  decisionReason: null,
  form: 'full',
  formReason: null,
  panelNoticeSentOn: '2027-02-19',
  dfeNoticeSentOn: '2027-02-19',
  plannedPublicationDate: '2027-03-02',
  publishedOn: '2027-03-02',
  url: 'https://www.northshirescp.org.uk/reviews/child-a',
  removalDate: '2028-03-02',
  repositorySentOn: '2027-03-05',
  notes: null,
};
const record = (overrides: Partial<PublicationRecord>): PublicationRecord => ({ ...published, ...overrides });
const paths = (r: PublicationRecord, on = today) => publicationProblems(r, on).map((p) => p.path);
const messageFor = (r: PublicationRecord, path: string, on = today) =>
  publicationProblems(r, on).find((p) => p.path === path)?.message;

describe('the earliest date a published report may come down', () => {
  it('is 12 calendar months after the date it was published', () => {
    expect(earliestRemovalDate({ publishedOn: '2027-03-02', plannedPublicationDate: null })).toBe(
      '2028-03-02',
    );
    expect(earliestRemovalDate({ publishedOn: '2026-12-31', plannedPublicationDate: null })).toBe(
      '2027-12-31',
    );
    expect(earliestRemovalDate({ publishedOn: '2026-01-01', plannedPublicationDate: null })).toBe(
      '2027-01-01',
    );
  });

  it('counts from a report published on 29 February to 28 February the next year', () => {
    expect(earliestRemovalDate({ publishedOn: '2024-02-29', plannedPublicationDate: null })).toBe(
      '2025-02-28',
    );
    expect(earliestRemovalDate({ publishedOn: '2028-02-29', plannedPublicationDate: null })).toBe(
      '2029-02-28',
    );
  });

  it('lands on 29 February when the year after is a leap year', () => {
    expect(earliestRemovalDate({ publishedOn: '2027-02-28', plannedPublicationDate: null })).toBe(
      '2028-02-28',
    );
    expect(earliestRemovalDate({ publishedOn: '2027-03-01', plannedPublicationDate: null })).toBe(
      '2028-03-01',
    );
    expect(earliestRemovalDate({ publishedOn: '2023-02-28', plannedPublicationDate: null })).toBe(
      '2024-02-28',
    );
  });

  it('agrees with the calendar’s month arithmetic on every day of a leap year and the year after', () => {
    for (let day = 0; day < 731; day += 1) {
      const d = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      expect(earliestRemovalDate({ publishedOn: d, plannedPublicationDate: null })).toBe(
        addCalendarMonths(d, 12),
      );
    }
  });

  it('counts from the planned date until the report is published, and is none without either', () => {
    expect(earliestRemovalDate({ publishedOn: null, plannedPublicationDate: '2027-04-15' })).toBe(
      '2028-04-15',
    );
    expect(earliestRemovalDate({ publishedOn: '2027-05-01', plannedPublicationDate: '2027-04-15' })).toBe(
      '2028-05-01',
    );
    expect(earliestRemovalDate({ publishedOn: null, plannedPublicationDate: null })).toBeNull();
    expect(publicationDateOf({ publishedOn: null, plannedPublicationDate: '2027-04-15' })).toBe('2027-04-15');
  });
});

describe('the rules of a publication record', () => {
  it('accepts a complete record of a report published in full, and an empty record', () => {
    expect(publicationProblems(published, today)).toEqual([]);
    expect(publicationProblems(emptyPublicationRecord, today)).toEqual([]);
  });

  it('needs the reason when the report is not published', () => {
    const notPublished = {
      ...emptyPublicationRecord,
      decision: 'not_publish' as const,
      panelNoticeSentOn: '2027-02-19',
    };
    expect(publicationProblems(notPublished, today)).toEqual([
      { path: 'decisionReason', message: 'Enter why the report will not be published' },
    ]);
    expect(
      publicationProblems({ ...notPublished, decisionReason: 'To protect the surviving sibling' }, today),
    ).toEqual([]);
  });

  it('needs the reason when the report is published redacted or delayed, but not in full', () => {
    expect(publicationProblems(record({ form: 'redacted' }), today)).toEqual([
      { path: 'formReason', message: 'Enter why the report is published with parts taken out' },
    ]);
    expect(publicationProblems(record({ form: 'delayed' }), today)).toEqual([
      { path: 'formReason', message: 'Enter why publication is delayed' },
    ]);
    expect(paths(record({ form: 'delayed', formReason: 'Until the criminal trial ends' }))).toEqual([]);
    expect(paths(record({ form: 'full', formReason: null }))).toEqual([]);
  });

  it('records how, when and where it was published only when the decision is to publish', () => {
    for (const decision of ['undecided', 'not_publish'] as const) {
      const r = record({ decision, decisionReason: 'To protect the child' });
      expect(paths(r)).toEqual(
        expect.arrayContaining(['form', 'publishedOn', 'url', 'removalDate', 'repositorySentOn']),
      );
      expect(messageFor(r, 'url')).toBe(
        'The address of the published report can only be recorded when the decision is to publish the report. Choose “Publish the report” or remove it',
      );
    }
  });

  it('keeps a planned date while undecided, but not for a report that will not be published', () => {
    const planned = { ...emptyPublicationRecord, plannedPublicationDate: '2027-09-01' };
    expect(paths(planned)).toEqual([]);
    expect(
      publicationProblems(
        { ...planned, decision: 'not_publish', decisionReason: 'To protect the child' },
        today,
      ),
    ).toEqual([
      {
        path: 'plannedPublicationDate',
        message: 'The report will not be published, so remove the planned publication date',
      },
    ]);
  });

  it('refuses dates of things done that are after today', () => {
    const r = record({
      panelNoticeSentOn: '2027-06-02',
      dfeNoticeSentOn: '2027-06-02',
      plannedPublicationDate: '2027-07-01',
      publishedOn: '2027-06-02',
      removalDate: '2028-06-02',
      repositorySentOn: '2027-06-02',
    });
    expect(publicationProblems(r, today)).toEqual([
      {
        path: 'panelNoticeSentOn',
        message: 'The date notice was sent to the national panel must be today or in the past',
      },
      {
        path: 'dfeNoticeSentOn',
        message: 'The date notice was sent to the Department for Education must be today or in the past',
      },
      { path: 'publishedOn', message: 'The date it was published must be today or in the past' },
      {
        path: 'repositorySentOn',
        message: 'The date it was sent to the NSPCC repository must be today or in the past',
      },
    ]);
    expect(paths(r, '2027-06-02')).toEqual([]);
  });

  it('needs notice to the national panel and the Department for Education on or before the publication date', () => {
    const late = record({ panelNoticeSentOn: '2027-03-03', dfeNoticeSentOn: '2027-03-04' });
    expect(publicationProblems(late, today)).toEqual([
      {
        path: 'panelNoticeSentOn',
        message:
          'Notice must be sent to the national panel before publication: the date it was sent must be on or before the date it was published, 2 March 2027',
      },
      {
        path: 'dfeNoticeSentOn',
        message:
          'Notice must be sent to the Department for Education before publication: the date it was sent must be on or before the date it was published, 2 March 2027',
      },
    ]);
    expect(paths(record({ panelNoticeSentOn: '2027-03-02', dfeNoticeSentOn: '2027-03-02' }))).toEqual([]);
  });

  it('compares the notice with the planned date until the report is published', () => {
    const planned = record({
      publishedOn: null,
      url: null,
      removalDate: null,
      repositorySentOn: null,
      plannedPublicationDate: '2027-05-10',
      panelNoticeSentOn: '2027-05-11',
    });
    expect(messageFor(planned, 'panelNoticeSentOn')).toBe(
      'Notice must be sent to the national panel before publication: the date it was sent must be on or before the planned publication date, 10 May 2027',
    );
    const noDate = { ...planned, plannedPublicationDate: null };
    expect(paths(noDate)).toEqual([]);
  });

  it('accepts only a full https address with a domain name', () => {
    expect(urlProblem('https://www.northshirescp.org.uk/reviews/child-a')).toBeNull();
    expect(urlProblem('https://northshire.gov.uk/learning/Child%20A.pdf?v=2#page=3')).toBeNull();
    expect(urlProblem('http://www.northshirescp.org.uk/child-a')).toBe(
      'The address must start with https://, like https://www.northshirescp.org.uk/reviews/child-a',
    );
    expect(urlProblem('www.northshirescp.org.uk/child-a')).toMatch(
      /^Enter the address in the correct format/,
    );
    expect(urlProblem('ftp://files.northshire.gov.uk/child-a')).toMatch(
      /^Enter a web address that starts with https:\/\//,
    );
    expect(urlProblem('javascript:alert(1)')).toMatch(/^Enter a web address that starts with https:\/\//);
    expect(urlProblem('https://localhost/child-a')).toMatch(/with a domain name/);
    expect(urlProblem('https://10.0.0.1/child-a')).toMatch(/with a domain name/);
    expect(urlProblem('https://admin:secret@northshire.gov.uk/child-a')).toBe(
      'The address must not include a user name or password',
    );
    expect(urlProblem('https://northshire.gov.uk/child a')).toMatch(/without spaces/);
    expect(messageFor(record({ url: 'http://northshire.gov.uk/a' }), 'url')).toMatch(/must start with https/);
  });

  it('keeps a published report online for at least 12 months, naming the earliest date allowed', () => {
    expect(publicationProblems(record({ removalDate: '2028-03-01' }), today)).toEqual([
      {
        path: 'removalDate',
        message:
          'The report must stay online for at least 12 months: the date it comes down must be 2 March 2028 or later',
      },
    ]);
    expect(paths(record({ removalDate: '2028-03-02' }))).toEqual([]);
    expect(paths(record({ removalDate: '2030-01-01' }))).toEqual([]);
  });

  it('allows a report published on 29 February to come down on 28 February a year later, not before', () => {
    const leap = record({
      panelNoticeSentOn: '2024-02-20',
      dfeNoticeSentOn: '2024-02-20',
      plannedPublicationDate: '2024-02-29',
      publishedOn: '2024-02-29',
      repositorySentOn: '2024-03-01',
    });
    expect(paths({ ...leap, removalDate: '2025-02-28' })).toEqual([]);
    expect(messageFor({ ...leap, removalDate: '2025-02-27' }, 'removalDate')).toMatch(
      /must be 28 February 2025 or later$/,
    );
  });

  it('counts the 12 months from the planned date until the report is published, and needs one of them', () => {
    const planned = record({
      publishedOn: null,
      repositorySentOn: null,
      plannedPublicationDate: '2027-05-10',
    });
    expect(messageFor({ ...planned, removalDate: '2028-05-09' }, 'removalDate')).toMatch(
      /10 May 2028 or later$/,
    );
    expect(paths({ ...planned, removalDate: '2028-05-10' })).toEqual([]);
    expect(
      messageFor({ ...planned, plannedPublicationDate: null, removalDate: '2028-05-10' }, 'removalDate'),
    ).toBe('Enter the publication date first: the report stays online for at least 12 months after it');
  });

  it('sends the report to the NSPCC repository on or after the day it was published', () => {
    expect(publicationProblems(record({ repositorySentOn: '2027-03-01' }), today)).toEqual([
      {
        path: 'repositorySentOn',
        message:
          'The date it was sent to the NSPCC repository must be on or after the date it was published, 2 March 2027',
      },
    ]);
    expect(paths(record({ repositorySentOn: '2027-03-02' }))).toEqual([]);
    expect(messageFor(record({ publishedOn: null }), 'repositorySentOn')).toBe(
      'Enter the date it was published first: the repository collects published reports',
    );
  });

  it('names each field once, with its first problem', () => {
    const r = record({ decision: 'undecided', publishedOn: '2027-06-02', url: 'http://x' });
    const all = publicationProblems(r, today).map((p) => p.path);
    expect(all).toEqual([...new Set(all)]);
    expect(messageFor(r, 'publishedOn')).toMatch(/only be recorded when the decision is to publish/);
  });

  it('lists the problems in the order the form asks', () => {
    // Found in another order: the future date first, then the late notice, then the address.
    const r = record({ url: 'http://x.org', dfeNoticeSentOn: '2027-06-02', panelNoticeSentOn: '2027-03-03' });
    expect(paths(r)).toEqual(['panelNoticeSentOn', 'dfeNoticeSentOn', 'url']);
  });
});

describe('what a complete publication record still needs', () => {
  it('asks for the decision and the notices before anything is recorded', () => {
    expect(publicationChecks(emptyPublicationRecord)).toEqual([
      'Record whether the report will be published',
      'Record when notice was sent to the Child Safeguarding Practice Review Panel',
      'Record when notice was sent to the Department for Education',
    ]);
  });

  it('needs, for a report not published, its reason and the notices', () => {
    const notPublished = { ...emptyPublicationRecord, decision: 'not_publish' as const };
    expect(publicationChecks(notPublished)).toEqual([
      'Give the reason the report will not be published',
      'Record when notice was sent to the Child Safeguarding Practice Review Panel',
      'Record when notice was sent to the Department for Education',
    ]);
    expect(
      publicationChecks({
        ...notPublished,
        decisionReason: 'To protect the surviving sibling',
        panelNoticeSentOn: '2027-02-19',
        dfeNoticeSentOn: '2027-02-20',
      }),
    ).toEqual([]);
  });

  it('needs, for a published report, how, the notices, when, where, when it comes down and the repository', () => {
    expect(publicationChecks({ ...emptyPublicationRecord, decision: 'publish' })).toEqual([
      'Choose whether it is published in full, redacted or delayed',
      'Record when notice was sent to the Child Safeguarding Practice Review Panel',
      'Record when notice was sent to the Department for Education',
      'Record the date it was published',
      'Give the address where it is published',
      'Choose the date it comes down: at least 12 months after it is published',
      'Record when it was sent to the NSPCC national case review repository',
    ]);
  });

  it('names the earliest date it may come down once there is a publication date', () => {
    expect(publicationChecks(record({ removalDate: null }))).toEqual([
      'Choose the date it comes down: 2 March 2028 or later',
    ]);
    expect(
      publicationChecks(
        record({
          publishedOn: null,
          plannedPublicationDate: '2024-02-29',
          removalDate: null,
          repositorySentOn: null,
        }),
      ),
    ).toEqual([
      'Record the date it was published',
      'Choose the date it comes down: 28 February 2025 or later',
      'Record when it was sent to the NSPCC national case review repository',
    ]);
  });

  it('needs the reason a report is redacted or delayed', () => {
    expect(publicationChecks(record({ form: 'redacted' }))).toEqual(['Give the reason it is redacted']);
    expect(publicationChecks(record({ form: 'delayed' }))).toEqual(['Give the reason it is delayed']);
  });

  it('is empty for a complete record', () => {
    expect(publicationChecks(published)).toEqual([]);
    expect(publicationChecks(published, { signedOffVersion: false })).toEqual([
      'Sign off a version of the report through the whole sign-off chain',
    ]);
  });
});

describe('the record as sent', () => {
  it('clears fields left out or empty and trims text', () => {
    const input = recordPublicationInput.parse({
      version: 0,
      decision: 'not_publish',
      decisionReason: '  To protect the child  ',
      url: '   ',
      notes: '',
    });
    expect(normalisePublication(input)).toEqual({
      ...emptyPublicationRecord,
      decision: 'not_publish',
      decisionReason: 'To protect the child',
    });
  });

  it('refuses a decision that is not one of the three, and dates that are not real dates', () => {
    const result = recordPublicationInput.safeParse({
      version: 1,
      decision: 'maybe',
      publishedOn: '2027-02-30',
      form: 'partly',
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['decision', 'Choose whether the report will be published'],
        ['publishedOn', 'Enter the date it was published as a real date, like 2027-03-02'],
        ['form', 'Choose in full, redacted or delayed'],
      ]),
    );
  });

  it('writes dates in messages as people read them', () => {
    expect(formatLongDate('2027-03-02')).toBe('2 March 2027');
    expect(formatLongDate('2024-02-29')).toBe('29 February 2024');
  });
});
