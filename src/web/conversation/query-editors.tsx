import { SingleCheckbox } from '../components/checkboxes-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { type FollowUpValues, newKey, type QueryValues } from './form-values.ts';
import { type ListProps, RemoveButton, replace, without } from './list-editors.tsx';

/** Queries from the overview perspective, with the person's response. */
export function QueriesEditor({ items, onChange, errors }: ListProps<QueryValues>) {
  return (
    <>
      {items.map((q, i) => {
        const id = `content.overviewQueries.${i}`;
        const set = (patch: Partial<QueryValues>) => onChange(replace(items, i, { ...q, ...patch }));
        return (
          <fieldset className="govuk-fieldset app-conversation-item" key={q.key}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Query {i + 1}</legend>
            <TextareaField
              id={`${id}.query`}
              label="The query"
              rows={3}
              value={q.query}
              error={errors[`${id}.query`]}
              onChange={(query) => set({ query })}
            />
            <TextareaField
              id={`${id}.response`}
              label="Their response"
              rows={3}
              value={q.response}
              error={errors[`${id}.response`]}
              onChange={(response) => set({ response })}
            />
            <RemoveButton what={`query ${i + 1}`} onClick={() => onChange(without(items, i))} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...items, { key: newKey(), query: '', response: '' }])}
      >
        Add a query
      </button>
    </>
  );
}

/** Questions to follow up after the conversation, and their answers. */
export function FollowUpsEditor({ items, onChange, errors }: ListProps<FollowUpValues>) {
  return (
    <>
      {items.map((q, i) => {
        const id = `followUpQuestions.${i}`;
        const set = (patch: Partial<FollowUpValues>) => onChange(replace(items, i, { ...q, ...patch }));
        return (
          <fieldset className="govuk-fieldset app-conversation-item" key={q.key}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              Follow-up question {i + 1}
            </legend>
            <TextareaField
              id={`${id}.question`}
              label="Question"
              rows={2}
              value={q.question}
              error={errors[`${id}.question`]}
              onChange={(question) => set({ question })}
            />
            <div className="govuk-form-group">
              <SingleCheckbox
                id={`${id}.answered`}
                label="Answered"
                checked={q.answered}
                onChange={(answered) => set({ answered })}
              />
            </div>
            {q.answered ? (
              <TextareaField
                id={`${id}.answer`}
                label="Answer"
                rows={3}
                value={q.answer}
                error={errors[`${id}.answer`]}
                onChange={(answer) => set({ answer })}
              />
            ) : null}
            <RemoveButton what={`follow-up question ${i + 1}`} onClick={() => onChange(without(items, i))} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...items, { key: newKey(), question: '', answered: false, answer: '' }])}
      >
        Add a follow-up question
      </button>
    </>
  );
}
