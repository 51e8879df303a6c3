import type {
  ActionStatus,
  ActionTarget,
  CreateActionInput,
  ImpactEvidenceKind,
  UpdateActionInput,
} from '#domain/action/action.ts';
import type { Choice } from '../components/form-fields.tsx';
import { type DateParts, emptyDate, parseDateParts, partsFromIso } from '../review/dates.ts';
import type { ActionDto, FindingResponseDto } from './api.ts';

/** What the action form holds, as typed. `answers` is "findingId|target|index". */
export type ActionValues = {
  answers: string;
  description: string;
  ownerAgencyId: string;
  ownerName: string;
  dueOn: DateParts;
  successMeasure: string;
  status: ActionStatus;
  completedOn: DateParts;
  impactEvidenceKind: ImpactEvidenceKind | '';
  impactEvidence: string;
  progressNote: string;
};

/** The form's fields in the order they appear, so problems are listed in that order. */
export const actionFieldIds = [
  'answers',
  'description',
  'ownerAgencyId',
  'ownerName',
  'dueOn',
  'successMeasure',
  'status',
  'completedOn',
  'impactEvidenceKind',
  'impactEvidence',
  'progressNote',
];

export const answersValue = (findingId: string, target: ActionTarget, index: number | null) =>
  `${findingId}|${target}|${index ?? ''}`;

/** A new action's values; it answers the finding given, if any. */
export function emptyActionValues(findingId = ''): ActionValues {
  return {
    answers: findingId ? answersValue(findingId, 'finding', null) : '',
    description: '',
    ownerAgencyId: '',
    ownerName: '',
    dueOn: emptyDate,
    successMeasure: '',
    status: 'open',
    completedOn: emptyDate,
    impactEvidenceKind: '',
    impactEvidence: '',
    progressNote: '',
  };
}

/** A saved action's values, to change it. */
export function actionValues(a: ActionDto): ActionValues {
  return {
    answers: answersValue(a.findingId, a.target, a.targetIndex),
    description: a.description,
    ownerAgencyId: a.ownerAgency?.id ?? '',
    ownerName: a.ownerName ?? '',
    dueOn: partsFromIso(a.dueOn),
    successMeasure: a.successMeasure ?? '',
    status: a.status,
    completedOn: partsFromIso(a.completedOn),
    impactEvidenceKind: a.impactEvidenceKind ?? '',
    impactEvidence: a.impactEvidence ?? '',
    progressNote: a.progressNote ?? '',
  };
}

/** What an action may answer: each finding, each of its issues for the board and each recommendation. */
export function answerChoices(findings: FindingResponseDto[]): Choice[] {
  return findings.flatMap((f) => [
    {
      value: answersValue(f.findingId, 'finding', null),
      label: `Finding ${f.findingNumber}`,
      hint: f.statement,
    },
    ...f.boardQuestions.map((q, i) => ({
      value: answersValue(f.findingId, 'question', i),
      label: `Finding ${f.findingNumber}, issue for the board ${i + 1}`,
      hint: q,
    })),
    ...f.recommendations.map((rec, i) => ({
      value: answersValue(f.findingId, 'recommendation', i),
      label: `Finding ${f.findingNumber}, recommendation ${i + 1}`,
      hint: rec.text,
    })),
  ]);
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

type Checked<T> = { errors: Record<string, string>; body: T };

/** Reads the fields shared by a new and a changed action, with the problems found before sending. */
export function createActionBody(v: ActionValues): Checked<CreateActionInput> {
  const errors: Record<string, string> = {};
  const [findingId = '', target = 'finding', index = ''] = v.answers.split('|');
  if (!findingId) errors.answers = 'Choose what the action answers';
  if (!v.description.trim()) errors.description = 'Enter what will be done';
  const due = parseDateParts(v.dueOn, 'the due date');
  if (!due.ok) errors.dueOn = due.message;
  return {
    errors,
    body: {
      findingId,
      target: target as ActionTarget,
      targetIndex: index === '' ? null : Number(index),
      description: v.description.trim(),
      ownerAgencyId: v.ownerAgencyId || null,
      ownerName: orNull(v.ownerName),
      dueOn: due.ok ? due.iso : null,
      successMeasure: orNull(v.successMeasure),
    },
  };
}

/** Reads every field of a changed action; evidence of impact is sent only for an action whose impact is verified. */
export function updateActionBody(v: ActionValues, version: number): Checked<UpdateActionInput> {
  const { errors, body } = createActionBody(v);
  const completed = parseDateParts(v.completedOn, 'the date it was done');
  if (!completed.ok) errors.completedOn = completed.message;
  const verified = v.status === 'impact_verified';
  const finished = verified || v.status === 'done';
  if (finished && completed.ok && !completed.iso) errors.completedOn = 'Enter the date it was done';
  if (verified && !v.impactEvidenceKind)
    errors.impactEvidenceKind = 'Choose what kind of evidence shows the impact';
  if (verified && !v.impactEvidence.trim()) errors.impactEvidence = 'Enter the evidence of impact';
  return {
    errors,
    body: {
      ...body,
      status: v.status,
      completedOn: finished && completed.ok ? completed.iso : null,
      impactEvidenceKind: verified && v.impactEvidenceKind ? v.impactEvidenceKind : null,
      impactEvidence: verified ? orNull(v.impactEvidence) : null,
      progressNote: orNull(v.progressNote),
      version,
    },
  };
}

/** The server names what an action answers in three fields; the form asks it as one question. */
export const serverFieldIds = [...actionFieldIds, 'findingId', 'target', 'targetIndex'];
export const formFieldFor = (path: string | undefined) =>
  path === 'findingId' || path === 'target' || path === 'targetIndex' ? 'answers' : path;
