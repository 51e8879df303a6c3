import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { type Answer, answers as answerLabels, type Rating } from '#domain/quality/quality.ts';
import { SingleCheckbox } from '../components/checkboxes-field.tsx';
import { ErrorMessage } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import type { AssessMarkerBody, MarkerAssessmentDto } from './api.ts';
import { assessedInWords, RatingTag, ratingMeanings } from './quality-bits.tsx';

/** The ids of the form's questions, which are also the paths of the server's field errors. */
export const markerFieldIds = ['answers', 'acceptedEvidenceKeys', 'evidence', 'rating'];

/** The id of a self-assessment question: the first takes the id the server's errors name. */
const questionId = (index: number) => (index === 0 ? 'answers' : `answers-q${index + 1}`);
/** The id of an evidence item's checkbox: the first takes the id the server's errors name. */
const evidenceId = (index: number) => (index === 0 ? 'acceptedEvidenceKeys' : `evidence-item-${index + 1}`);

type Values = { answers: (Answer | '')[]; accepted: string[]; evidence: string; rating: Rating | '' };

const answerChoices = (Object.keys(answerLabels) as Answer[]).map((a) => ({
  value: a,
  label: answerLabels[a],
}));
const ratingChoices = [
  ...(['green', 'amber', 'red'] as Rating[]).map((r) => ({
    value: r,
    label: ratingMeanings[r].label,
    hint: ratingMeanings[r].hint,
  })),
  { value: '', label: 'Not rated yet', hint: 'Save your answers now and rate the marker later' },
];

type Props = {
  /** The marker as it is now: after someone else's change, its newer version. */
  marker: MarkerAssessmentDto;
  /** The version the form's values came from. */
  startedFrom: number;
  pending: boolean;
  problem: FormProblem | null;
  onSubmit: (body: AssessMarkerBody) => void;
};

/**
 * The self-assessment of one marker: an answer to each question, the evidence Sightlines already
 * holds (each to use or not), the written evidence and the rating. The save is based on the
 * version now shown, so after a refusal what was typed is kept and can be sent again.
 */
export function MarkerForm({ marker, startedFrom, pending, problem, onSubmit }: Props) {
  const [values, set, setValues] = useFormValues<Values>(() => ({
    answers: marker.questions.map((q) => q.answer ?? ''),
    accepted: marker.acceptedEvidenceKeys,
    evidence: marker.evidence,
    rating: marker.rating ?? '',
  }));
  const fields = problem?.fields ?? {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({
      version: marker.version,
      rating: values.rating || null,
      answers: values.answers.map((a) => a || null),
      evidence: values.evidence,
      acceptedEvidenceKeys: marker.autoEvidence
        .map((e) => e.key)
        .filter((key) => values.accepted.includes(key)),
    });
  };
  const answer = (index: number) => (value: string) =>
    setValues((v) => ({ ...v, answers: v.answers.map((a, i) => (i === index ? (value as Answer) : a)) }));
  const toggle = (key: string) => (checked: boolean) =>
    setValues((v) => ({
      ...v,
      accepted: checked ? [...v.accepted, key] : v.accepted.filter((k) => k !== key),
    }));

  return (
    <form noValidate onSubmit={submit} aria-label={`Assess marker ${marker.number}`}>
      {marker.version !== startedFrom ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Someone else has saved this marker since you opened it:{' '}
            {assessedInWords(marker.assessedByName, marker.assessedAt, formatDateTime).toLowerCase()}, rated{' '}
            {marker.ratingLabel ?? 'not rated'}. Your answers are still below. Saving them replaces theirs.
          </strong>
        </div>
      ) : null}
      <h2 className="govuk-heading-m">Self-assessment questions</h2>
      {marker.questions.map((q, index) => (
        <RadiosField
          key={q.text}
          id={questionId(index)}
          legend={q.text}
          value={values.answers[index] ?? ''}
          onChange={answer(index)}
          choices={answerChoices}
          error={index === 0 ? fields.answers : undefined}
          inline
        />
      ))}
      <AutoEvidence
        marker={marker}
        accepted={values.accepted}
        onToggle={toggle}
        error={fields.acceptedEvidenceKeys}
      />
      <TextareaField
        id="evidence"
        label="Evidence"
        labelSize="m"
        hint="What shows the marker is met, or why it is not: meetings, documents, decisions, dates"
        value={values.evidence}
        onChange={set('evidence')}
        error={fields.evidence}
        rows={6}
      />
      <RadiosField
        id="rating"
        legend="Rating"
        hint="Your judgement of the review against the marker as a whole"
        value={values.rating}
        onChange={(v) => set('rating')(v as Rating | '')}
        choices={ratingChoices}
        error={fields.rating}
      />
      <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
        Save the assessment
      </button>
    </form>
  );
}

type EvidenceProps = {
  marker: MarkerAssessmentDto;
  accepted: string[];
  onToggle: (key: string) => (checked: boolean) => void;
  error: string | undefined;
};

/** What Sightlines already holds that bears on the marker, each with where to see it and a checkbox to use it. */
function AutoEvidence({ marker, accepted, onToggle, error }: EvidenceProps) {
  if (marker.autoEvidence.length === 0) return null;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby="auto-evidence-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">What Sightlines already holds</h2>
        </legend>
        <div id="auto-evidence-hint" className="govuk-hint">
          Choose what to rely on as evidence for this marker.
        </div>
        {error ? <ErrorMessage id="acceptedEvidenceKeys-error">{error}</ErrorMessage> : null}
        {marker.autoEvidence.map((item, index) => (
          <div className="govuk-!-margin-bottom-6" key={item.key}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{item.label}</h3>
            <p className="govuk-body govuk-!-margin-bottom-1">{item.detail}</p>
            <p className="govuk-body-s govuk-!-margin-bottom-2">
              {item.supports === true ? 'This suggests the marker is met. ' : null}
              {item.supports === false ? 'This suggests the marker is not met yet. ' : null}
              {item.href ? (
                <Link className="govuk-link" to={item.href}>
                  See where this is recorded<span className="govuk-visually-hidden">: {item.label}</span>
                </Link>
              ) : null}
            </p>
            <SingleCheckbox
              id={evidenceId(index)}
              name="acceptedEvidenceKeys"
              label={
                <>
                  Use this as evidence<span className="govuk-visually-hidden">: {item.label}</span>
                </>
              }
              checked={accepted.includes(item.key)}
              onChange={onToggle(item.key)}
            />
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** The assessment to read, for those who see it but do not assess it. */
export function MarkerRecord({ marker }: { marker: MarkerAssessmentDto }) {
  const used = marker.autoEvidence.filter((e) => marker.acceptedEvidenceKeys.includes(e.key));
  return (
    <dl className="govuk-summary-list">
      {marker.questions.map((q) => (
        <div className="govuk-summary-list__row" key={q.text}>
          <dt className="govuk-summary-list__key">{q.text}</dt>
          <dd className="govuk-summary-list__value">{q.answer ? answerLabels[q.answer] : 'Not answered'}</dd>
        </div>
      ))}
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Evidence Sightlines holds</dt>
        <dd className="govuk-summary-list__value">
          {used.length === 0 ? (
            'None relied on'
          ) : (
            <ul className="govuk-list">
              {used.map((e) => (
                <li key={e.key}>
                  {e.label}: {e.detail}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Evidence</dt>
        <dd className="govuk-summary-list__value app-quality-text">{marker.evidence || 'None written'}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Rating</dt>
        <dd className="govuk-summary-list__value">
          <RatingTag rating={marker.rating} />
        </dd>
      </div>
    </dl>
  );
}
