import type { FormEvent } from 'react';
import {
  type PublicationDecision,
  type PublicationForm as PublicationFormChoice,
  publicationDecisions,
  publicationForms,
} from '#domain/publication/publication.ts';
import { earliestRemovalDate } from '#domain/publication/rules.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { formatDate } from '../review/dates.ts';
import type { PublicationDto, RecordPublicationBody } from './api.ts';
import { ConditionalRadios } from './conditional-radios.tsx';
import {
  dateOf,
  type PublicationValues,
  publicationBody,
  shownFor,
  valuesFrom,
} from './publication-form-values.ts';

type Props = {
  publication: PublicationDto;
  /** The target in the review's terms of reference, as a hint for the planned date. */
  targetPublicationDate: string | null;
  pending: boolean;
  problem: FormProblem | null;
  /** Problems found before sending (dates that are not real dates), or null when there are none. */
  onCheck: (problem: FormProblem | null) => void;
  onSubmit: (body: RecordPublicationBody) => void;
};

const decisionHints: Record<PublicationDecision, string | undefined> = {
  publish: 'Safeguarding partners publish the report unless it would be inappropriate',
  not_publish:
    'For example, to protect a child. Publish information about the improvements to be made instead',
  undecided: undefined,
};

const dateHint = 'For example, 2 3 2027';

/**
 * The publication record as a form: the decision (with the reason revealed when the report will not
 * be published), how it is published (with the reason revealed when redacted or delayed), the
 * notices to the national panel and the Department for Education, the dates, the address, when it
 * comes down and when it went to the NSPCC repository. Questions the decision does not ask are
 * hidden and sent empty; the server checks the rules and names each problem.
 */
export function PublicationForm({
  publication,
  targetPublicationDate,
  pending,
  problem,
  onCheck,
  onSubmit,
}: Props) {
  const [values, set] = useFormValues<PublicationValues>(() => valuesFrom(publication));
  const fields = problem?.fields ?? {};
  const shown = shownFor(values.decision);

  // The earliest date it may come down, worked out by the domain from the dates as typed.
  const typedEarliest = earliestRemovalDate({
    publishedOn: dateOf(values.publishedOn),
    plannedPublicationDate: dateOf(values.plannedPublicationDate),
  });
  const removalHint = typedEarliest
    ? `It must stay online for at least 12 months: it can come down on ${formatDate(typedEarliest)} or later`
    : 'It must stay online for at least 12 months after it is published';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = publicationBody(values, publication.version);
    if ('problem' in result) {
      onCheck(result.problem);
      return;
    }
    onCheck(null);
    onSubmit(result.body);
  };

  const reasonField = (form: PublicationFormChoice) => (
    <TextareaField
      id="formReason"
      label={form === 'redacted' ? 'Why is it redacted?' : 'Why is it delayed?'}
      hint={
        form === 'redacted'
          ? 'What is taken out and why. Do not name anyone'
          : 'For example, until a criminal trial or an inquest ends'
      }
      rows={3}
      value={values.formReason}
      onChange={set('formReason')}
      error={fields.formReason}
    />
  );

  return (
    <form noValidate onSubmit={submit}>
      <ConditionalRadios
        id="decision"
        legend="Will the report be published?"
        legendSize="m"
        value={values.decision}
        onChange={(value) => set('decision')(value as PublicationDecision)}
        error={fields.decision}
        choices={(Object.keys(publicationDecisions) as PublicationDecision[]).map((value) => ({
          value,
          label: publicationDecisions[value],
          hint: decisionHints[value],
          reveal:
            value === 'not_publish' ? (
              <TextareaField
                id="decisionReason"
                label="Why will it not be published?"
                hint="This stays in the review’s record. Do not name anyone"
                rows={3}
                value={values.decisionReason}
                onChange={set('decisionReason')}
                error={fields.decisionReason}
              />
            ) : undefined,
        }))}
      />
      {shown.form ? (
        <ConditionalRadios
          id="form"
          legend="How will it be published?"
          value={values.form}
          onChange={(value) => set('form')(value as PublicationFormChoice)}
          error={fields.form}
          choices={(Object.keys(publicationForms) as PublicationFormChoice[]).map((value) => ({
            value,
            label: publicationForms[value],
            reveal: value === 'full' ? undefined : reasonField(value),
          }))}
        />
      ) : null}

      <h2 className="govuk-heading-m">Notice before publication</h2>
      <p className="govuk-body">
        Send the report (or, if it is not published, the information about improvements) to the national Child
        Safeguarding Practice Review Panel and the Department for Education before publication. Leave a date
        blank until it has been sent.
      </p>
      <DateInputField
        id="panelNoticeSentOn"
        legend="Sent to the Child Safeguarding Practice Review Panel on"
        hint={dateHint}
        value={values.panelNoticeSentOn}
        onChange={set('panelNoticeSentOn')}
        error={fields.panelNoticeSentOn}
        spellCheck={false}
      />
      <DateInputField
        id="dfeNoticeSentOn"
        legend="Sent to the Department for Education on"
        hint={dateHint}
        value={values.dfeNoticeSentOn}
        onChange={set('dfeNoticeSentOn')}
        error={fields.dfeNoticeSentOn}
        spellCheck={false}
      />

      {shown.plannedPublicationDate ? (
        <>
          <h2 className="govuk-heading-m">Publication</h2>
          <DateInputField
            id="plannedPublicationDate"
            legend="Planned publication date"
            hint={
              targetPublicationDate
                ? `The target in the terms of reference is ${formatDate(targetPublicationDate)}. ${dateHint}`
                : dateHint
            }
            value={values.plannedPublicationDate}
            onChange={set('plannedPublicationDate')}
            error={fields.plannedPublicationDate}
            spellCheck={false}
          />
        </>
      ) : null}
      {shown.publishedOn ? (
        <>
          <DateInputField
            id="publishedOn"
            legend="Date published"
            hint={`Leave blank until it is published. ${dateHint}`}
            value={values.publishedOn}
            onChange={set('publishedOn')}
            error={fields.publishedOn}
            spellCheck={false}
          />
          <TextField
            id="url"
            label="Address of the published report"
            hint="The https address on the partnership’s website, like https://www.northshirescp.org.uk/reviews/child-a"
            value={values.url}
            onChange={set('url')}
            error={fields.url}
            spellCheck={false}
            autoComplete="url"
          />
          <DateInputField
            id="removalDate"
            legend="Date it comes down from the website"
            hint={removalHint}
            value={values.removalDate}
            onChange={set('removalDate')}
            error={fields.removalDate}
            spellCheck={false}
          />
          <DateInputField
            id="repositorySentOn"
            legend="Sent to the NSPCC national case review repository on"
            hint={`The repository keeps published reports for others to learn from. ${dateHint}`}
            value={values.repositorySentOn}
            onChange={set('repositorySentOn')}
            error={fields.repositorySentOn}
            spellCheck={false}
          />
        </>
      ) : null}

      <TextareaField
        id="notes"
        label="Notes (optional)"
        labelSize="m"
        hint="For example, what was published alongside the report, such as the board’s response"
        rows={4}
        value={values.notes}
        onChange={set('notes')}
        error={fields.notes}
      />
      <button type="submit" className="govuk-button" disabled={pending}>
        Save publication record
      </button>
    </form>
  );
}
