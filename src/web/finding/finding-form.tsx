import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ReportProblem } from '../analysis/episode-problems.ts';
import { useReportProblem } from '../analysis/episode-problems.ts';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type FindingDto, findingsPage, useCreateFinding, useUpdateFinding } from './api.ts';
import {
  BoardQuestionFields,
  type FieldKit,
  type FindingChoices,
  InThisCaseFields,
  PrevalenceFields,
  PriorityFields,
  RecommendationFields,
  WhyItMattersFields,
} from './finding-form-fields.tsx';
import {
  createBody,
  emptyValues,
  type FindingValues,
  findingChanges,
  findingFieldIds,
  findingValues,
  isStale,
  type LostWording,
  lostWording,
  type SentIndexes,
  sameValues,
  withFindingFields,
} from './finding-form-values.ts';
import { StatementFields } from './finding-statement-fields.tsx';
import './finding.scss';

export const staleMessage =
  'Someone else changed this finding while you were working on it. It has been reloaded with their changes. Anything you had not saved is shown under its field: copy back what you still need, then save again.';

type Props = {
  partnershipId: string;
  reviewId: string;
  /** The finding as saved; none for a new finding. */
  finding?: FindingDto | undefined;
  choices: FindingChoices;
  /** A saved change, for the page's banner. */
  onSaved: (message: string, after: FindingDto) => void;
  onProblem: ReportProblem;
  /** Loads the finding as it is now, after a save refused because someone else changed it. */
  reload?: () => Promise<FindingDto | undefined>;
};

/** What was sent, so the server's problems find their fields. */
type Sent = { indexes: SentIndexes; values: FindingValues };
const nothingSent: Sent = { indexes: { questions: [], recommendations: [] }, values: emptyValues() };

/**
 * The form for one finding, in the fixed block of a Learning Together finding: the statement and its
 * typology category, how it showed in this case, how we know it is not a quirk of this case, why it
 * matters, the issues for the board, any recommendations, its priority and the research questions it
 * answers. A saved finding sends only what changed, with the version the form began from.
 */
export function FindingForm({
  partnershipId,
  reviewId,
  finding,
  choices,
  onSaved,
  onProblem,
  reload,
}: Props) {
  const create = useCreateFinding(partnershipId, reviewId);
  const update = useUpdateFinding(partnershipId, reviewId, finding?.id ?? '');
  const save = finding ? update : create;
  const [start, setStart] = useState(() => (finding ? findingValues(finding) : emptyValues()));
  const [startVersion, setStartVersion] = useState(finding?.version ?? 0);
  const [values, setValues] = useState(start);
  const [lost, setLost] = useState<LostWording>({});
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const [sent, setSent] = useState<Sent>(nothingSent);
  const named = useMemo(() => withFindingFields(save.error, sent.indexes, sent.values), [save.error, sent]);
  const serverProblem = useFormProblem(named, findingFieldIds(sent.values));
  const problem = useMemo<FormProblem | null>(() => {
    if (checked) return checked;
    if (serverProblem && isStale(save.error)) return { ...serverProblem, items: [{ message: staleMessage }] };
    return serverProblem;
  }, [checked, serverProblem, save.error]);
  useReportProblem(onProblem, 'finding', problem);

  const begin = (f: FindingDto) => {
    const v = findingValues(f);
    setStart(v);
    setStartVersion(f.version);
    setValues(v);
  };
  // Someone else's change (or one made elsewhere on the page) shows at once if nothing is being written.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the finding resets the form
  useEffect(() => {
    if (finding && finding.version !== startVersion && sameValues(values, start)) begin(finding);
  }, [finding?.version]);

  const set =
    <K extends keyof FindingValues>(key: K) =>
    (value: FindingValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const submitted = values;
    if (!finding) {
      const { errors, body, sent: indexes } = createBody(values);
      const found = clientProblem(errors, findingFieldIds(values));
      setChecked(found);
      if (found) return;
      setSent({ indexes, values });
      create.mutate(body, { onSuccess: (after) => onSaved(`Finding ${after.number} has been added`, after) });
      return;
    }
    const { errors, changes, sent: indexes } = findingChanges(values, start);
    const found = clientProblem(errors, findingFieldIds(values));
    setChecked(found);
    if (found) return;
    update.reset();
    if (Object.keys(changes).length === 0) return onSaved('There were no changes to save', finding);
    // Changes elsewhere on the page (a status) move the version on without touching these fields:
    // the form then saves on the newest version. Otherwise it keeps the one it began from.
    const version = sameValues(findingValues(finding), start) ? finding.version : startVersion;
    setSent({ indexes, values });
    update.mutate(
      { ...changes, version },
      {
        onSuccess: (after) => {
          begin(after);
          setLost({});
          const reopened = after.status === 'emerging' && finding.status !== 'emerging';
          onSaved(
            reopened
              ? 'The finding has been saved. What it says has changed, so it is emerging again and needs to be agreed again.'
              : 'The finding has been saved',
            after,
          );
        },
        onError: async (error) => {
          if (!isStale(error) || !reload) return;
          const now = await reload();
          if (!now) return;
          setLost(lostWording(submitted, findingValues(now)));
          begin(now);
        },
      },
    );
  };

  const kit: FieldKit = {
    partnershipId,
    reviewId,
    finding,
    values,
    set,
    errors: problem?.fields ?? {},
    lost,
  };

  return (
    <form noValidate onSubmit={submit} aria-label={finding ? `Finding ${finding.number}` : 'New finding'}>
      {finding && finding.status !== 'emerging' ? (
        <div className="govuk-inset-text">
          This finding is {finding.statusLabel.toLowerCase()}. Changing what it says takes it back to
          emerging, to be agreed again.
        </div>
      ) : null}
      <StatementFields kit={kit} typology={choices.typology} />
      <InThisCaseFields kit={kit} episodes={choices.episodes} />
      <PrevalenceFields kit={kit} />
      <WhyItMattersFields kit={kit} />
      <BoardQuestionFields kit={kit} />
      <RecommendationFields kit={kit} />
      <PriorityFields kit={kit} researchQuestions={choices.researchQuestions} />
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button"
          disabled={save.isPending}
          aria-disabled={save.isPending}
        >
          {finding ? 'Save the finding' : 'Add the finding'}
        </button>
        <Link className="govuk-link" to={findingsPage(partnershipId, reviewId)}>
          {finding ? 'Back to the findings' : 'Cancel'}
        </Link>
      </div>
    </form>
  );
}
