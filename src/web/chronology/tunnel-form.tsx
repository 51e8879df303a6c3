import { type FormEvent, useState } from 'react';
import { DateInputField } from '../components/date-input-field.tsx';
import { type Choice, describedBy, ErrorMessage, SelectField } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, parseDateParts, partsFromIso } from '../review/dates.ts';

export type TunnelChoice = {
  who: 'agency' | 'person';
  agencyId: string;
  participantId: string;
  asOf: string;
};

type Props = {
  initial: Partial<TunnelChoice>;
  agencies: Choice[];
  people: Choice[];
  problem: FormProblem | null;
  onProblem: (problem: FormProblem | null) => void;
  onSubmit: (choice: TunnelChoice) => void;
};

const fieldIds = ['who', 'agencyId', 'participantId', 'asOf'];

/** Chooses whose view to take (an agency, or a person through their agency) and the date to look from. */
export function TunnelForm({ initial, agencies, people, problem, onProblem, onSubmit }: Props) {
  const [who, setWho] = useState<'' | 'agency' | 'person'>(initial.who ?? '');
  const [agencyId, setAgencyId] = useState(initial.agencyId ?? '');
  const [participantId, setParticipantId] = useState(initial.participantId ?? '');
  const [asOf, setAsOf] = useState<DateParts>(partsFromIso(initial.asOf));
  const fields = problem?.fields ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const date = parseDateParts(asOf, 'the date');
    const found = clientProblem(
      {
        who: who ? '' : 'Select whether to look from an agency or a person',
        agencyId: who === 'agency' && !agencyId ? 'Select an agency' : '',
        participantId: who === 'person' && !participantId ? 'Select a person' : '',
        asOf: !date.ok ? date.message : date.iso ? '' : 'Enter the date to look from',
      },
      fieldIds,
    );
    onProblem(found);
    if (found || !who || !date.ok || !date.iso) return;
    onSubmit({ who, agencyId, participantId, asOf: date.iso });
  };

  const options = [
    {
      value: 'agency' as const,
      label: 'An agency',
      reveal: (
        <SelectField
          id="agencyId"
          label="Agency"
          emptyLabel="Select an agency"
          value={agencyId}
          onChange={setAgencyId}
          choices={agencies}
          error={fields.agencyId}
        />
      ),
    },
    {
      value: 'person' as const,
      label: 'A person in the review',
      reveal: (
        <SelectField
          id="participantId"
          label="Person"
          hint="They see what their agency knew"
          emptyLabel="Select a person"
          value={participantId}
          onChange={setParticipantId}
          choices={people}
          error={fields.participantId}
        />
      ),
    },
  ];

  return (
    <form noValidate onSubmit={submit}>
      <div className={`govuk-form-group${fields.who ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby={describedBy('who', false, fields.who)}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Whose view?</legend>
          {fields.who ? <ErrorMessage id="who-error">{fields.who}</ErrorMessage> : null}
          <div className="govuk-radios">
            {options.map((o, i) => {
              const id = i === 0 ? 'who' : `who-${i + 1}`;
              return (
                <div key={o.value}>
                  <div className="govuk-radios__item">
                    <input
                      className="govuk-radios__input"
                      id={id}
                      name="who"
                      type="radio"
                      value={o.value}
                      checked={who === o.value}
                      onChange={() => setWho(o.value)}
                      aria-controls={who === o.value ? `${id}-conditional` : undefined}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={id}>
                      {o.label}
                    </label>
                  </div>
                  {who === o.value ? (
                    <div className="govuk-radios__conditional" id={`${id}-conditional`}>
                      {o.reveal}
                    </div>
                  ) : null}
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <DateInputField
        id="asOf"
        legend="Date"
        hint="See only what they knew by the end of this day. For example, 27 3 2026"
        value={asOf}
        onChange={setAsOf}
        error={fields.asOf}
        spellCheck={false}
      />
      <button type="submit" className="govuk-button">
        Show what they knew
      </button>
    </form>
  );
}
