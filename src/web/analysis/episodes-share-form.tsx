import { type FormEvent, useState } from 'react';
import { type CaseGroupScope, caseGroupScopes } from '#domain/analysis/episode.ts';
import { ApiError } from '../api/client.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { type FormProblem, formProblem } from '../components/form-problem.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { type EpisodeList, useShareEpisodes } from './api.ts';
import { count, episodeName } from './episodes-bits.tsx';

export const shareFieldIds = ['episodeIds', 'scope'] as const;

/** A problem with one of the episodes ("episodeIds.2") is shown on the episodes' checkboxes. */
function withEpisodesNamed(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ ...f, path: f.path.replace(/^episodeIds\.\d+$/, 'episodeIds') }));
  return new ApiError(error.status, error.code, error.message, { fields });
}

type Props = {
  partnershipId: string;
  reviewId: string;
  list: EpisodeList;
  /** A failed save, for the page's error summary; null clears it. */
  onProblem: (problem: FormProblem | null) => void;
  /** What to confirm in the page's success banner; null clears it. */
  onShared: (banner: { heading: string; detail: string } | null) => void;
  errors: Record<string, string>;
};

const scopeChoices = Object.entries(caseGroupScopes).map(([value, label]) => ({ value, label }));

/**
 * Which episodes the case group can read and comment on, and whether each member sees all of them
 * or only those involving their agency or role. Ticking shares an episode; unticking stops sharing it.
 */
export function EpisodesShareForm({ partnershipId, reviewId, list, onProblem, onShared, errors }: Props) {
  const share = useShareEpisodes(partnershipId, reviewId);
  const [chosen, setChosen] = useState<string[]>(() =>
    list.episodes.filter((e) => e.sharedWithCaseGroup).map((e) => e.id),
  );
  const [scope, setScope] = useState<string>(list.caseGroupScope);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (share.isPending) return;
    onShared(null);
    const toShare = list.episodes.filter((e) => chosen.includes(e.id)).map((e) => e.id);
    const toStop = list.episodes
      .filter((e) => e.sharedWithCaseGroup && !chosen.includes(e.id))
      .map((e) => e.id);
    try {
      let result = await share.mutateAsync({
        episodeIds: toShare,
        shared: true,
        scope: scope as CaseGroupScope,
      });
      if (toStop.length > 0) result = await share.mutateAsync({ episodeIds: toStop, shared: false });
      const sharedNow = result.episodes.filter((e) => e.sharedWithCaseGroup).length;
      onProblem(null);
      onShared({
        heading:
          sharedNow === 0
            ? 'No episodes are shared with the case group'
            : `${count(sharedNow, 'episode')} ${sharedNow === 1 ? 'is' : 'are'} shared with the case group`,
        detail: `Case group members see: ${caseGroupScopes[result.caseGroupScope].toLowerCase()}.`,
      });
    } catch (error) {
      onProblem(formProblem(withEpisodesNamed(error), shareFieldIds));
    }
  };

  return (
    <form noValidate onSubmit={submit} className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m">Share with the case group</h2>
      <p className="govuk-body">
        Case group members can read the episodes you share and comment on each one. They do not see the linked
        narrative events, the evidence or the flagged wording.
      </p>
      <CheckboxesField
        id="episodeIds"
        legend="Episodes to share"
        hint="Untick an episode to stop sharing it."
        values={chosen}
        onChange={setChosen}
        error={errors.episodeIds}
        choices={list.episodes.map((e) => ({ value: e.id, label: episodeName(e) }))}
        small
      />
      <RadiosField
        id="scope"
        legend="Which shared episodes do case group members see?"
        value={scope}
        onChange={setScope}
        error={errors.scope}
        choices={scopeChoices}
      />
      <button
        type="submit"
        className="govuk-button"
        disabled={share.isPending}
        aria-disabled={share.isPending}
      >
        Save sharing
      </button>
    </form>
  );
}
