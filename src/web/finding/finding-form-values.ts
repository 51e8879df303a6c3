import type { FindingDto, PrevalenceSource } from '#domain/finding/finding.ts';
import { type LibraryTheme, libraryThemes } from '#domain/library/library.ts';
import type { SavedFlag } from '../analysis/language-checked-textarea.tsx';
import { ApiError } from '../api/client.ts';
import type { CreateFindingBody, UpdateFindingBody } from './api.ts';

/** One item of a list the person can add to and remove from; `key` keeps it steady while they do. */
export type Item<T> = T & {
  key: string;
  /**
   * For an item that came from the saved finding, its text and place there: the server checks and
   * keeps flagged wording item by item ("boardQuestions.0").
   */
  saved?: { text: string; index: number } | undefined;
};
export type Question = Item<{ text: string }>;
export type Recommendation = Item<{ text: string; addressee: string }>;

/** The finding form as typed. */
export type FindingValues = {
  statement: string;
  typologyCode: string;
  polarity: string;
  themes: string[];
  episodeIds: string[];
  howItShowed: string;
  prevalenceSources: string[];
  prevalenceEvidence: string;
  currency: string;
  currencyNote: string;
  whyItMatters: string;
  boardQuestions: Question[];
  recommendations: Recommendation[];
  priority: string;
  researchQuestionIds: string[];
};

/** The written fields of one piece that a reload can replace, and the person may want back. */
export const writtenFields = [
  'statement',
  'howItShowed',
  'prevalenceEvidence',
  'currencyNote',
  'whyItMatters',
] as const;
export type WrittenField = (typeof writtenFields)[number];

/** What the person had written that a reload replaced. */
export type LostWording = Partial<Record<WrittenField, string>> & {
  boardQuestions?: string[];
  recommendations?: string[];
};

let nextKey = 0;
const newKey = () => {
  nextKey += 1;
  return `item-${nextKey}`;
};
export const newQuestion = (text = '', saved?: Question['saved']): Question => ({
  key: newKey(),
  text,
  saved,
});
export const newRecommendation = (
  text = '',
  addressee = '',
  saved?: Recommendation['saved'],
): Recommendation => ({
  key: newKey(),
  text,
  addressee,
  saved,
});

/** The id of a question's field, counting from 1 as the page does: "boardQuestions-2". */
export const questionId = (index: number) => `boardQuestions-${index + 1}`;
/** The id of a recommendation's field: "recommendations-1-text" or "recommendations-1-addressee". */
export const recommendationId = (index: number, part: 'text' | 'addressee') =>
  `recommendations-${index + 1}-${part}`;
export const addQuestionId = 'boardQuestions-add';
export const addRecommendationId = 'recommendations-add';

/** A new finding's form: one empty question for the board to start from. */
export function emptyValues(): FindingValues {
  return {
    statement: '',
    typologyCode: '',
    polarity: '',
    themes: [],
    episodeIds: [],
    howItShowed: '',
    prevalenceSources: [],
    prevalenceEvidence: '',
    currency: '',
    currencyNote: '',
    whyItMatters: '',
    boardQuestions: [newQuestion()],
    recommendations: [],
    priority: '',
    researchQuestionIds: [],
  };
}

/** The form's values for a finding as saved. */
export function findingValues(f: FindingDto): FindingValues {
  return {
    statement: f.statement,
    typologyCode: f.typology?.code ?? '',
    polarity: f.polarity,
    themes: f.themes.map((t) => t.key),
    episodeIds: f.episodes.map((e) => e.id),
    howItShowed: f.howItShowed,
    prevalenceSources: [...f.prevalenceSources],
    prevalenceEvidence: f.prevalenceEvidence,
    currency: f.currency ?? '',
    currencyNote: f.currencyNote ?? '',
    whyItMatters: f.whyItMatters,
    boardQuestions: f.boardQuestions.map((q, index) => newQuestion(q, { text: q, index })),
    recommendations: f.recommendations.map((r, index) =>
      newRecommendation(r.text, r.addressee ?? '', { text: r.text, index }),
    ),
    priority: f.priority ?? '',
    researchQuestionIds: f.researchQuestions.map((q) => q.id),
  };
}

/** Whether a ticked value is one of the library's themes. */
const isTheme = (key: string): key is LibraryTheme => key in libraryThemes;

/** The form's field ids in page order, for the error summary. */
export function findingFieldIds(values: FindingValues): string[] {
  return [
    'statement',
    'typologyCode',
    'polarity',
    'themes',
    'episodeIds',
    'howItShowed',
    'prevalenceSources',
    'prevalenceEvidence',
    'currency',
    'currencyNote',
    'whyItMatters',
    ...values.boardQuestions.map((_, i) => questionId(i)),
    addQuestionId,
    ...values.recommendations.flatMap((_, i) => [
      recommendationId(i, 'text'),
      recommendationId(i, 'addressee'),
    ]),
    addRecommendationId,
    'priority',
    'researchQuestionIds',
  ];
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => sameList([...a].sort(), [...b].sort());

/** The questions and recommendations that would be sent: blank ones are left out. */
function filled(values: FindingValues) {
  const questions: { text: string; index: number }[] = [];
  values.boardQuestions.forEach((q, index) => {
    if (q.text.trim()) questions.push({ text: q.text.trim(), index });
  });
  const recommendations: { text: string; addressee: string | null; index: number }[] = [];
  values.recommendations.forEach((r, index) => {
    if (r.text.trim() || r.addressee.trim())
      recommendations.push({ text: r.text.trim(), addressee: r.addressee.trim() || null, index });
  });
  return { questions, recommendations };
}

const recommendationsKey = (rs: readonly { text: string; addressee: string | null }[]) =>
  rs.map((r) => `${r.text}\u0001${r.addressee ?? ''}`);

/** Whether two sets of values say the same thing. */
export function sameValues(a: FindingValues, b: FindingValues): boolean {
  const x = filled(a);
  const y = filled(b);
  return (
    sameList(
      writtenFields.map((f) => a[f]),
      writtenFields.map((f) => b[f]),
    ) &&
    a.typologyCode === b.typologyCode &&
    a.polarity === b.polarity &&
    a.currency === b.currency &&
    a.priority === b.priority &&
    sameSet(a.themes, b.themes) &&
    sameSet(a.episodeIds, b.episodeIds) &&
    sameSet(a.prevalenceSources, b.prevalenceSources) &&
    sameSet(a.researchQuestionIds, b.researchQuestionIds) &&
    sameList(
      x.questions.map((q) => q.text),
      y.questions.map((q) => q.text),
    ) &&
    sameList(recommendationsKey(x.recommendations), recommendationsKey(y.recommendations))
  );
}

/** Where each item sent sits in the form, so the server's "boardQuestions.1" finds its field. */
export type SentIndexes = { questions: number[]; recommendations: number[] };

/** Problems found before sending: a recommendation needs its text. */
function checkValues(values: FindingValues, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (creating && !values.statement.trim()) errors.statement = 'Enter the finding in one sentence';
  values.recommendations.forEach((r, i) => {
    if (!r.text.trim() && r.addressee.trim())
      errors[recommendationId(i, 'text')] = 'Enter the recommendation, or remove it';
  });
  return errors;
}

/** The body that creates a finding: everything the person gave. */
export function createBody(values: FindingValues): {
  errors: Record<string, string>;
  body: CreateFindingBody;
  sent: SentIndexes;
} {
  const errors = checkValues(values, true);
  const { questions, recommendations } = filled(values);
  const body: CreateFindingBody = {
    statement: values.statement.trim(),
    episodeIds: values.episodeIds,
    howItShowed: values.howItShowed,
    prevalenceSources: values.prevalenceSources as PrevalenceSource[],
    prevalenceEvidence: values.prevalenceEvidence,
    whyItMatters: values.whyItMatters,
    boardQuestions: questions.map((q) => q.text),
    recommendations: recommendations.map(({ text, addressee }) => ({ text, addressee })),
    researchQuestionIds: values.researchQuestionIds,
  };
  if (values.themes.length > 0) body.themes = values.themes.filter(isTheme);
  if (values.typologyCode) body.typologyCode = values.typologyCode;
  if (values.polarity) body.polarity = values.polarity as CreateFindingBody['polarity'];
  if (values.currency) body.currency = values.currency as CreateFindingBody['currency'];
  if (values.currencyNote.trim()) body.currencyNote = values.currencyNote.trim();
  if (values.priority) body.priority = values.priority as CreateFindingBody['priority'];
  return {
    errors,
    body,
    sent: { questions: questions.map((q) => q.index), recommendations: recommendations.map((r) => r.index) },
  };
}

export type FindingChanges = Omit<UpdateFindingBody, 'version'>;

/**
 * The changes to send: only what the person changed from what they started with, so saving does
 * not touch (or take back to emerging) what they left alone.
 */
export function findingChanges(
  values: FindingValues,
  start: FindingValues,
): { errors: Record<string, string>; changes: FindingChanges; sent: SentIndexes } {
  const errors = checkValues(values, false);
  const changes: FindingChanges = {};
  for (const key of ['howItShowed', 'prevalenceEvidence', 'whyItMatters'] as const)
    if (values[key] !== start[key]) changes[key] = values[key];
  if (values.statement !== start.statement) changes.statement = values.statement.trim();
  if (values.currencyNote !== start.currencyNote) changes.currencyNote = values.currencyNote.trim() || null;
  if (values.typologyCode !== start.typologyCode) changes.typologyCode = values.typologyCode || null;
  if (values.polarity !== start.polarity && values.polarity)
    changes.polarity = values.polarity as FindingChanges['polarity'];
  if (values.currency !== start.currency)
    changes.currency = (values.currency || null) as FindingChanges['currency'];
  if (values.priority !== start.priority)
    changes.priority = (values.priority || null) as FindingChanges['priority'];
  if (!sameSet(values.themes, start.themes)) changes.themes = values.themes.filter(isTheme);
  if (!sameSet(values.episodeIds, start.episodeIds)) changes.episodeIds = values.episodeIds;
  if (!sameSet(values.prevalenceSources, start.prevalenceSources))
    changes.prevalenceSources = values.prevalenceSources as PrevalenceSource[];
  if (!sameSet(values.researchQuestionIds, start.researchQuestionIds))
    changes.researchQuestionIds = values.researchQuestionIds;
  const now = filled(values);
  const before = filled(start);
  if (
    !sameList(
      now.questions.map((q) => q.text),
      before.questions.map((q) => q.text),
    )
  )
    changes.boardQuestions = now.questions.map((q) => q.text);
  if (!sameList(recommendationsKey(now.recommendations), recommendationsKey(before.recommendations)))
    changes.recommendations = now.recommendations.map(({ text, addressee }) => ({ text, addressee }));
  return {
    errors,
    changes,
    sent: {
      questions: now.questions.map((q) => q.index),
      recommendations: now.recommendations.map((r) => r.index),
    },
  };
}

/** The field a server problem belongs to: "boardQuestions.1" is the field of the second question sent. */
export function fieldOf(path: string, sent: SentIndexes, values: FindingValues): string {
  const [head, index, part] = path.split('.');
  const at = index === undefined ? undefined : Number(index);
  if (head === 'boardQuestions') {
    const i = at === undefined ? undefined : sent.questions[at];
    if (i !== undefined) return questionId(i);
    return values.boardQuestions.length > 0 ? questionId(0) : addQuestionId;
  }
  if (head === 'recommendations') {
    const i = at === undefined ? undefined : sent.recommendations[at];
    if (i !== undefined) return recommendationId(i, part === 'addressee' ? 'addressee' : 'text');
    return values.recommendations.length > 0 ? recommendationId(0, 'text') : addRecommendationId;
  }
  return head ?? path;
}

/** The server's field errors named as the form's fields. */
export function withFindingFields(error: unknown, sent: SentIndexes, values: FindingValues): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ ...f, path: fieldOf(f.path, sent, values) }));
  return new ApiError(error.status, error.code, error.message, { fields });
}

/** Whether a failed save was refused because someone else saved the finding first. */
export const isStale = (error: unknown) => error instanceof ApiError && error.code === 'stale_version';

/** What the person had written that the reload replaced, field by field and item by item. */
export function lostWording(submitted: FindingValues, now: FindingValues): LostWording {
  const lost: LostWording = {};
  for (const f of writtenFields) if (submitted[f].trim() && submitted[f] !== now[f]) lost[f] = submitted[f];
  const kept = new Set(now.boardQuestions.map((q) => q.text.trim()));
  const questions = submitted.boardQuestions.map((q) => q.text.trim()).filter((t) => t && !kept.has(t));
  if (questions.length) lost.boardQuestions = questions;
  const keptRecs = new Set(now.recommendations.map((r) => r.text.trim()));
  const recs = submitted.recommendations
    .filter((r) => r.text.trim() && !keptRecs.has(r.text.trim()))
    .map((r) => (r.addressee.trim() ? `${r.text.trim()} (for ${r.addressee.trim()})` : r.text.trim()));
  if (recs.length) lost.recommendations = recs;
  return lost;
}

/**
 * The flags the server keeps for one field the check reads (with kept wording): a written field such
 * as "statement", or one item of a list such as "boardQuestions.2".
 */
export function savedFlagsOf(finding: FindingDto | undefined, field: string): SavedFlag[] {
  if (!finding) return [];
  return (
    finding.languageFlags.find(
      (f) => f.entityType === 'finding' && f.entityId === finding.id && f.field === field,
    )?.flags ?? []
  );
}

/**
 * Where an item of a list field is saved, while the saved finding still has it there: the field the
 * server names its flags by, and the text they were found in.
 */
export function savedItem(
  finding: FindingDto | undefined,
  list: 'boardQuestions' | 'recommendations',
  item: Item<{ text: string }>,
): { field: string; text: string } | null {
  if (!finding || !item.saved) return null;
  const { text, index } = item.saved;
  const now =
    list === 'boardQuestions' ? finding.boardQuestions[index] : finding.recommendations[index]?.text;
  return now === text ? { field: `${list}.${index}`, text } : null;
}
