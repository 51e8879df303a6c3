import type { FormEvent, ReactNode } from 'react';
import { useFormValues } from '../components/use-form-values.ts';
import './conversation.scss';
import { Link } from 'react-router';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { SelectField } from '../components/form-fields.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import type { ConversationValues } from './form-values.ts';
import { FactorsEditor, RationalityFields, TurningPointsEditor } from './list-editors.tsx';
import { FollowUpsEditor, QueriesEditor } from './query-editors.tsx';

type Person = { id: string; name: string; roleLabel: string };

type Props = {
  initial: ConversationValues;
  /** Those the conversation may be with; null when the record's person is already fixed. */
  participants: Person[] | null;
  conductors: Person[];
  errors: Record<string, string>;
  pending: boolean;
  cancelTo: string;
  onSubmit: (values: ConversationValues) => void;
};

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m">{title}</h2>
      {hint ? <p className="govuk-body govuk-hint">{hint}</p> : null}
      {children}
    </section>
  );
}

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The structured record of a conversation, section by section as the method sets it out. */
export function ConversationForm({
  initial,
  participants,
  conductors,
  errors,
  pending,
  cancelTo,
  onSubmit,
}: Props) {
  const [v, set] = useFormValues<ConversationValues>(initial);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(v);
  };
  return (
    <form noValidate onSubmit={submit}>
      <Section title="About the conversation">
        {participants ? (
          <SelectField
            id="participantId"
            label="Who was the conversation with?"
            hint="Members of the case group and family in this review"
            value={v.participantId}
            error={errors.participantId}
            emptyLabel="Select a person"
            choices={participants.map((p) => ({
              value: p.id,
              label: `${p.name} (${p.roleLabel.toLowerCase()})`,
            }))}
            onChange={set('participantId')}
          />
        ) : null}
        <DateInputField
          id="heldOn"
          legend="When was it held?"
          hint="For example, 27 3 2026"
          value={v.heldOn}
          error={errors.heldOn}
          onChange={set('heldOn')}
          spellCheck={false}
        />
        {conductors.length > 0 ? (
          <CheckboxesField
            id="conductedBy"
            legend="Who held the conversation?"
            values={v.conductedBy}
            error={errors.conductedBy}
            choices={conductors.map((p) => ({
              value: p.id,
              label: `${p.name} (${p.roleLabel.toLowerCase()})`,
            }))}
            onChange={set('conductedBy')}
          />
        ) : null}
        <RadiosField
          id="consentGiven"
          legend="Did they give their consent?"
          hint="To the conversation and to this record being used in the review"
          value={v.consentGiven}
          error={errors.consentGiven}
          choices={yesNo}
          inline
          onChange={(x) => set('consentGiven')(x as ConversationValues['consentGiven'])}
        />
        <RadiosField
          id="audioRecorded"
          legend="Was it audio recorded?"
          hint="Only with their consent"
          value={v.audioRecorded}
          error={errors.audioRecorded}
          choices={yesNo}
          inline
          onChange={(x) => set('audioRecorded')(x as ConversationValues['audioRecorded'])}
        />
      </Section>
      <Section title="Their role and involvement">
        <TextareaField
          id="content.roleAndInvolvement"
          label="Their role and involvement with the family"
          value={v.roleAndInvolvement}
          error={errors['content.roleAndInvolvement']}
          onChange={set('roleAndInvolvement')}
        />
      </Section>
      <Section
        title="Turning points"
        hint="The moments they see as crucial, where decisions or actions set the direction of the case. These are candidate key practice episodes."
      >
        <TurningPointsEditor items={v.turningPoints} errors={errors} onChange={set('turningPoints')} />
      </Section>
      <Section
        title="How it looked at the time, overall"
        hint="Anything about their thinking at the time that does not belong to one turning point."
      >
        <RationalityFields
          idPrefix="content.localRationality"
          value={v.overall}
          errors={errors}
          onChange={set('overall')}
        />
      </Section>
      <Section
        title="Contributory factors"
        hint="What most influenced what they thought and did, most significant first. Use ‘Move up’ and ‘Move down’ to change the order."
      >
        <FactorsEditor items={v.factors} errors={errors} onChange={set('factors')} />
      </Section>
      <Section title="What went well">
        <TextareaField
          id="content.wentWell"
          label="What went well, and what made it possible"
          value={v.wentWell}
          error={errors['content.wentWell']}
          onChange={set('wentWell')}
        />
      </Section>
      <Section
        title="Queries from the overview perspective"
        hint="Where the reviewers’ view across agencies differs from theirs."
      >
        <QueriesEditor items={v.queries} errors={errors} onChange={set('queries')} />
      </Section>
      <Section title="Suggested changes">
        <TextareaField
          id="content.suggestedChanges"
          label="Changes they suggest"
          value={v.suggestedChanges}
          error={errors['content.suggestedChanges']}
          onChange={set('suggestedChanges')}
        />
      </Section>
      <Section title="Follow-up questions">
        <FollowUpsEditor items={v.followUps} errors={errors} onChange={set('followUps')} />
      </Section>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          Save conversation
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
