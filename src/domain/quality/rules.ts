import type { IsoDate } from '../calendar/working-days.ts';
import { formatLongDate } from '../publication/rules.ts';
import type { FieldError } from '../shared/app-error.ts';
import { type QualityMarker, type QualityPhase, qualityMarkers, qualityPhases } from './markers.ts';
import type { AssessQualityMarkerInput, Rating, RatingCounts } from './quality.ts';

export { autoEvidenceFor, type QualityFacts } from './evidence.ts';

/** No marker rated: the counts a review starts with (every marker not assessed). */
export const noRatings = (notAssessed = qualityMarkers.length): RatingCounts => ({
  green: 0,
  amber: 0,
  red: 0,
  notAssessed,
});

/** Adds up several reviews' counts, for the partnership's totals. */
export function addCounts(all: readonly RatingCounts[]): RatingCounts {
  return all.reduce(
    (sum, c) => ({
      green: sum.green + c.green,
      amber: sum.amber + c.amber,
      red: sum.red + c.red,
      notAssessed: sum.notAssessed + c.notAssessed,
    }),
    noRatings(0),
  );
}

/** The ratings of some markers; a marker with no rating (never assessed, or in progress) counts as not assessed. */
function countOf(
  markers: readonly QualityMarker[],
  ratings: ReadonlyMap<number, Rating | null>,
): RatingCounts {
  const counts = noRatings(0);
  for (const m of markers) {
    const rating = ratings.get(m.number) ?? null;
    if (rating) counts[rating] += 1;
    else counts.notAssessed += 1;
  }
  return counts;
}

/** How many of the 18 markers are rated green, amber and red, and not assessed, in all and by phase. */
export function qualityCounts(ratings: ReadonlyMap<number, Rating | null>) {
  return {
    counts: countOf(qualityMarkers, ratings),
    byPhase: (Object.keys(qualityPhases) as QualityPhase[]).map((phase) => ({
      phase,
      phaseLabel: qualityPhases[phase],
      counts: countOf(
        qualityMarkers.filter((m) => m.phase === phase),
        ratings,
      ),
    })),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What is wrong with an assessment of a marker: one answer (or null) for each of its questions, and
 * evidence relied on only from the items offered for it.
 */
export function assessmentProblems(
  marker: QualityMarker,
  input: Pick<AssessQualityMarkerInput, 'answers' | 'acceptedEvidenceKeys'>,
  offeredKeys: readonly string[],
): FieldError[] {
  const problems: FieldError[] = [];
  const wanted = marker.questions.length;
  if (input.answers.length !== wanted)
    problems.push({
      path: 'answers',
      message: `Give one answer for each of the ${plural(wanted, 'question')} of quality marker ${marker.number}, leaving any not answered yet empty`,
    });
  const unknown = input.acceptedEvidenceKeys.filter((k) => !offeredKeys.includes(k));
  if (unknown.length)
    problems.push({
      path: 'acceptedEvidenceKeys',
      message: `Choose only evidence Sightlines offers for quality marker ${marker.number}`,
    });
  return problems;
}

/** The assessment as stored: evidence trimmed, each evidence item relied on once, in the order offered. */
export function normaliseAssessment(input: AssessQualityMarkerInput, offeredKeys: readonly string[]) {
  return {
    rating: input.rating,
    answers: input.answers,
    evidence: input.evidence?.trim() ?? '',
    acceptedEvidenceKeys: offeredKeys.filter((k) => input.acceptedEvidenceKeys.includes(k)),
  };
}

// ---------------------------------------------------------------------------------------------
// Requests for a draft, and deadlines as the partners monitor them

/** What is wrong with a request for a draft: made today or earlier, and due no earlier than it was made. */
export function draftRequestProblems(
  input: { requestedOn: IsoDate; dueOn?: IsoDate | null | undefined },
  today: IsoDate,
): FieldError[] {
  const problems: FieldError[] = [];
  if (input.requestedOn > today)
    problems.push({ path: 'requestedOn', message: 'The date of the request must be today or in the past' });
  if (input.dueOn && input.dueOn < input.requestedOn)
    problems.push({
      path: 'dueOn',
      message: `The date the draft is due must be on or after the date of the request, ${formatLongDate(input.requestedOn)}`,
    });
  return problems;
}

/** What is wrong with the date a requested draft arrived: not before the request, and not in the future. */
export function draftReceivedProblems(
  receivedOn: IsoDate,
  requestedOn: IsoDate,
  today: IsoDate,
): FieldError[] {
  if (receivedOn > today)
    return [{ path: 'receivedOn', message: 'The date the draft arrived must be today or in the past' }];
  if (receivedOn < requestedOn)
    return [
      {
        path: 'receivedOn',
        message: `The date the draft arrived must be on or after the date it was requested, ${formatLongDate(requestedOn)}`,
      },
    ];
  return [];
}

/** A date a review should meet, and whether it has been met. */
export type MonitoredDeadline = { label: string; dueOn: IsoDate; met: boolean };

/** A review's deadlines: its publication target while unpublished, and each requested draft with a due date. */
export function monitoredDeadlines(
  publicationTarget: { label: string; date: IsoDate } | null,
  drafts: ReadonlyArray<{ requestedOn: IsoDate; dueOn: IsoDate | null; receivedOn: IsoDate | null }>,
): MonitoredDeadline[] {
  const deadlines: MonitoredDeadline[] = publicationTarget
    ? [{ label: publicationTarget.label, dueOn: publicationTarget.date, met: false }]
    : [];
  for (const d of drafts)
    if (d.dueOn)
      deadlines.push({
        label: `Draft requested on ${formatLongDate(d.requestedOn)}`,
        dueOn: d.dueOn,
        met: d.receivedOn !== null,
      });
  return deadlines;
}

/** The labels of the deadlines passed and not met, earliest first, and the next one still to come. */
export function deadlinePicture(deadlines: readonly MonitoredDeadline[], today: IsoDate) {
  const open = deadlines.filter((d) => !d.met).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const next = open.find((d) => d.dueOn >= today);
  return {
    overdue: open.filter((d) => d.dueOn < today).map((d) => d.label),
    next: next ? { label: next.label, dueOn: next.dueOn } : null,
  };
}
