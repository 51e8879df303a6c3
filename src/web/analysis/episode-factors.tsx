import { useEffect, useMemo, useRef, useState } from 'react';
import { plural } from '../chronology/bits.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Loading } from '../components/problem-pages.tsx';
import { type EpisodeDto, type ReviewReferenceDto, useDeleteFactor } from './api.ts';
import { EpisodeFactorForm, type FactorDto } from './episode-factor-form.tsx';
import { type ReportProblem, useReportProblem } from './episode-problems.ts';
import { categoryLabel, type SavedFlag } from './language-checked-textarea.tsx';

type Props = {
  partnershipId: string;
  reviewId: string;
  episode: EpisodeDto;
  /** The review's factor framework; only those who may edit need it. */
  reference: ReviewReferenceDto | undefined;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

const factorFlags = (episode: EpisodeDto, factorId: string): SavedFlag[] =>
  episode.languageFlags.find((f) => f.entityType === 'factor' && f.entityId === factorId)?.flags ?? [];

/**
 * The contributory factors that explain the episode, most significant first, and (for those who may
 * edit) the means to add, change and remove them.
 */
export function EpisodeFactors({ partnershipId, reviewId, episode, reference, onDone, onProblem }: Props) {
  const edit = episode.abilities.edit;
  const [changing, setChanging] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = useDeleteFactor(partnershipId, reviewId, episode.id);
  const removeProblem = useFormProblem(remove.error, []);
  useReportProblem(onProblem, 'factor-remove', removeProblem);
  const groups = reference?.factors.content.groups ?? [];
  const factors = useMemo(() => [...episode.factors].sort((a, b) => a.rank - b.rank), [episode.factors]);

  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="factors-heading">
      <h2 className="govuk-heading-m" id="factors-heading">
        Contributory factors
      </h2>
      <p className="govuk-body">
        What made the practice in this episode more or less likely, most significant first: the conditions
        around the people involved, not their failings.
      </p>
      {factors.length === 0 ? (
        <p className="govuk-body">No contributory factors have been added yet.</p>
      ) : null}
      <ol className="govuk-list app-episode-factors">
        {factors.map((f) => (
          <li key={f.id} className="app-episode-factor">
            {changing === f.id && edit ? (
              <>
                <h3 className="govuk-heading-s">Change the factor ranked {f.rank}</h3>
                <EpisodeFactorForm
                  partnershipId={partnershipId}
                  reviewId={reviewId}
                  episodeId={episode.id}
                  groups={groups}
                  factor={f}
                  savedFlags={factorFlags(episode, f.id)}
                  onDone={(message) => {
                    setChanging(null);
                    onDone(message);
                  }}
                  onCancel={() => setChanging(null)}
                  onProblem={onProblem}
                />
              </>
            ) : (
              <FactorSummary
                factor={f}
                flags={edit ? factorFlags(episode, f.id) : []}
                actions={
                  edit ? (
                    <FactorActions
                      factor={f}
                      confirming={removing === f.id}
                      pending={remove.isPending}
                      onChange={() => setChanging(f.id)}
                      onRemove={() => setRemoving(f.id)}
                      onCancel={() => setRemoving(null)}
                      onConfirm={() =>
                        remove.mutate(f.id, {
                          onSuccess: () => {
                            setRemoving(null);
                            onDone('The contributory factor has been removed');
                          },
                        })
                      }
                    />
                  ) : null
                }
              />
            )}
          </li>
        ))}
      </ol>
      {edit ? (
        <div className="app-episode-add-factor">
          <h3 className="govuk-heading-s">Add a contributory factor</h3>
          {reference ? (
            <EpisodeFactorForm
              partnershipId={partnershipId}
              reviewId={reviewId}
              episodeId={episode.id}
              groups={groups}
              onDone={onDone}
              onProblem={onProblem}
            />
          ) : (
            <Loading />
          )}
        </div>
      ) : null}
    </section>
  );
}

function FactorSummary({
  factor: f,
  flags,
  actions,
}: {
  factor: FactorDto;
  flags: SavedFlag[];
  actions: React.ReactNode;
}) {
  const open = flags.filter((x) => !x.dismissed);
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {f.rank}. {f.groupLabel}
        {f.factorType ? `: ${f.factorType}` : ''}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1 govuk-hint">
        Ranked {f.rank}
        {f.rank === 1 ? ' (most significant)' : ''}. Evidence: {plural(f.evidence.length, 'link')}.
      </p>
      <p className="govuk-body app-episode-text">{f.description}</p>
      {open.length > 0 ? (
        <div className="govuk-body-s">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            Wording to look at ({open.length}): change the factor to reword it or keep it with a reason.
          </p>
          <ul className="govuk-list govuk-list--bullet govuk-body-s">
            {open.map((x) => (
              <li key={`${x.start}:${x.ruleId}`}>
                {categoryLabel(x.category)}: “{x.phrase}”. {x.suggestion}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {actions}
    </>
  );
}

type ActionsProps = {
  factor: FactorDto;
  confirming: boolean;
  pending: boolean;
  onChange: () => void;
  onRemove: () => void;
  onCancel: () => void;
  onConfirm: () => void;
};

function FactorActions({
  factor,
  confirming,
  pending,
  onChange,
  onRemove,
  onCancel,
  onConfirm,
}: ActionsProps) {
  const what = `the factor ranked ${factor.rank}`;
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  if (confirming)
    return (
      <div className="govuk-inset-text">
        <p className="govuk-body" tabIndex={-1} ref={question}>
          Remove {what}? Its evidence links go with it.
        </p>
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            disabled={pending}
            aria-disabled={pending}
            onClick={onConfirm}
          >
            Yes, remove it <span className="govuk-visually-hidden">({what})</span>
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    );
  return (
    <div className="govuk-button-group">
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onChange}>
        Change <span className="govuk-visually-hidden">{what}</span>
      </button>
      <button type="button" className="govuk-button govuk-button--warning" onClick={onRemove}>
        Remove <span className="govuk-visually-hidden">{what}</span>
      </button>
    </div>
  );
}
