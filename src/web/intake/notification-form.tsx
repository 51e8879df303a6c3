import type { FormEvent } from 'react';
import { Link } from 'react-router';
import {
  abuseOrNeglectKinds,
  incidentOutcomes,
  intakeLabels,
  notificationRecipients,
} from '#domain/intake/intake.ts';
import type { ApiError } from '../api/client.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { type DateParts, noDate, partsFromIso, readDates } from './dates.ts';
import type { NotificationDto, NotificationInput } from './intake-api.ts';

export const notificationFieldIds = [
  'childPseudonym',
  'summary',
  'incidentDate',
  'awareDate',
  'outcome',
  'abuseOrNeglect',
  'lookedAfter',
  'submittedDate',
  'recipients',
  'reference',
] as const;

type Values = {
  childPseudonym: string;
  summary: string;
  incidentDate: DateParts;
  awareDate: DateParts;
  submittedDate: DateParts;
  outcome: string;
  abuseOrNeglect: string;
  lookedAfter: string;
  recipients: string[];
  reference: string;
};

const choices = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** The form's starting values: blank, or the notification as it is now. */
export function notificationValues(n?: NotificationDto): Values {
  return {
    childPseudonym: n?.childPseudonym ?? '',
    summary: n?.summary ?? '',
    incidentDate: n ? partsFromIso(n.incidentDate) : noDate,
    awareDate: n ? partsFromIso(n.awareDate) : noDate,
    submittedDate: partsFromIso(n?.submittedDate),
    outcome: n?.outcome ?? '',
    abuseOrNeglect: n?.abuseOrNeglect ?? '',
    lookedAfter: n ? (n.lookedAfter ? 'yes' : 'no') : '',
    recipients: n?.recipients ?? [],
    reference: n?.reference ?? '',
  };
}

type Props = {
  initial: Values;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  fieldErrors: Record<string, string> | undefined;
  onSubmit: (input: NotificationInput) => void;
  onInvalid: (error: ApiError) => void;
};

/** The questions about a serious incident notification. The child is named only by a pseudonym. */
export function NotificationForm({
  initial,
  submitLabel,
  cancelTo,
  pending,
  fieldErrors,
  onSubmit,
  onInvalid,
}: Props) {
  const [v, set] = useFormValues<Values>(initial);
  const e = fieldErrors ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates({
      incidentDate: { parts: v.incidentDate, label: intakeLabels.incidentDate },
      awareDate: { parts: v.awareDate, label: intakeLabels.awareDate },
      submittedDate: { parts: v.submittedDate, label: intakeLabels.submittedDate },
    });
    if ('error' in read) return onInvalid(read.error);
    onSubmit({
      childPseudonym: v.childPseudonym,
      summary: v.summary.trim() || null,
      ...read.dates,
      outcome: v.outcome || undefined,
      abuseOrNeglect: v.abuseOrNeglect || undefined,
      lookedAfter: v.lookedAfter ? v.lookedAfter === 'yes' : undefined,
      recipients: v.recipients,
      reference: v.reference.trim() || null,
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <TextField
        id="childPseudonym"
        label="Child’s pseudonym"
        hint="Use a pseudonym such as Child A. Never enter the child’s real name: this record is seen by people who do not need it."
        widthClass="govuk-input--width-20"
        value={v.childPseudonym}
        onChange={set('childPseudonym')}
        error={e.childPseudonym}
        autoComplete="off"
      />
      <TextareaField
        id="summary"
        label="Short summary (optional)"
        hint="What happened, in a few lines. Do not include names, addresses or anything else that identifies the child or family."
        value={v.summary}
        onChange={set('summary')}
        error={e.summary}
        rows={4}
      />
      <DateInputField
        id="incidentDate"
        legend="Date of the incident"
        hint="For example, 27 3 2026"
        value={v.incidentDate}
        onChange={set('incidentDate')}
        error={e.incidentDate}
      />
      <DateInputField
        id="awareDate"
        legend="Date the local authority became aware"
        hint="The notification is due 5 working days after this date. For example, 27 3 2026"
        value={v.awareDate}
        onChange={set('awareDate')}
        error={e.awareDate}
      />
      <RadiosField
        id="outcome"
        legend="What happened to the child"
        value={v.outcome}
        onChange={set('outcome')}
        choices={choices(incidentOutcomes)}
        error={e.outcome}
      />
      <RadiosField
        id="abuseOrNeglect"
        legend="Abuse or neglect"
        value={v.abuseOrNeglect}
        onChange={set('abuseOrNeglect')}
        choices={choices(abuseOrNeglectKinds)}
        error={e.abuseOrNeglect}
      />
      <RadiosField
        id="lookedAfter"
        legend="Was the child looked after by the local authority?"
        hint="The death of a looked-after child is notified whether or not abuse or neglect is suspected."
        value={v.lookedAfter}
        onChange={set('lookedAfter')}
        choices={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        error={e.lookedAfter}
        inline
      />
      <h2 className="govuk-heading-m">Sending the notification</h2>
      <DateInputField
        id="submittedDate"
        legend="Date the notification was sent (optional)"
        hint="Leave blank if it has not been sent yet. For example, 27 3 2026"
        value={v.submittedDate}
        onChange={set('submittedDate')}
        error={e.submittedDate}
      />
      <CheckboxesField
        id="recipients"
        legend="Who it was sent to"
        hint="The notification form goes to the Panel, Ofsted and the Department for Education together. Select all that apply."
        values={v.recipients}
        onChange={set('recipients')}
        small
        choices={choices(notificationRecipients)}
        error={e.recipients}
      />
      <TextField
        id="reference"
        label="Notification reference (optional)"
        hint="The reference the notification system gave, if there is one"
        widthClass="govuk-input--width-20"
        value={v.reference}
        onChange={set('reference')}
        error={e.reference}
        autoComplete="off"
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          {submitLabel}
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
