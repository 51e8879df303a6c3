import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { defaultMethodology, type NarrativeKey, narrativeKeys } from '#domain/report/report.ts';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { LanguageCheckedField, type WritingKit } from '../analysis/language-checked-textarea.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { isStale, type ReportDto, renamedFields, useSaveNarrative } from './api.ts';

type Values = Record<NarrativeKey, string>;

export const staleNarrativeMessage =
  'Someone else saved the sections while you were working on them. They have been reloaded with their changes. Anything you had not saved is shown under its field: copy back what you still need, then save again.';

/** The written sections as the form holds them; the methodology starts from the standard text. */
function valuesOf(report: ReportDto): Values {
  const values = Object.fromEntries(narrativeKeys.map((k) => [k, ''])) as Values;
  for (const s of report.narrative) values[s.key] = s.text;
  if (!values.methodology.trim()) values.methodology = defaultMethodology;
  return values;
}

const same = (a: Values, b: Values) => narrativeKeys.every((k) => a[k] === b[k]);

/** Where the server's problems with a section land: "sections.caseSummary" is the field "caseSummary". */
const fieldIds = Object.fromEntries(narrativeKeys.map((k) => [`sections.${k}`, k]));

type Props = {
  partnershipId: string;
  reviewId: string;
  report: ReportDto;
  onSaved: (message: string) => void;
  onProblem: ReportProblem;
  /** Tells the page whether there are changes not saved yet, so a new version is not made without them. */
  onDirty: (dirty: boolean) => void;
  /** Loads the report as it is now, after a save refused because someone else saved first. */
  reload: () => Promise<ReportDto | undefined>;
};

/**
 * The sections of the report the lead reviewers write, each with the wording check the findings use.
 * Everything is saved together, with the draft version the form began from.
 */
export function NarrativeForm({
  partnershipId,
  reviewId,
  report,
  onSaved,
  onProblem,
  onDirty,
  reload,
}: Props) {
  const save = useSaveNarrative(partnershipId, reviewId);
  const [start, setStart] = useState(() => valuesOf(report));
  const [startVersion, setStartVersion] = useState(report.version);
  const [values, setValues] = useState(start);
  const [lost, setLost] = useState<Partial<Values>>({});
  const named = useMemo(() => renamedFields(save.error, fieldIds), [save.error]);
  const serverProblem = useFormProblem(named, narrativeKeys);
  const problem = useMemo<FormProblem | null>(
    () =>
      serverProblem && isStale(save.error)
        ? { ...serverProblem, items: [{ message: staleNarrativeMessage }] }
        : serverProblem,
    [serverProblem, save.error],
  );
  useReportProblem(onProblem, 'narrative', problem);
  const dirty = !same(values, start);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const begin = (r: ReportDto) => {
    const v = valuesOf(r);
    setStart(v);
    setStartVersion(r.version);
    setValues(v);
  };
  // Someone else's saved change shows at once if nothing is being written here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new draft version resets the form
  useEffect(() => {
    if (report.version !== startVersion && !dirty) begin(report);
  }, [report.version]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const submitted = values;
    save.mutate(
      { version: startVersion, sections: values },
      {
        onSuccess: (after) => {
          begin(after);
          setLost({});
          onSaved('The sections have been saved');
        },
        onError: async (error) => {
          if (!isStale(error)) return;
          const now = await reload();
          if (!now) return;
          const current = valuesOf(now);
          setLost(
            Object.fromEntries(
              narrativeKeys
                .filter((k) => submitted[k].trim() && submitted[k] !== current[k])
                .map((k) => [k, submitted[k]]),
            ),
          );
          begin(now);
        },
      },
    );
  };

  const kit: WritingKit<NarrativeKey> = {
    partnershipId,
    reviewId,
    values,
    set: (field) => (value) => setValues((v) => ({ ...v, [field]: value })),
    errors: problem?.fields ?? {},
    lost,
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="narrative-heading">
      <h2 className="govuk-heading-l" id="narrative-heading">
        The sections you write
      </h2>
      <p className="govuk-body">
        Everything else in the report is made from the review’s records: the episodes, the findings, the
        research questions and the people who took part. Use the pseudonyms; names in the register are
        replaced when a version is made, and practitioners are shown by their role.
      </p>
      {report.updatedAt ? (
        <p className="govuk-body-s">
          Last saved{report.updatedByName ? ` by ${report.updatedByName}` : ''} on{' '}
          {formatDateTime(report.updatedAt)}.
        </p>
      ) : null}
      {report.narrative.map((s) => (
        <LanguageCheckedField
          key={s.key}
          kit={kit}
          field={s.key}
          label={s.title}
          labelSize="m"
          hint={s.hint}
          rows={8}
        />
      ))}
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button"
          disabled={save.isPending}
          aria-disabled={save.isPending}
        >
          Save the sections
        </button>
      </div>
    </form>
  );
}
