import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { intakeLabels } from '#domain/intake/intake.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { type DateParts, partsFromIso, readDates } from './dates.ts';
import { DecisionRadios } from './decision-radios.tsx';
import { intakePages, type RapidReviewDto, useChangeRapidReview } from './intake-api.ts';
import { useRapidReviewOfNotification } from './rapid-review-page.tsx';
import { type BannerState, useFormErrors } from './use-form-errors.ts';

const fieldIds = [
  'immediateActions',
  'learningIdentified',
  'decision',
  'decisionRationale',
  'decisionDate',
  'sentToPanelDate',
  'panelResponseDate',
  'panelAgrees',
  'panelResponse',
  'startedDate',
] as const;

type Values = {
  immediateActions: string;
  learningIdentified: string;
  decision: string;
  decisionRationale: string;
  decisionDate: DateParts;
  sentToPanelDate: DateParts;
  panelResponseDate: DateParts;
  panelAgrees: string;
  panelResponse: string;
};

const valuesOf = (r: RapidReviewDto): Values => ({
  immediateActions: r.immediateActions ?? '',
  learningIdentified: r.learningIdentified ?? '',
  decision: r.decision ?? '',
  decisionRationale: r.decisionRationale ?? '',
  decisionDate: partsFromIso(r.decisionDate),
  sentToPanelDate: partsFromIso(r.sentToPanelDate),
  panelResponseDate: partsFromIso(r.panelResponseDate),
  panelAgrees: r.panelAgrees === null ? '' : r.panelAgrees ? 'yes' : 'no',
  panelResponse: r.panelResponse ?? '',
});

/** Record a rapid review's progress: immediate actions, learning, the decision with its reasons, and the panel. */
export function ChangeRapidReviewPage() {
  const { pid, notificationId, review: r, error, missing } = useRapidReviewOfNotification();
  // The save lives here, not in the form: after a 409 the form reloads with the current details
  // and the server's message stays on show.
  const change = useChangeRapidReview(pid, r?.id ?? '');
  const errors = useFormErrors(change, fieldIds);
  if (error) return <QueryProblem error={error} />;
  if (missing) return <NotFoundPage />;
  if (!r) return <Loading />;
  if (!r.abilities.update)
    return <ForbiddenPage message="You do not have permission to change this rapid review." />;
  return (
    <RapidReviewForm
      key={`${r.id}:${r.version}`}
      r={r}
      back={intakePages.rapidReview(pid, notificationId)}
      change={change}
      errors={errors}
    />
  );
}

type FormProps = {
  r: RapidReviewDto;
  back: string;
  change: ReturnType<typeof useChangeRapidReview>;
  errors: ReturnType<typeof useFormErrors>;
};

function RapidReviewForm({ r, back, change, errors }: FormProps) {
  const navigate = useNavigate();
  const { problem, onInvalid, sending } = errors;
  const [v, set] = useFormValues<Values>(() => valuesOf(r));
  const e = problem?.fields ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates({
      decisionDate: { parts: v.decisionDate, label: intakeLabels.decisionDate },
      sentToPanelDate: { parts: v.sentToPanelDate, label: intakeLabels.sentToPanelDate },
      panelResponseDate: { parts: v.panelResponseDate, label: intakeLabels.panelResponseDate },
    });
    if ('error' in read) return onInvalid(read.error);
    sending();
    const text = (s: string) => s.trim() || null;
    change.mutate(
      {
        immediateActions: text(v.immediateActions),
        learningIdentified: text(v.learningIdentified),
        decision: v.decision || null,
        decisionRationale: text(v.decisionRationale),
        ...read.dates,
        panelAgrees: v.panelAgrees ? v.panelAgrees === 'yes' : null,
        panelResponse: text(v.panelResponse),
        version: r.version,
      },
      { onSuccess: () => navigate(back, { state: { banner: 'Rapid review saved' } satisfies BannerState }) },
    );
  };

  return (
    <Page
      title={[`Record progress: rapid review for ${r.childPseudonym}`]}
      heading="Record progress and the decision"
      caption={`Rapid review for ${r.childPseudonym}`}
      errors={problem?.items}
    >
      <form noValidate onSubmit={submit}>
        <TextareaField
          id="immediateActions"
          label="Immediate actions (optional)"
          hint="Action taken or needed now to keep children safe, and who is doing it"
          value={v.immediateActions}
          onChange={set('immediateActions')}
          error={e.immediateActions}
        />
        <TextareaField
          id="learningIdentified"
          label="Learning identified (optional)"
          hint="What the rapid review has learned so far about how agencies work together"
          value={v.learningIdentified}
          onChange={set('learningIdentified')}
          error={e.learningIdentified}
        />
        <DecisionRadios value={v.decision} onChange={set('decision')} error={e.decision}>
          <TextareaField
            id="decisionRationale"
            label="Reasons for the decision"
            hint="Why the partners reached this decision. Commissioning a review can copy these reasons."
            value={v.decisionRationale}
            onChange={set('decisionRationale')}
            error={e.decisionRationale}
          />
          <DateInputField
            id="decisionDate"
            legend="Date of the decision"
            hint="For example, 27 3 2026"
            value={v.decisionDate}
            onChange={set('decisionDate')}
            error={e.decisionDate}
          />
        </DecisionRadios>
        <h2 className="govuk-heading-m">Child Safeguarding Practice Review Panel</h2>
        <DateInputField
          id="sentToPanelDate"
          legend="Date the rapid review was sent to the panel (optional)"
          hint="Leave blank if it has not been sent yet. For example, 27 3 2026"
          value={v.sentToPanelDate}
          onChange={set('sentToPanelDate')}
          error={e.sentToPanelDate}
        />
        <DateInputField
          id="panelResponseDate"
          legend="Date of the panel’s reply (optional)"
          hint="For example, 27 3 2026"
          value={v.panelResponseDate}
          onChange={set('panelResponseDate')}
          error={e.panelResponseDate}
        />
        <RadiosField
          id="panelAgrees"
          legend="Did the panel agree with the decision?"
          value={v.panelAgrees}
          onChange={set('panelAgrees')}
          choices={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: '', label: 'No reply yet' },
          ]}
          error={e.panelAgrees}
        />
        <TextareaField
          id="panelResponse"
          label="What the panel said (optional)"
          value={v.panelResponse}
          onChange={set('panelResponse')}
          error={e.panelResponse}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={change.isPending}>
            Save
          </button>
          <Link className="govuk-link" to={back}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
