import { type FormEvent, type Ref, useImperativeHandle, useRef } from 'react';
import { type PseudonymCategory, personCategories, pseudonymCategories } from '#domain/pseudonym/register.ts';
import { SelectField, TextField } from '../components/form-fields.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import type { PseudonymEntryBody, PseudonymEntryDto } from './api.ts';
import { type EntryField, entryFieldId } from './register-problem.ts';

const categoryChoices = (Object.keys(pseudonymCategories) as PseudonymCategory[]).map((value) => ({
  value,
  label: pseudonymCategories[value],
}));

/** What to write instead, for each kind of entry. */
export const replacementHints: Record<PseudonymCategory, string> = {
  child: 'A letter or pseudonym, such as “Child A”',
  family_member: 'A letter, pseudonym or relationship, such as “Adult M” or “Child A’s mother”',
  practitioner: 'Their role, such as “the health visitor” or “the social worker”',
  place: 'A description, such as “a town in the north west”',
  school: 'A description, such as “a primary school” or “the nursery”',
  address: 'A description, such as “the family home” or “a flat in the town centre”',
  date_of_birth: 'An age, such as “aged 4” or “6 months old”',
  other: 'Words that say what it is without identifying anyone',
};

const realValueHints: Record<PseudonymCategory, string> = {
  child: 'Their full name as the records give it, such as “Jane Smith”',
  family_member: 'Their full name as the records give it',
  practitioner: 'Their full name as the records give it, such as “Sam Patel”',
  place: 'Such as a town, village or estate',
  school: 'Such as “St Mary’s Primary School”',
  address: 'Such as “14 Leyton Road” or “Leyton Road”',
  date_of_birth: 'As the records write it, such as “12 March 2019” or “12/03/2019”',
  other: 'Such as a hospital number, a car registration or a pet’s name',
};

type Values = { category: string; realValue: string; variants: string; replacement: string; note: string };

type Props = {
  /** The entry being changed, or none when adding one. */
  entry?: PseudonymEntryDto | undefined;
  /** The row being changed, counted from 1. */
  row?: number | undefined;
  pending: boolean;
  errors: Partial<Record<EntryField, string>>;
  onSubmit: (entry: PseudonymEntryBody) => void;
  onCancel?: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
};

/** Add an entry to the register, or change one: what it is, its real value and what replaces it. */
export function EntryForm({ entry, row, pending, errors, onSubmit, onCancel, headingRef }: Props) {
  const [values, set] = useFormValues<Values>(() => ({
    category: entry?.category ?? '',
    realValue: entry?.realValue ?? '',
    variants: (entry?.variants ?? []).join('\n'),
    replacement: entry?.replacement ?? '',
    note: entry?.note ?? '',
  }));
  const heading = useRef<HTMLHeadingElement>(null);
  useImperativeHandle(headingRef, () => heading.current as HTMLHeadingElement);
  const category = values.category as PseudonymCategory | '';
  const isPerson = category !== '' && personCategories.includes(category);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({
      category: values.category as PseudonymCategory,
      realValue: values.realValue,
      variants: values.variants
        .split('\n')
        .map((v) => v.trim())
        .filter(Boolean),
      replacement: values.replacement,
      note: values.note.trim() ? values.note : null,
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="entry-form-heading">
      <h2 className="govuk-heading-m" id="entry-form-heading" tabIndex={-1} ref={heading}>
        {entry ? `Change row ${row}` : 'Add an entry'}
      </h2>
      <SelectField
        id={entryFieldId('category')}
        label="What is it?"
        value={values.category}
        onChange={set('category')}
        choices={categoryChoices}
        emptyLabel="Choose one"
        error={errors.category}
      />
      <TextField
        id={entryFieldId('realValue')}
        label="Real name or identifier"
        hint={category ? realValueHints[category] : 'As the records give it'}
        value={values.realValue}
        onChange={set('realValue')}
        spellCheck={false}
        autoComplete="off"
        error={errors.realValue}
      />
      <TextareaField
        id={entryFieldId('variants')}
        label="Other spellings (optional)"
        hint={
          isPerson
            ? 'One on each line: nicknames, maiden names, misspellings. Their first name or surname on its own, their initials and “Jane’s” are found without adding them.'
            : 'One on each line: other ways the records write it, such as abbreviations and misspellings'
        }
        rows={3}
        spellCheck={false}
        value={values.variants}
        onChange={set('variants')}
        error={errors.variants}
      />
      <TextField
        id={entryFieldId('replacement')}
        label="What replaces it in the report"
        hint={category ? replacementHints[category] : 'Choose what it is to see examples'}
        value={values.replacement}
        onChange={set('replacement')}
        autoComplete="off"
        error={errors.replacement}
      />
      <TextareaField
        id={entryFieldId('note')}
        label="Note (optional)"
        hint="For the review team, for example where the name appears. Never published."
        rows={2}
        value={values.note}
        onChange={set('note')}
        error={errors.note}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          {entry ? 'Save changes' : 'Add entry'}
        </button>
        {onCancel ? (
          <button type="button" className="app-link-button govuk-link" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
