import { type FormEvent, useMemo, useState } from 'react';
import { type CirculationAudience, circulationAudiences } from '#domain/report/report.ts';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, emptyDate, parseDateParts, todayIso } from '../review/dates.ts';
import { type ReportVersionDto, renamedFields, useCirculateVersion, type VersionRef } from './api.ts';
import { CirculationRound } from './circulation-round.tsx';

type Props = {
  versionRef: VersionRef;
  version: ReportVersionDto;
  readsDrafts: boolean;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** The rounds in which the version went out for comment, and the form to start another. */
export function Circulations({ versionRef, version: v, readsDrafts, onDone, onProblem }: Props) {
  if (v.circulations.length === 0 && !v.abilities.circulate) return null;
  return (
    <section aria-labelledby="circulation-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="circulation-heading">
        {readsDrafts ? 'Circulation for comment' : 'Your comments on this draft'}
      </h2>
      {v.circulations.length === 0 ? (
        <p className="govuk-body">This version has not been circulated yet.</p>
      ) : (
        <ul className="govuk-list" aria-label="Rounds of circulation">
          {v.circulations.map((round) => (
            <CirculationRound
              key={round.id}
              versionRef={versionRef}
              round={round}
              document={v.document}
              readsDrafts={readsDrafts}
              onDone={onDone}
              onProblem={onProblem}
            />
          ))}
        </ul>
      )}
      {v.abilities.circulate ? (
        <StartRoundForm versionRef={versionRef} onDone={onDone} onProblem={onProblem} />
      ) : null}
    </section>
  );
}

const audienceChoices = Object.entries(circulationAudiences).map(([value, label]) => ({ value, label }));
const ids = { audience: 'circulation-audience', closesOn: 'circulation-closes', note: 'circulation-note' };
const fieldIds = Object.values(ids);

type FormProps = Pick<Props, 'versionRef' | 'onDone' | 'onProblem'>;

/** Sends the version to an audience for comment, until a closing date. */
function StartRoundForm({ versionRef, onDone, onProblem }: FormProps) {
  const circulate = useCirculateVersion(versionRef);
  const [audience, setAudience] = useState('');
  const [closesOn, setClosesOn] = useState<DateParts>(emptyDate);
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => renamedFields(circulate.error, ids), [circulate.error]);
  const serverProblem = useFormProblem(named, fieldIds);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, 'circulate', problem);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (circulate.isPending) return;
    const date = parseDateParts(closesOn, 'the date comments close');
    const dateError = !date.ok
      ? date.message
      : !date.iso
        ? 'Enter the date comments close'
        : date.iso < todayIso()
          ? 'The date comments close must be today or in the future'
          : '';
    const found = clientProblem(
      { [ids.audience]: audience ? '' : 'Choose who the draft goes to', [ids.closesOn]: dateError },
      fieldIds,
    );
    setChecked(found);
    if (found || !date.ok || !date.iso) return;
    const label = circulationAudiences[audience as CirculationAudience];
    circulate.mutate(
      {
        audience: audience as CirculationAudience,
        closesOn: date.iso,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          setAudience('');
          setClosesOn(emptyDate);
          setNote('');
          onDone(`The version has been circulated to ${label.charAt(0).toLowerCase()}${label.slice(1)}`);
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="start-round-heading">
      <h3 className="govuk-heading-s" id="start-round-heading">
        Circulate this version
      </h3>
      <RadiosField
        id={ids.audience}
        legend="Who does the draft go to?"
        hint="They can read this version and comment on it until the round closes."
        value={audience}
        choices={audienceChoices}
        error={problem?.fields[ids.audience]}
        onChange={setAudience}
      />
      <DateInputField
        id={ids.closesOn}
        legend="When do comments close?"
        hint="For example, 27 3 2027"
        value={closesOn}
        error={problem?.fields[ids.closesOn]}
        onChange={setClosesOn}
      />
      <TextareaField
        id={ids.note}
        label="Note to readers (optional)"
        hint="For example, what you would like them to look at."
        rows={3}
        value={note}
        error={problem?.fields[ids.note]}
        onChange={setNote}
      />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        disabled={circulate.isPending}
        aria-disabled={circulate.isPending}
      >
        Circulate the version
      </button>
    </form>
  );
}
