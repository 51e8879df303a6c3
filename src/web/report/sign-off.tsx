import { type FormEvent, useMemo, useState } from 'react';
import { type SignOffOutcome, signOffOutcomes } from '#domain/report/report.ts';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { type ReportVersionDto, renamedFields, useSignOffVersion, type VersionRef } from './api.ts';
import { SignOffTag } from './report-bits.tsx';

type Props = {
  versionRef: VersionRef;
  version: ReportVersionDto;
  /** The steps of the review's sign-off chain, in order, where known. */
  chain: string[] | undefined;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** The sign-off chain of the version: each step with its recorded outcome, and the form to record the next. */
export function SignOff({ versionRef, version: v, chain, onDone, onProblem }: Props) {
  const steps = stepsOf(v, chain);
  return (
    <section aria-labelledby="sign-off-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="sign-off-heading">
        Sign-off
      </h2>
      <p className="govuk-body">
        <SignOffTag status={v.signOffStatus} label={v.signOffStatusLabel} />
      </p>
      {v.signOffStatus === 'changes_requested' ? (
        <p className="govuk-body">
          Changes were requested, so the sign-off of this version stops here. Make the changes and generate a
          new version: its sign-off starts again from the first step.
        </p>
      ) : null}
      <ol className="govuk-list" aria-label="Steps of the sign-off chain">
        {steps.map((s) => (
          <li key={s.step} className="app-report-round">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              {s.step + 1}. {s.label}
            </h3>
            {s.recorded ? (
              <>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  <strong
                    className={`govuk-tag ${s.recorded.outcome === 'approved' ? 'govuk-tag--green' : 'govuk-tag--orange'}`}
                  >
                    {s.recorded.outcomeLabel}
                  </strong>
                  {s.recorded.byName ? ` by ${s.recorded.byName}` : ''}, {formatDateTime(s.recorded.at)}
                </p>
                {s.recorded.note ? <p className="govuk-body app-report-text">{s.recorded.note}</p> : null}
              </>
            ) : (
              <p className="govuk-body-s">
                <strong className="govuk-tag govuk-tag--grey">
                  {v.nextSignOffStep?.step === s.step ? 'Next' : 'Not reached'}
                </strong>
              </p>
            )}
          </li>
        ))}
      </ol>
      {v.abilities.signOff && v.nextSignOffStep ? (
        <RecordStep versionRef={versionRef} next={v.nextSignOffStep} onDone={onDone} onProblem={onProblem} />
      ) : null}
    </section>
  );
}

type Step = { step: number; label: string; recorded: ReportVersionDto['signOffs'][number] | undefined };

/** Every step of the chain, with what was recorded at it. */
function stepsOf(v: ReportVersionDto, chain: string[] | undefined): Step[] {
  const labels = new Map<number, string>((chain ?? []).map((label, step) => [step, label]));
  for (const s of v.signOffs) if (!labels.has(s.step)) labels.set(s.step, s.stepLabel);
  if (v.nextSignOffStep && !labels.has(v.nextSignOffStep.step))
    labels.set(v.nextSignOffStep.step, v.nextSignOffStep.label);
  return [...labels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, label]) => ({ step, label, recorded: v.signOffs.find((s) => s.step === step) }));
}

const outcomeChoices = Object.entries(signOffOutcomes).map(([value, label]) => ({ value, label }));
const ids = { outcome: 'sign-off-outcome', note: 'sign-off-note' };

type RecordProps = Pick<Props, 'versionRef' | 'onDone' | 'onProblem'> & {
  next: { step: number; label: string };
};

/** Records the outcome of the next step of the chain. */
function RecordStep({ versionRef, next, onDone, onProblem }: RecordProps) {
  const signOff = useSignOffVersion(versionRef);
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => renamedFields(signOff.error, ids), [signOff.error]);
  const serverProblem = useFormProblem(named, Object.values(ids));
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, 'sign-off', problem);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signOff.isPending) return;
    const found = clientProblem(
      {
        [ids.outcome]: outcome ? '' : 'Choose approved or changes requested',
        [ids.note]: outcome === 'changes_requested' && !note.trim() ? 'Say what needs to change' : '',
      },
      Object.values(ids),
    );
    setChecked(found);
    if (found) return;
    signOff.mutate(
      { step: next.step, outcome: outcome as SignOffOutcome, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setOutcome('');
          setNote('');
          onDone(`The outcome of step ${next.step + 1} (${next.label}) has been recorded`);
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="record-step-heading">
      <h3 className="govuk-heading-s" id="record-step-heading">
        Record the outcome for step {next.step + 1}: {next.label}
      </h3>
      <RadiosField
        id={ids.outcome}
        legend={`Outcome of step ${next.step + 1}: ${next.label}`}
        value={outcome}
        choices={outcomeChoices}
        error={problem?.fields[ids.outcome]}
        onChange={setOutcome}
      />
      <TextareaField
        id={ids.note}
        label="Note"
        hint="Needed if changes are requested: say what needs to change."
        rows={3}
        value={note}
        error={problem?.fields[ids.note]}
        onChange={setNote}
      />
      <button
        type="submit"
        className="govuk-button"
        disabled={signOff.isPending}
        aria-disabled={signOff.isPending}
      >
        Record the outcome
      </button>
    </form>
  );
}
