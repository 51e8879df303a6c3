import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarClosureInput,
  createNotificationInput,
  rapidReviewDecisions,
  updateRapidReviewInput,
} from './intake.ts';
import { notificationProblems, rapidReviewProblems } from './rules.ts';

const valid = {
  childPseudonym: 'Child A',
  incidentDate: '2026-04-01',
  awareDate: '2026-04-02',
  outcome: 'death',
  abuseOrNeglect: 'known',
  lookedAfter: false,
};

describe('createNotificationInput', () => {
  it('accepts a notification, removing repeated recipients', () => {
    const parsed = createNotificationInput.parse({ ...valid, recipients: ['ofsted', 'ofsted', 'dfe'] });
    expect(parsed.recipients).toEqual(['ofsted', 'dfe']);
    expect(createNotificationInput.parse(valid).recipients).toEqual([]);
  });

  it('names each problem in plain English', () => {
    const result = createNotificationInput.safeParse({
      childPseudonym: '',
      awareDate: '2026-02-29',
      recipients: ['press'],
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toMatchObject({
      childPseudonym: 'Enter a pseudonym for the child, like Child A',
      incidentDate: 'Enter the date of the incident',
      awareDate: 'Date the local authority became aware must be a real date',
      'recipients.0': 'Select who the notification was sent to from the list',
    });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => createNotificationInput.safeParse(input)).not.toThrow();
      }),
    );
  });
});

describe('updateRapidReviewInput', () => {
  it('knows the four decisions with their labels', () => {
    expect(rapidReviewDecisions).toEqual({
      lcspr: 'Local child safeguarding practice review',
      no_further_review: 'No further review',
      national_review: 'Refer for a national review',
      other_learning: 'Other learning activity',
    });
    expect(updateRapidReviewInput.safeParse({ decision: 'national_review', version: 1 }).success).toBe(true);
    expect(updateRapidReviewInput.safeParse({ decision: 'scr', version: 1 }).success).toBe(false);
  });
});

describe('addCalendarClosureInput', () => {
  it('needs a real date and a name', () => {
    expect(addCalendarClosureInput.safeParse({ date: '2026-12-29', name: 'Substitute day' }).success).toBe(
      true,
    );
    expect(addCalendarClosureInput.safeParse({ date: '29/12/2026', name: '' }).error?.issues).toHaveLength(2);
  });
});

describe('notificationProblems', () => {
  const today = '2026-04-20';
  const ok = { incidentDate: '2026-04-01', awareDate: '2026-04-02', submittedDate: null, recipients: [] };

  it('accepts dates in order, up to today', () => {
    expect(notificationProblems(ok, today)).toEqual([]);
    expect(notificationProblems({ ...ok, submittedDate: today, recipients: ['ofsted'] }, today)).toEqual([]);
  });

  it('refuses awareness before the incident, sending before awareness, the future, and no recipients', () => {
    expect(notificationProblems({ ...ok, awareDate: '2026-03-31' }, today).map((p) => p.path)).toEqual([
      'awareDate',
    ]);
    expect(
      notificationProblems({ ...ok, submittedDate: '2026-04-01', recipients: ['dfe'] }, today).map(
        (p) => p.path,
      ),
    ).toEqual(['submittedDate']);
    expect(
      notificationProblems({ ...ok, incidentDate: '2026-04-21', awareDate: '2026-04-21' }, today),
    ).toEqual([
      { path: 'incidentDate', message: 'Date of the incident must be today or in the past' },
      { path: 'awareDate', message: 'Date the local authority became aware must be today or in the past' },
    ]);
    expect(notificationProblems({ ...ok, submittedDate: '2026-04-03' }, today)).toEqual([
      { path: 'recipients', message: 'Select who the notification was sent to' },
    ]);
  });
});

describe('rapidReviewProblems', () => {
  const today = '2026-05-20';
  const base = {
    awareDate: '2026-04-02',
    startedDate: '2026-04-03',
    decision: null,
    decisionRationale: null,
    decisionDate: null,
    sentToPanelDate: null,
    panelResponseDate: null,
    panelAgrees: null,
    panelResponse: null,
  };

  it('needs the reasons and date of a decision', () => {
    expect(rapidReviewProblems({ ...base, decision: 'lcspr', decisionRationale: '  ' }, today)).toEqual([
      { path: 'decisionRationale', message: 'Enter the reasons for the decision' },
      { path: 'decisionDate', message: 'Enter the date of the decision' },
    ]);
    expect(
      rapidReviewProblems(
        { ...base, decision: 'lcspr', decisionRationale: 'Reg 11', decisionDate: '2026-04-20' },
        today,
      ),
    ).toEqual([]);
  });

  it('keeps the panel’s reply after the date it was sent', () => {
    expect(rapidReviewProblems({ ...base, panelAgrees: true }, today).map((p) => p.path)).toEqual([
      'sentToPanelDate',
      'panelResponseDate',
    ]);
    expect(
      rapidReviewProblems({ ...base, sentToPanelDate: '2026-04-24', panelResponseDate: '2026-04-23' }, today),
    ).toEqual([
      {
        path: 'panelResponseDate',
        message: 'Date of the panel’s reply must be the same as or after the date it was sent',
      },
    ]);
  });

  it('refuses dates in the future or before the local authority became aware', () => {
    expect(rapidReviewProblems({ ...base, startedDate: '2026-04-01' }, today).map((p) => p.path)).toEqual([
      'startedDate',
    ]);
    expect(
      rapidReviewProblems(
        { ...base, decision: 'lcspr', decisionRationale: 'x', decisionDate: '2026-06-01' },
        today,
      ),
    ).toEqual([{ path: 'decisionDate', message: 'Date of the decision must be today or in the past' }]);
  });
});
