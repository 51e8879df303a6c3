import type { Rating, RatingCounts } from '#domain/quality/quality.ts';

/** What each rating means, in words, so that nothing depends on colour alone. */
export const ratingMeanings: Record<Rating, { label: string; hint: string }> = {
  green: {
    label: 'Green: met',
    hint: 'The review meets the marker well, and the evidence shows it',
  },
  amber: {
    label: 'Amber: partly met',
    hint: 'Some of the marker is met, with gaps to work on',
  },
  red: {
    label: 'Red: not met',
    hint: 'Little or none of the marker is met yet, or it was missed',
  },
};

const tagColour: Record<Rating, string> = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--orange',
  red: 'govuk-tag--red',
};

const tagText: Record<Rating, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** A marker's rating as a GOV.UK tag whose words say the rating, or "Not assessed". */
export function RatingTag({ rating }: { rating: Rating | null }) {
  if (!rating) return <strong className="govuk-tag govuk-tag--grey">Not assessed</strong>;
  return <strong className={`govuk-tag ${tagColour[rating]}`}>{tagText[rating]}</strong>;
}

/** "3 green, 1 amber, 0 red, 14 not assessed". */
export function countsInWords(counts: RatingCounts): string {
  return `${counts.green} green, ${counts.amber} amber, ${counts.red} red, ${counts.notAssessed} not assessed`;
}

/** "Assessed by Morgan Manager on 2 March 2026 at 9:05am", or that nobody has yet. */
export function assessedInWords(name: string | null, at: string | null, format: (iso: string) => string) {
  if (!at) return 'Not assessed yet';
  return `Assessed${name ? ` by ${name}` : ''} on ${format(at)}`;
}
