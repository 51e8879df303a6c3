import { describe, expect, it } from 'vitest';
import {
  actionCounts,
  actionProblems,
  compareForTracker,
  isDueSoon,
  isOverdue,
  targetText,
} from './rules.ts';

const today = '2027-05-10';
const finding = {
  statement: 'Injuries to non-mobile babies are not checked',
  boardQuestions: ['How does the board know?', 'Who checks?'],
  recommendations: [{ text: 'Audit the pathway' }],
};
const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe('overdue and due soon', () => {
  it('is overdue only when the due date has passed and the action is open or in progress', () => {
    expect(isOverdue({ dueOn: '2027-05-09', status: 'open' }, today)).toBe(true);
    expect(isOverdue({ dueOn: '2027-05-09', status: 'in_progress' }, today)).toBe(true);
    expect(isOverdue({ dueOn: '2027-05-10', status: 'open' }, today)).toBe(false);
    expect(isOverdue({ dueOn: '2027-05-09', status: 'done' }, today)).toBe(false);
    expect(isOverdue({ dueOn: '2027-05-09', status: 'impact_verified' }, today)).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'open' }, today)).toBe(false);
  });

  it('is due soon from today to 14 days ahead, while not done', () => {
    expect(isDueSoon({ dueOn: today, status: 'open' }, today)).toBe(true);
    expect(isDueSoon({ dueOn: '2027-05-24', status: 'in_progress' }, today)).toBe(true);
    expect(isDueSoon({ dueOn: '2027-05-25', status: 'open' }, today)).toBe(false);
    expect(isDueSoon({ dueOn: '2027-05-09', status: 'open' }, today)).toBe(false);
    expect(isDueSoon({ dueOn: '2027-05-12', status: 'done' }, today)).toBe(false);
    expect(isDueSoon({ dueOn: null, status: 'open' }, today)).toBe(false);
  });
});

describe('what an action answers', () => {
  it('needs no position for the finding as a whole, and refuses one', () => {
    expect(actionProblems({ target: 'finding' }, finding, today)).toEqual([]);
    expect(paths(actionProblems({ target: 'finding', targetIndex: 0 }, finding, today))).toEqual([
      'targetIndex',
    ]);
  });

  it('needs the position of one of the finding’s issues for the board or recommendations', () => {
    expect(actionProblems({ target: 'question', targetIndex: 1 }, finding, today)).toEqual([]);
    expect(actionProblems({ target: 'recommendation', targetIndex: 0 }, finding, today)).toEqual([]);
    for (const input of [
      { target: 'question', targetIndex: 2 },
      { target: 'question' },
      { target: 'recommendation', targetIndex: 1 },
      { target: 'recommendation', targetIndex: null },
    ] as const)
      expect(paths(actionProblems(input, finding, today))).toEqual(['targetIndex']);
    const none = { ...finding, recommendations: [] };
    expect(actionProblems({ target: 'recommendation', targetIndex: 0 }, none, today)[0]?.message).toMatch(
      /no recommendations/,
    );
  });

  it('gives the text of what it answers', () => {
    expect(targetText('finding', null, finding)).toBe(finding.statement);
    expect(targetText('question', 1, finding)).toBe('Who checks?');
    expect(targetText('recommendation', 0, finding)).toBe('Audit the pathway');
  });
});

describe('status rules', () => {
  it('needs the date it was done, not in the future, once done', () => {
    expect(paths(actionProblems({ target: 'finding', status: 'done' }, finding, today))).toEqual([
      'completedOn',
    ]);
    expect(
      paths(actionProblems({ target: 'finding', status: 'done', completedOn: '2027-05-11' }, finding, today)),
    ).toEqual(['completedOn']);
    expect(actionProblems({ target: 'finding', status: 'done', completedOn: today }, finding, today)).toEqual(
      [],
    );
  });

  it('does not check the date it was done while the action is still to do', () => {
    for (const status of ['open', 'in_progress'] as const)
      expect(
        actionProblems({ target: 'finding', status, completedOn: '2027-05-11' }, finding, today),
      ).toEqual([]);
    expect(
      paths(
        actionProblems(
          {
            target: 'finding',
            status: 'impact_verified',
            completedOn: '2027-05-11',
            impactEvidenceKind: 'audit',
            impactEvidence: 'A re-audit',
          },
          finding,
          today,
        ),
      ),
    ).toEqual(['completedOn']);
  });

  it('needs the date and the evidence of impact once the impact is verified', () => {
    expect(paths(actionProblems({ target: 'finding', status: 'impact_verified' }, finding, today))).toEqual([
      'completedOn',
      'impactEvidenceKind',
      'impactEvidence',
    ]);
    expect(
      actionProblems(
        {
          target: 'finding',
          status: 'impact_verified',
          completedOn: '2027-04-01',
          impactEvidenceKind: 'audit',
          impactEvidence: 'A re-audit of 40 records found a second opinion in 38',
        },
        finding,
        today,
      ),
    ).toEqual([]);
  });

  it('allows an open action with a due date in the past', () => {
    expect(actionProblems({ target: 'finding', status: 'open' }, finding, today)).toEqual([]);
  });
});

describe('counting and ordering', () => {
  it('counts by status and overdue', () => {
    expect(
      actionCounts([
        { status: 'open', overdue: true },
        { status: 'open', overdue: false },
        { status: 'impact_verified', overdue: false },
      ]),
    ).toEqual({ open: 2, in_progress: 0, done: 0, impact_verified: 1, overdue: 1 });
  });

  it('puts overdue actions first, then by due date with no date last', () => {
    const at = '2027-01-01T00:00:00.000Z';
    const list = [
      { id: 'none', overdue: false, dueOn: null, createdAt: at },
      { id: 'later', overdue: false, dueOn: '2027-08-01', createdAt: at },
      { id: 'soon', overdue: false, dueOn: '2027-05-20', createdAt: at },
      { id: 'late', overdue: true, dueOn: '2027-05-01', createdAt: at },
    ];
    expect(list.sort(compareForTracker).map((a) => a.id)).toEqual(['late', 'soon', 'later', 'none']);
  });
});
