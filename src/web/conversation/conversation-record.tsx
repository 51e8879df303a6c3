import type { ReactNode } from 'react';
import { byRank, type LocalRationality } from '#domain/conversation/conversation.ts';
import { factorGroups } from '#domain/conversation/factors.ts';
import { formatDate } from '../review/dates.ts';
import type { ConversationDto } from './api.ts';

const Text = ({ value, empty = 'Nothing recorded' }: { value: string; empty?: string }) =>
  value.trim() ? (
    <p className="govuk-body app-conversation-text">{value}</p>
  ) : (
    <p className="govuk-body govuk-hint">{empty}</p>
  );

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="govuk-!-margin-bottom-7">
      <h2 className="govuk-heading-m">{title}</h2>
      {children}
    </section>
  );
}

const rationalityRows: [keyof LocalRationality, string][] = [
  ['whatWasHappening', 'What they thought was happening'],
  ['whatCaughtAttention', 'What caught their attention'],
  ['competingConcerns', 'Competing concerns'],
  ['hopedToAchieve', 'What they hoped to achieve'],
  ['optionsSeen', 'The options they saw'],
];

function Rationality({ value }: { value: LocalRationality | undefined }) {
  const rows = rationalityRows.filter(([k]) => value?.[k]?.trim());
  if (!value || rows.length === 0) return <p className="govuk-body govuk-hint">Nothing recorded</p>;
  return (
    <dl className="govuk-summary-list">
      {rows.map(([k, label]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{label}</dt>
          <dd className="govuk-summary-list__value app-conversation-text">{value[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The details of a conversation: when, who held it, consent and recording. */
export function ConversationDetails({ c }: { c: ConversationDto }) {
  const rows: [string, string][] = [
    ['Conversation with', `${c.participant.name} (${c.participant.roleLabel.toLowerCase()})`],
    ['Held on', c.heldOn ? formatDate(c.heldOn) : 'Not given'],
    ['Held by', c.conductedBy.map((p) => p.name).join(', ') || 'Not given'],
    ['Consent given', c.consentGiven ? 'Yes' : 'No'],
    ['Audio recorded', c.audioRecorded ? 'Yes' : 'No'],
  ];
  return (
    <dl className="govuk-summary-list">
      {rows.map(([k, v]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{k}</dt>
          <dd className="govuk-summary-list__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The record of a conversation, section by section. */
export function ConversationRecord({ c }: { c: ConversationDto }) {
  const content = c.content;
  return (
    <>
      <Section title="Role and involvement">
        <Text value={content.roleAndInvolvement} />
      </Section>
      <Section title="Turning points">
        {content.turningPoints.length === 0 ? <p className="govuk-body govuk-hint">None recorded</p> : null}
        {content.turningPoints.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list that never reorders
          <div key={`${i}-${t.title}`} className="app-conversation-item">
            <h3 className="govuk-heading-s">
              {i + 1}. {t.title}
              {t.when ? <span className="govuk-caption-m">{t.when}</span> : null}
            </h3>
            <Text value={t.description} />
            <h4 className="govuk-heading-s">How it looked at the time</h4>
            <Rationality value={t.localRationality} />
          </div>
        ))}
      </Section>
      <Section title="How it looked at the time, overall">
        <Rationality value={content.localRationality} />
      </Section>
      <Section title="Contributory factors">
        {content.contributoryFactors.length === 0 ? (
          <p className="govuk-body govuk-hint">None recorded</p>
        ) : (
          <ol className="govuk-list govuk-list--number">
            {byRank(content.contributoryFactors).map((f) => (
              <li key={f.rank}>
                <strong>{factorGroups[f.group].label}</strong>
                {f.factorType ? `: ${f.factorType}` : ''}
                <p className="govuk-body app-conversation-text">{f.description}</p>
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title="What went well">
        <Text value={content.wentWell} />
      </Section>
      <Section title="Queries from the overview perspective">
        {content.overviewQueries.length === 0 ? <p className="govuk-body govuk-hint">None recorded</p> : null}
        {content.overviewQueries.map((q, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list that never reorders
          <div key={`${i}-${q.query}`} className="app-conversation-item">
            <h3 className="govuk-heading-s">Query {i + 1}</h3>
            <Text value={q.query} />
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Response</p>
            <Text value={q.response} empty="No response recorded" />
          </div>
        ))}
      </Section>
      <Section title="Suggested changes">
        <Text value={content.suggestedChanges} />
      </Section>
      <Section title="Follow-up questions">
        {c.followUpQuestions.length === 0 ? <p className="govuk-body govuk-hint">None</p> : null}
        <ul className="govuk-list">
          {c.followUpQuestions.map((q, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list that never reorders
            <li key={`${i}-${q.question}`}>
              <strong>{q.question}</strong>
              <p className="govuk-body app-conversation-text">{q.answered ? q.answer : 'Not answered yet'}</p>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
