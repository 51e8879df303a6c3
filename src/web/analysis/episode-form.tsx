import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CheckedEpisodeField } from '#domain/analysis/episode.ts';
import { SingleCheckbox } from '../components/checkboxes-field.tsx';
import type { Choice } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { clientProblem } from '../review/client-problem.ts';
import { analysisPage, type EpisodeDto, type ReviewReferenceDto, useUpdateEpisode } from './api.ts';
import { EpisodeEvents, EvidenceList } from './episode-evidence.tsx';
import {
  AboutFields,
  AppraisalFields,
  type FieldKit,
  HindsightFields,
  RationalityFields,
  WrittenSection,
} from './episode-form-fields.tsx';
import {
  type EpisodeValues,
  episodeChanges,
  episodeFieldIds,
  episodeValues,
  isStale,
  sameValues,
  type WrittenField,
  withEpisodeFields,
  writtenFields,
} from './episode-form-values.ts';
import { type ReportProblem, useReportProblem } from './episode-problems.ts';

export const staleMessage =
  'Someone else changed this episode while you were working on it. It has been reloaded with their changes. Anything you had not saved is shown under its field: copy back what you still need, then save again.';

type Props = {
  partnershipId: string;
  reviewId: string;
  episode: EpisodeDto;
  reference: ReviewReferenceDto | undefined;
  agencyChoices: Choice[];
  /** Whether the person may see the narrative, and so the view from the tunnel. */
  showTunnel: boolean;
  onSaved: (message: string) => void;
  onProblem: ReportProblem;
  /** Loads the episode as it is now, after a save refused because someone else changed it. */
  reload: () => Promise<EpisodeDto | undefined>;
};

/** What the person had written that the reload replaced, field by field. */
function lostWording(submitted: EpisodeValues, now: EpisodeValues) {
  const lost: Partial<Record<WrittenField, string>> = {};
  for (const f of writtenFields) if (submitted[f].trim() && submitted[f] !== now[f]) lost[f] = submitted[f];
  return lost;
}

/**
 * The reviewers' form for one key practice episode: what happened, how it looked at the time, the
 * appraisal (with the view from the tunnel beside it), what hindsight shows (kept apart), what went
 * well, queries, and the events it is made from. Saves only what changed, with the version it began from.
 */
export function EpisodeForm(props: Props) {
  const { partnershipId, reviewId, episode, onSaved, onProblem, reload } = props;
  const update = useUpdateEpisode(partnershipId, reviewId, episode.id);
  const [start, setStart] = useState(() => episodeValues(episode));
  const [startVersion, setStartVersion] = useState(episode.version);
  const [values, setValues] = useState(start);
  const [lost, setLost] = useState<Partial<Record<WrittenField, string>>>({});
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => withEpisodeFields(update.error), [update.error]);
  const serverProblem = useFormProblem(named, episodeFieldIds);
  const problem = useMemo<FormProblem | null>(() => {
    if (checked) return checked;
    if (serverProblem && isStale(update.error))
      return { ...serverProblem, items: [{ message: staleMessage }] };
    return serverProblem;
  }, [checked, serverProblem, update.error]);
  useReportProblem(onProblem, 'episode', problem);

  const begin = (e: EpisodeDto) => {
    const v = episodeValues(e);
    setStart(v);
    setStartVersion(e.version);
    setValues(v);
  };
  // Someone else's change (or one of ours elsewhere on the page) shows at once if nothing is being written.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the episode resets the form
  useEffect(() => {
    if (episode.version !== startVersion && sameValues(values, start)) begin(episode);
  }, [episode.version]);

  const set =
    <K extends keyof EpisodeValues>(key: K) =>
    (value: EpisodeValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { errors, changes } = episodeChanges(values, start);
    const found = clientProblem(errors, episodeFieldIds);
    setChecked(found);
    if (found) return;
    update.reset();
    if (Object.keys(changes).length === 0) return onSaved('There were no changes to save');
    // Changes elsewhere on the page (a new factor, a status) move the version on without touching
    // these fields: the form then saves on the newest version. Otherwise it keeps the one it began from.
    const version = sameValues(episodeValues(episode), start) ? episode.version : startVersion;
    const submitted = values;
    update.mutate(
      { ...changes, version },
      {
        onSuccess: (after) => {
          begin(after);
          setLost({});
          onSaved('The episode has been saved');
        },
        onError: async (error) => {
          if (!isStale(error)) return;
          const now = await reload();
          if (!now) return;
          setLost(lostWording(submitted, episodeValues(now)));
          begin(now);
        },
      },
    );
  };

  const kit: FieldKit = {
    partnershipId,
    reviewId,
    episode,
    values,
    set,
    errors: problem?.fields ?? {},
    lost,
    savedFlags: (field: CheckedEpisodeField) =>
      episode.languageFlags.find(
        (f) => f.entityType === 'episode' && f.entityId === episode.id && f.field === field,
      )?.flags ?? [],
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Episode ${episode.number}`}>
      <AboutFields kit={kit} agencyChoices={props.agencyChoices} />
      <WrittenSection
        kit={kit}
        heading="What happened"
        field="whatHappened"
        label="What happened in this episode"
        hint="The facts in order, as the records and conversations show them. Roles, never names."
      />
      <RationalityFields kit={kit} />
      <AppraisalFields kit={kit} reference={props.reference} showTunnel={props.showTunnel} />
      <HindsightFields kit={kit} />
      <WrittenSection
        kit={kit}
        heading="What went well"
        field="wentWell"
        label="What went well, and what made it possible"
      >
        <SingleCheckbox
          id="goodPractice"
          className="govuk-!-margin-bottom-6"
          label="This episode shows good practice worth sharing"
          checked={values.goodPractice}
          onChange={set('goodPractice')}
        />
      </WrittenSection>
      <WrittenSection
        kit={kit}
        heading="Queries from the overview"
        field="overviewQueries"
        label="What the view across agencies asks of this episode"
        hint="Where the reviewers’ overview differs from how it looked to those involved, for the review team and case group to discuss."
      />
      <section className="govuk-!-margin-bottom-8" aria-labelledby="evidence-heading">
        <h2 className="govuk-heading-m" id="evidence-heading">
          Evidence
        </h2>
        <h3 className="govuk-heading-s">Narrative events</h3>
        <EpisodeEvents
          partnershipId={partnershipId}
          reviewId={reviewId}
          events={episode.events}
          linkedIds={values.eventIds}
          onChange={set('eventIds')}
        />
        <h3 className="govuk-heading-s">Documents and conversation passages</h3>
        <EvidenceList partnershipId={partnershipId} reviewId={reviewId} evidence={episode.evidence} />
      </section>
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button"
          disabled={update.isPending}
          aria-disabled={update.isPending}
        >
          Save episode
        </button>
        <Link className="govuk-link" to={analysisPage(partnershipId, reviewId)}>
          Back to the episodes
        </Link>
      </div>
    </form>
  );
}
