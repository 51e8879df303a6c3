import { addDays, formatISO, parseISO } from 'date-fns';
import type { IsoDate } from '../calendar/working-days.ts';
import type { FieldError } from '../shared/app-error.ts';
import type { ActionStatus, ActionTarget, ImpactEvidenceKind } from './action.ts';

/** How many days ahead an action still to be done counts as due soon. */
export const dueSoonDays = 14;

/** Statuses of an action still to be done. */
const stillToDo: readonly ActionStatus[] = ['open', 'in_progress'];

type Timing = { dueOn: IsoDate | null; status: ActionStatus };

/** Whether an action is past its due date (before today in London) and still open or in progress. */
export function isOverdue(action: Timing, today: IsoDate): boolean {
  return action.dueOn !== null && action.dueOn < today && stillToDo.includes(action.status);
}

/** Whether an action still to be done falls due between today and 14 days from today. */
export function isDueSoon(action: Timing, today: IsoDate): boolean {
  if (action.dueOn === null || !stillToDo.includes(action.status)) return false;
  const horizon = formatISO(addDays(parseISO(today), dueSoonDays), { representation: 'date' });
  return action.dueOn >= today && action.dueOn <= horizon;
}

/** What an action answers in its finding: the issues for the board and the recommendations. */
export type TargetFinding = {
  statement: string;
  boardQuestions: readonly string[];
  recommendations: readonly { text: string }[];
};

/** The text of what an action answers: the finding's statement, or the issue or recommendation it names. */
export function targetText(target: ActionTarget, index: number | null, finding: TargetFinding): string {
  if (target === 'question') return finding.boardQuestions[index ?? -1] ?? '';
  if (target === 'recommendation') return finding.recommendations[index ?? -1]?.text ?? '';
  return finding.statement;
}

/** What the rules read of an action being added or changed. */
export type ActionFacts = {
  target: ActionTarget;
  targetIndex?: number | null | undefined;
  status?: ActionStatus | undefined;
  completedOn?: IsoDate | null | undefined;
  impactEvidenceKind?: ImpactEvidenceKind | null | undefined;
  impactEvidence?: string | null | undefined;
};

function targetProblems(input: ActionFacts, finding: TargetFinding): FieldError[] {
  const index = input.targetIndex ?? null;
  if (input.target === 'finding')
    return index === null
      ? []
      : [
          {
            path: 'targetIndex',
            message: 'Leave the position empty when the action answers the whole finding',
          },
        ];
  const [items, what] =
    input.target === 'question'
      ? [finding.boardQuestions.length, 'issue for the board']
      : [finding.recommendations.length, 'recommendation'];
  if (index === null) return [{ path: 'targetIndex', message: `Choose which ${what} the action answers` }];
  if (index >= items)
    return [
      {
        path: 'targetIndex',
        message: items
          ? `Choose one of the finding’s ${items} ${what === 'recommendation' ? 'recommendations' : 'issues for the board'}`
          : `The finding has no ${what === 'recommendation' ? 'recommendations' : 'issues for the board'}: choose what else the action answers`,
      },
    ];
  return [];
}

function completionProblems(input: ActionFacts, today: IsoDate): FieldError[] {
  const problems: FieldError[] = [];
  const status = input.status ?? 'open';
  const done = status === 'done' || status === 'impact_verified';
  if (done && input.completedOn && input.completedOn > today)
    problems.push({ path: 'completedOn', message: 'The date it was done must be today or in the past' });
  if (done && !input.completedOn)
    problems.push({ path: 'completedOn', message: 'Enter the date the action was done' });
  if (status === 'impact_verified') {
    if (!input.impactEvidenceKind)
      problems.push({ path: 'impactEvidenceKind', message: 'Choose what kind of evidence shows the impact' });
    if (!input.impactEvidence?.trim())
      problems.push({
        path: 'impactEvidence',
        message: 'Describe the evidence that practice improved (an audit, data or feedback)',
      });
  }
  return problems;
}

/**
 * What is wrong with an action: the position of the issue for the board or recommendation it
 * answers must be one of the finding's (and empty for the finding as a whole); done needs the date
 * it was done (not in the future); impact verified needs that date and the evidence of impact.
 */
export function actionProblems(input: ActionFacts, finding: TargetFinding, today: IsoDate): FieldError[] {
  return [...targetProblems(input, finding), ...completionProblems(input, today)];
}

/** Counts of actions by status, and of those overdue. */
export function actionCounts(actions: readonly { status: ActionStatus; overdue: boolean }[]) {
  const counts = { open: 0, in_progress: 0, done: 0, impact_verified: 0, overdue: 0 };
  for (const a of actions) {
    counts[a.status] += 1;
    if (a.overdue) counts.overdue += 1;
  }
  return counts;
}

/** The tracker's order: overdue first, then by due date (none last), then by when the action was added. */
export function compareForTracker(
  a: { overdue: boolean; dueOn: IsoDate | null; createdAt: string },
  b: { overdue: boolean; dueOn: IsoDate | null; createdAt: string },
): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}
