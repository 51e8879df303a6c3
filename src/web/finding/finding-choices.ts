import { useEpisodes, useReviewReference } from '../analysis/api.ts';
import { episodeName } from '../analysis/episodes-bits.tsx';
import type { Choice } from '../components/form-fields.tsx';
import type { ReviewDto } from '../review/api.ts';
import type { FindingDto } from './api.ts';
import type { FindingChoices } from './finding-form-fields.tsx';

/** Adds the finding's own choices that the lists no longer hold (a category or episode since removed). */
function withOwn(choices: Choice[], own: Choice[]): Choice[] {
  const all = new Map(choices.map((c) => [c.value, c]));
  for (const c of own) if (!all.has(c.value)) all.set(c.value, c);
  return [...all.values()];
}

/**
 * What the finding form offers: the categories of the review's pinned typology (with the label later
 * reports use as the hint), its key practice episodes and the research questions of its terms of
 * reference, with any the finding already has. Loaded only when `enabled` (the person may write findings).
 */
export function useFindingChoices(
  partnershipId: string,
  reviewId: string,
  review: ReviewDto | undefined,
  finding: FindingDto | undefined,
  enabled: boolean,
): FindingChoices {
  const reference = useReviewReference(partnershipId, enabled ? reviewId : '');
  const episodes = useEpisodes(partnershipId, enabled ? reviewId : '');

  const ownCategory: Choice[] = finding?.typology
    ? [{ value: finding.typology.code, label: finding.typology.name }]
    : [];
  const categories = reference.data?.typology.content.categories;
  const typology =
    categories || reference.isError
      ? withOwn(
          (categories ?? []).map((c) => ({
            value: c.code,
            label: c.name,
            hint:
              [
                c.definition,
                c.laterName && c.laterName !== c.name ? `Later reports call it ‘${c.laterName}’.` : '',
              ]
                .filter(Boolean)
                .join(' ') || undefined,
          })),
          ownCategory,
        )
      : undefined;

  const episodeChoices = withOwn(
    (episodes.data?.episodes ?? []).map((e) => ({ value: e.id, label: episodeName(e) })),
    (finding?.episodes ?? []).map((e) => ({ value: e.id, label: episodeName(e) })),
  );

  const questionChoice = (q: { id: string; position: number; text: string }) => ({
    value: q.id,
    label: `${q.position}. ${q.text}`,
  });
  const researchQuestions = withOwn(
    (review?.termsOfReference?.researchQuestions ?? []).map(questionChoice),
    (finding?.researchQuestions ?? []).map(questionChoice),
  );

  return { typology, episodes: episodeChoices, researchQuestions };
}
