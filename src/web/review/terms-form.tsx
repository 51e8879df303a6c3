import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { ReviewType, ReviewVariant, UpdateReviewInput } from '#domain/review/review.ts';
import { reviewVariants } from '#domain/review/review.ts';
import type { AgencyDto } from '../api/partnership.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import type { ReviewDto } from './api.ts';
import { clientProblem } from './client-problem.ts';
import { type DateParts, parseDateParts, partsFromIso } from './dates.ts';
import { type ListItem, listItemId, newListItem, OrderedListField } from './ordered-list-field.tsx';
import { typeChoices, variantChoices } from './review-choices.ts';

export type TermsValues = {
  title: string;
  type: string;
  variant: string;
  decisionDate: DateParts;
  decisionRationale: string;
  purposeStatement: string;
  scopeFrom: DateParts;
  scopeTo: DateParts;
  proportionalityRationale: string;
  agencyIds: string[];
  researchQuestions: ListItem[];
  qualityAssurer: string;
  signOffChain: ListItem[];
  plannedReviewTeamMeetings: string;
  plannedJointMeetings: string;
  targetPublicationDate: DateParts;
};

export const termsFieldIds = [
  'title',
  'type',
  'variant',
  'decisionDate',
  'decisionRationale',
  'purposeStatement',
  'scopeFrom',
  'scopeTo',
  'proportionalityRationale',
  'agencyIds',
  'researchQuestions',
  'qualityAssurer',
  'signOffChain',
  'plannedReviewTeamMeetings',
  'plannedJointMeetings',
  'targetPublicationDate',
] as const;

/** The form's starting values, from the review as it is now. */
export function termsValues(review: ReviewDto): TermsValues {
  const t = review.termsOfReference;
  return {
    title: review.title,
    type: review.type,
    variant: review.variant,
    decisionDate: partsFromIso(t?.decisionDate),
    decisionRationale: t?.decisionRationale ?? '',
    purposeStatement: t?.purposeStatement ?? '',
    scopeFrom: partsFromIso(t?.scopeFrom),
    scopeTo: partsFromIso(t?.scopeTo),
    proportionalityRationale: t?.proportionalityRationale ?? '',
    agencyIds: t?.agencies.map((a) => a.id) ?? [],
    researchQuestions: [...(t?.researchQuestions ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((q) => newListItem(q.text)),
    qualityAssurer: t?.qualityAssurer ?? '',
    signOffChain: (t?.signOffChain ?? []).map((step) => newListItem(step)),
    plannedReviewTeamMeetings: String(t?.plannedReviewTeamMeetings ?? ''),
    plannedJointMeetings: String(t?.plannedJointMeetings ?? ''),
    targetPublicationDate: partsFromIso(review.targetPublicationDate),
  };
}

const dateLabels = {
  decisionDate: 'the decision date',
  scopeFrom: 'the start of the scope period',
  scopeTo: 'the end of the scope period',
  targetPublicationDate: 'the target publication date',
} as const;

/** What the form sends, or the problems to fix first. Blank list entries are left out. */
export function termsInput(
  values: TermsValues,
  version: number,
): { input: UpdateReviewInput; sent: { researchQuestions: string[]; signOffChain: string[] } } | FormProblem {
  const errors: Record<string, string> = {};
  const dates: Record<string, string | null> = {};
  for (const [field, label] of Object.entries(dateLabels)) {
    const parsed = parseDateParts(values[field as keyof typeof dateLabels], label);
    if (parsed.ok) dates[field] = parsed.iso;
    else errors[field] = parsed.message;
  }
  const count = (field: 'plannedReviewTeamMeetings' | 'plannedJointMeetings', what: string) => {
    const text = values[field].trim();
    if (!text) return undefined;
    if (!/^\d+$/.test(text) || Number(text) > 30) {
      errors[field] = `Enter the number of ${what} as a whole number from 0 to 30`;
      return undefined;
    }
    return Number(text);
  };
  const plannedReviewTeamMeetings = count('plannedReviewTeamMeetings', 'review team meetings');
  const plannedJointMeetings = count('plannedJointMeetings', 'joint meetings');
  const problem = clientProblem(errors, termsFieldIds);
  if (problem) return problem;
  const filled = (items: ListItem[]) => items.filter((i) => i.text.trim());
  const text = (value: string) => (value.trim() ? value : null);
  const researchQuestions = filled(values.researchQuestions);
  const signOffChain = filled(values.signOffChain);
  return {
    input: {
      title: values.title,
      type: (values.type || undefined) as ReviewType,
      variant: (values.variant || undefined) as ReviewVariant,
      decisionDate: dates.decisionDate ?? null,
      decisionRationale: text(values.decisionRationale),
      purposeStatement: text(values.purposeStatement),
      scopeFrom: dates.scopeFrom ?? null,
      scopeTo: dates.scopeTo ?? null,
      proportionalityRationale: text(values.proportionalityRationale),
      agencyIds: values.agencyIds,
      researchQuestions: researchQuestions.map((i) => i.text),
      qualityAssurer: text(values.qualityAssurer),
      signOffChain: signOffChain.map((i) => i.text),
      ...(plannedReviewTeamMeetings !== undefined ? { plannedReviewTeamMeetings } : {}),
      ...(plannedJointMeetings !== undefined ? { plannedJointMeetings } : {}),
      ...(dates.targetPublicationDate ? { targetPublicationDate: dates.targetPublicationDate } : {}),
      version,
    },
    sent: {
      researchQuestions: researchQuestions.map((i) => i.key),
      signOffChain: signOffChain.map((i) => i.key),
    },
  };
}

/**
 * Links the server's problems with list entries ("researchQuestions.2") to the entry's own box,
 * using the keys of the entries that were sent.
 */
export function placeListProblems(
  problem: FormProblem | null,
  sent: { researchQuestions: string[]; signOffChain: string[] } | null,
  rawFields: { path: string; message: string }[],
): { problem: FormProblem | null; itemErrors: Record<string, string> } {
  const itemErrors: Record<string, string> = {};
  if (!problem || !sent) return { problem, itemErrors };
  const items = [...problem.items];
  for (const { path, message } of rawFields) {
    const match = /^(researchQuestions|signOffChain)\.(\d+)$/.exec(path);
    if (!match) continue;
    const list = match[1] as 'researchQuestions' | 'signOffChain';
    const key = sent[list][Number(match[2])];
    if (!key) continue;
    if (!itemErrors[key]) itemErrors[key] = message;
    const index = items.findIndex((i) => i.field === undefined && i.message === message);
    const field = listItemId(list, key);
    if (index >= 0) items[index] = { field, message };
  }
  return { problem: { ...problem, items }, itemErrors };
}

type Props = {
  review: ReviewDto;
  agencies: AgencyDto[];
  pending: boolean;
  problem: FormProblem | null;
  itemErrors: Record<string, string>;
  cancelTo: string;
  onSubmit: (values: TermsValues) => void;
};

/** The terms of reference as a form, in the order a business manager usually fills them in. */
export function TermsForm({ review, agencies, pending, problem, itemErrors, cancelTo, onSubmit }: Props) {
  const [values, set, setValues] = useFormValues<TermsValues>(() => termsValues(review));
  const fields = problem?.fields ?? {};

  // Changing the variant brings its usual meeting counts, unless they had been changed by hand.
  const setVariant = (variant: string) =>
    setValues((current) => {
      const before = reviewVariants[current.variant as ReviewVariant];
      const after = reviewVariants[variant as ReviewVariant];
      const usual =
        before &&
        current.plannedReviewTeamMeetings === String(before.reviewTeamMeetings) &&
        current.plannedJointMeetings === String(before.jointMeetings);
      return usual && after
        ? {
            ...current,
            variant,
            plannedReviewTeamMeetings: String(after.reviewTeamMeetings),
            plannedJointMeetings: String(after.jointMeetings),
          }
        : { ...current, variant };
    });

  const agencyChoices = agencies
    .filter((a) => a.active || values.agencyIds.includes(a.id))
    .map((a) => ({ value: a.id, label: a.name, hint: a.active ? undefined : 'No longer active' }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form noValidate onSubmit={submit}>
      <h2 className="govuk-heading-m">About the review</h2>
      <TextField
        id="title"
        label="Review title"
        hint="Use a pseudonym, like Child A. Never use the child’s real name."
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-!-width-two-thirds"
        value={values.title}
        onChange={set('title')}
        error={fields.title}
      />
      <RadiosField
        id="type"
        legend="Type of review"
        value={values.type}
        onChange={set('type')}
        choices={typeChoices}
        error={fields.type}
      />
      <RadiosField
        id="variant"
        legend="Review variant"
        value={values.variant}
        onChange={setVariant}
        choices={variantChoices}
        error={fields.variant}
      />

      <h2 className="govuk-heading-m">The decision to review</h2>
      <DateInputField
        id="decisionDate"
        legend="Date of the decision"
        hint="For example, 27 3 2026"
        value={values.decisionDate}
        onChange={set('decisionDate')}
        error={fields.decisionDate}
        spellCheck={false}
      />
      <TextareaField
        id="decisionRationale"
        label="Why the partnership decided to hold this review"
        hint="The reasons recorded for the decision, including why this type of review."
        value={values.decisionRationale}
        onChange={set('decisionRationale')}
        error={fields.decisionRationale}
      />

      <h2 className="govuk-heading-m">Purpose and scope</h2>
      <TextareaField
        id="purposeStatement"
        label="Purpose of the review"
        hint="What the partnership wants to learn about how its agencies work, using this case as a window on the system."
        value={values.purposeStatement}
        onChange={set('purposeStatement')}
        error={fields.purposeStatement}
      />
      <DateInputField
        id="scopeFrom"
        legend="Start of the scope period"
        hint="The earliest events the review will look at. For example, 1 9 2025"
        value={values.scopeFrom}
        onChange={set('scopeFrom')}
        error={fields.scopeFrom}
        spellCheck={false}
      />
      <DateInputField
        id="scopeTo"
        legend="End of the scope period"
        hint="For example, 27 3 2026"
        value={values.scopeTo}
        onChange={set('scopeTo')}
        error={fields.scopeTo}
        spellCheck={false}
      />
      <TextareaField
        id="proportionalityRationale"
        label="Why this scope and approach are proportionate"
        value={values.proportionalityRationale}
        onChange={set('proportionalityRationale')}
        error={fields.proportionalityRationale}
      />

      <h2 className="govuk-heading-m">Agencies in scope</h2>
      {agencyChoices.length === 0 ? (
        <p className="govuk-body" id="agencyIds" tabIndex={-1}>
          The partnership has no agencies yet. Add them on the agencies page first.
        </p>
      ) : (
        <CheckboxesField
          id="agencyIds"
          legend="Which agencies does the review cover?"
          hint="Select all that apply."
          values={values.agencyIds}
          onChange={set('agencyIds')}
          choices={agencyChoices}
          error={fields.agencyIds}
        />
      )}

      <OrderedListField
        id="researchQuestions"
        legend="Research questions"
        hint="What the partnership wants to learn about its system, most important first. Use the buttons to put them in order."
        itemLabel="Research question"
        addLabel="Add a research question"
        items={values.researchQuestions}
        onChange={set('researchQuestions')}
        error={fields.researchQuestions}
        itemErrors={itemErrors}
        multiline
        max={20}
        emptyText="There are no research questions yet."
      />

      <h2 className="govuk-heading-m">Governance</h2>
      <TextField
        id="qualityAssurer"
        label="Who quality-assures the review"
        hint="A name or a role, for example the independent scrutineer"
        value={values.qualityAssurer}
        onChange={set('qualityAssurer')}
        error={fields.qualityAssurer}
      />
      <OrderedListField
        id="signOffChain"
        legend="Sign-off chain"
        hint="Who signs the review off, in order. For example, the review panel, then the safeguarding partners."
        itemLabel="Sign-off step"
        addLabel="Add a sign-off step"
        items={values.signOffChain}
        onChange={set('signOffChain')}
        error={fields.signOffChain}
        itemErrors={itemErrors}
        max={10}
        emptyText="There are no sign-off steps yet."
      />

      <h2 className="govuk-heading-m">Timetable</h2>
      <TextField
        id="plannedReviewTeamMeetings"
        label="Review team meetings planned"
        value={values.plannedReviewTeamMeetings}
        onChange={set('plannedReviewTeamMeetings')}
        error={fields.plannedReviewTeamMeetings}
        widthClass="govuk-input--width-3"
        inputMode="numeric"
        spellCheck={false}
      />
      <TextField
        id="plannedJointMeetings"
        label="Joint meetings with the case group planned"
        value={values.plannedJointMeetings}
        onChange={set('plannedJointMeetings')}
        error={fields.plannedJointMeetings}
        widthClass="govuk-input--width-3"
        inputMode="numeric"
        spellCheck={false}
      />
      <DateInputField
        id="targetPublicationDate"
        legend="Target publication date"
        hint="Reviews are usually expected to be published within about 6 months of being initiated."
        value={values.targetPublicationDate}
        onChange={set('targetPublicationDate')}
        error={fields.targetPublicationDate}
        spellCheck={false}
      />

      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          Save terms of reference
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
