import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import {
  type CheckedFindingField,
  currencies,
  prevalenceSources,
  priorities,
} from '#domain/finding/finding.ts';
import { analysisPage } from '../analysis/api.ts';
import { LanguageCheckedField, LanguageCheckedTextarea } from '../analysis/language-checked-textarea.tsx';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { type Choice, describedBy, ErrorMessage, Hint, TextField } from '../components/form-fields.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { FormSection, UnsavedWording } from '../components/written-fields.tsx';
import type { FindingDto } from './api.ts';
import {
  addQuestionId,
  addRecommendationId,
  type FindingValues,
  type Item,
  type LostWording,
  newQuestion,
  newRecommendation,
  questionId,
  recommendationId,
  savedFlagsOf,
  savedItem,
  type WrittenField,
} from './finding-form-values.ts';

/** What each part of the finding form needs: the values, their setter, problems and saved flags. */
export type FieldKit = {
  partnershipId: string;
  reviewId: string;
  /** The finding as saved; none while it is being written for the first time. */
  finding: FindingDto | undefined;
  values: FindingValues;
  set: <K extends keyof FindingValues>(key: K) => (value: FindingValues[K]) => void;
  errors: Record<string, string>;
  /** What the person had written before a reload replaced it. */
  lost: LostWording;
};

/** The choices the form offers, from the review's reference data, episodes and terms of reference. */
export type FindingChoices = {
  /** The categories of the review's typology; undefined while they load. */
  typology: Choice[] | undefined;
  episodes: Choice[];
  researchQuestions: Choice[];
};

export const choicesOf = (labels: Record<string, string>): Choice[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

type CheckedProps = {
  kit: FieldKit;
  field: CheckedFindingField & WrittenField;
  label: string;
  hint?: ReactNode;
  rows?: number;
};

/** A written field of the finding, with the hindsight and blame check under it. */
export function CheckedField({ kit, field, label, hint, rows = 6 }: CheckedProps) {
  const { finding } = kit;
  return (
    <LanguageCheckedField
      kit={kit}
      field={field}
      label={label}
      hint={hint}
      rows={rows}
      saved={finding ? { text: finding[field], flags: savedFlagsOf(finding, field) } : undefined}
      dismissTarget={finding ? { entityType: 'finding', entityId: finding.id, field } : undefined}
    />
  );
}

/** One item of a list field (a question, a recommendation) with the check under it. */
function CheckedItem({
  kit,
  id,
  list,
  item,
  label,
  onChange,
}: {
  kit: FieldKit;
  id: string;
  list: 'boardQuestions' | 'recommendations';
  item: Item<{ text: string }>;
  label: string;
  onChange: (value: string) => void;
}) {
  const { finding } = kit;
  // Only an item saved with the finding has flags kept there, and can have one kept.
  const saved = savedItem(finding, list, item);
  return (
    <LanguageCheckedTextarea
      id={id}
      label={label}
      rows={3}
      value={item.text}
      error={kit.errors[id]}
      onChange={onChange}
      partnershipId={kit.partnershipId}
      reviewId={kit.reviewId}
      saved={saved ? { text: saved.text, flags: savedFlagsOf(finding, saved.field) } : undefined}
      dismissTarget={
        saved && finding ? { entityType: 'finding', entityId: finding.id, field: saved.field } : undefined
      }
    />
  );
}

/** How the pattern showed in this case: the key practice episodes that show it, and how. */
export function InThisCaseFields({ kit, episodes }: { kit: FieldKit; episodes: Choice[] }) {
  const { values, set, errors } = kit;
  return (
    <FormSection id="in-this-case" heading="How did it show in this case?">
      {episodes.length > 0 ? (
        <CheckboxesField
          id="episodeIds"
          legend="Key practice episodes that show it"
          values={values.episodeIds}
          error={errors.episodeIds}
          choices={episodes}
          onChange={set('episodeIds')}
          small
        />
      ) : (
        <p className="govuk-body">
          There are no key practice episodes to link yet.{' '}
          <Link className="govuk-link" to={analysisPage(kit.partnershipId, kit.reviewId)}>
            Go to the key practice episodes
          </Link>
        </p>
      )}
      <CheckedField
        kit={kit}
        field="howItShowed"
        label="How it showed in this case"
        hint="What happened in those episodes, how it looked at the time and how the practice was appraised. Roles, never names."
      />
    </FormSection>
  );
}

/** The evidence that the pattern is not a quirk of this case, and whether it is still current. */
export function PrevalenceFields({ kit }: { kit: FieldKit }) {
  const { values, set, errors } = kit;
  return (
    <FormSection id="prevalence" heading="How do we know it is not a quirk of this case?">
      <CheckboxesField
        id="prevalenceSources"
        legend="Where does the evidence come from?"
        hint="Select all that apply."
        values={values.prevalenceSources}
        error={errors.prevalenceSources}
        choices={choicesOf(prevalenceSources)}
        onChange={set('prevalenceSources')}
        small
      />
      <CheckedField
        kit={kit}
        field="prevalenceEvidence"
        label="The evidence that it is an underlying pattern"
        hint="How widespread the pattern is, and how we know."
      />
      <RadiosField
        id="currency"
        legend="Is the pattern still current?"
        value={values.currency}
        error={errors.currency}
        choices={choicesOf(currencies)}
        onChange={set('currency')}
      />
      <TextareaField
        id="currencyNote"
        label="About whether it is still current (optional)"
        hint="For example, what has changed since, and when."
        rows={3}
        value={values.currencyNote}
        error={errors.currencyNote}
        onChange={set('currencyNote')}
      />
      <UnsavedWording text={kit.lost.currencyNote} />
    </FormSection>
  );
}

/** Why the pattern matters for the reliability of the system. */
export function WhyItMattersFields({ kit }: { kit: FieldKit }) {
  return (
    <FormSection id="why-it-matters" heading="Why does it matter?">
      <CheckedField
        kit={kit}
        field="whyItMatters"
        label="What it means for the reliability of the system"
        hint="How the pattern makes the work of keeping people safe more or less reliable, in this case and others."
      />
    </FormSection>
  );
}

/** Puts focus on a field once it is on the page, after an item is added or removed. */
function useFocusAfterChange() {
  const next = useRef<string | null>(null);
  useEffect(() => {
    if (!next.current) return;
    const target = document.getElementById(next.current);
    if (target) {
      target.focus();
      next.current = null;
    }
  });
  return (id: string) => {
    next.current = id;
  };
}

/**
 * Changing, adding and removing the items of a list field. Focus moves to a new item's first field,
 * or after a removal to the item before (the add button once the list is empty).
 */
function useItemList<T extends { key: string }>(
  items: T[],
  setItems: (items: T[]) => void,
  newItem: () => T,
  firstFieldId: (index: number) => string,
  addId: string,
) {
  const focusNext = useFocusAfterChange();
  return {
    change: (key: string, part: Partial<T>) =>
      setItems(items.map((x) => (x.key === key ? { ...x, ...part } : x))),
    add: () => {
      setItems([...items, newItem()]);
      focusNext(firstFieldId(items.length));
    },
    remove: (index: number) => {
      setItems(items.filter((_, i) => i !== index));
      focusNext(items.length > 1 ? firstFieldId(Math.max(0, index - 1)) : addId);
    },
  };
}

/** "Remove" for one item, naming it for screen-reader users. */
function RemoveButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-6"
      onClick={onClick}
    >
      Remove <span className="govuk-visually-hidden">{name}</span>
    </button>
  );
}

/** Adds an item to a list field; its id is where focus goes once the list is empty. */
function AddButton({ id, onClick, children }: { id: string; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" id={id} className="govuk-button govuk-button--secondary" onClick={onClick}>
      {children}
    </button>
  );
}

/** The questions for the board to consider, one field each, with add and remove. */
export function BoardQuestionFields({ kit }: { kit: FieldKit }) {
  const { values, set, errors } = kit;
  const questions = values.boardQuestions;
  const { change, add, remove } = useItemList(
    questions,
    set('boardQuestions'),
    newQuestion,
    questionId,
    addQuestionId,
  );
  const hintId = 'boardQuestions';
  return (
    <FormSection id="board-questions" heading="Issues for the board">
      <div className={`govuk-form-group${errors[addQuestionId] ? ' govuk-form-group--error' : ''}`}>
        <fieldset
          className="govuk-fieldset"
          aria-describedby={describedBy(hintId, true, errors[addQuestionId])}
        >
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            Questions for the board to consider
          </legend>
          <Hint id={hintId} hint="Questions rather than instructions, like ‘Is the board satisfied that…?’" />
          {errors[addQuestionId] ? (
            <ErrorMessage id={`${hintId}-error`}>{errors[addQuestionId]}</ErrorMessage>
          ) : null}
          {questions.length === 0 ? <p className="govuk-body">There are no questions yet.</p> : null}
          {questions.map((q, i) => (
            <div key={q.key}>
              <CheckedItem
                kit={kit}
                id={questionId(i)}
                list="boardQuestions"
                item={q}
                label={`Question ${i + 1}`}
                onChange={(text) => change(q.key, { text })}
              />
              <RemoveButton name={`question ${i + 1}`} onClick={() => remove(i)} />
            </div>
          ))}
          <AddButton id={addQuestionId} onClick={add}>
            {questions.length === 0 ? 'Add a question' : 'Add another question'}
          </AddButton>
        </fieldset>
      </div>
      <UnsavedWording text={kit.lost.boardQuestions} />
    </FormSection>
  );
}

/** Recommendations, where the finding needs one as well as its questions: each with who it is for. */
export function RecommendationFields({ kit }: { kit: FieldKit }) {
  const { values, set, errors } = kit;
  const items = values.recommendations;
  const { change, add, remove } = useItemList(
    items,
    set('recommendations'),
    newRecommendation,
    (i) => recommendationId(i, 'text'),
    addRecommendationId,
  );
  return (
    <FormSection id="recommendations" heading="Recommendations (optional)">
      <p className="govuk-body">
        The questions for the board usually say enough. Add a recommendation only where the finding needs one,
        and say who it is for.
      </p>
      {items.map((r, i) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={r.key}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Recommendation {i + 1}</legend>
          <CheckedItem
            kit={kit}
            id={recommendationId(i, 'text')}
            list="recommendations"
            item={r}
            label="What is recommended"
            onChange={(text) => change(r.key, { text })}
          />
          <TextField
            id={recommendationId(i, 'addressee')}
            label="Who it is for (optional)"
            hint="For example, ‘the safeguarding partnership’ or ‘children’s social care’."
            value={r.addressee}
            error={errors[recommendationId(i, 'addressee')]}
            onChange={(addressee) => change(r.key, { addressee })}
          />
          <RemoveButton name={`recommendation ${i + 1}`} onClick={() => remove(i)} />
        </fieldset>
      ))}
      <AddButton id={addRecommendationId} onClick={add}>
        {items.length === 0 ? 'Add a recommendation' : 'Add another recommendation'}
      </AddButton>
      <UnsavedWording text={kit.lost.recommendations} />
    </FormSection>
  );
}

/** How high a priority the finding is, and which research questions of the terms of reference it answers. */
export function PriorityFields({ kit, researchQuestions }: { kit: FieldKit; researchQuestions: Choice[] }) {
  const { values, set, errors } = kit;
  return (
    <>
      <FormSection id="priority" heading="Priority">
        <RadiosField
          id="priority"
          legend="How high a priority is it for the board?"
          hint="The report sets out findings by need."
          value={values.priority}
          error={errors.priority}
          choices={choicesOf(priorities)}
          onChange={set('priority')}
          inline
        />
      </FormSection>
      <FormSection id="research-questions" heading="Research questions it answers">
        {researchQuestions.length > 0 ? (
          <CheckboxesField
            id="researchQuestionIds"
            legend="Which research questions of the terms of reference does it answer?"
            hint="Select all that apply."
            values={values.researchQuestionIds}
            error={errors.researchQuestionIds}
            choices={researchQuestions}
            onChange={set('researchQuestionIds')}
            small
          />
        ) : (
          <p className="govuk-body">The terms of reference have no research questions yet.</p>
        )}
      </FormSection>
    </>
  );
}
