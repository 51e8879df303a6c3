import { type ReviewType, type ReviewVariant, reviewTypes, reviewVariants } from '#domain/review/review.ts';

/** The types of review, as radios. */
export const typeChoices = (Object.keys(reviewTypes) as ReviewType[]).map((value) => ({
  value,
  label: reviewTypes[value],
}));

/** What each variant usually involves, for its hint. */
export function variantHint(variant: ReviewVariant): string {
  const v = reviewVariants[variant];
  const meetings = (count: number, kind: string) =>
    `${count} ${kind} ${count === 1 ? 'meeting' : 'meetings'}`;
  return `${v.hint} Usually ${meetings(v.reviewTeamMeetings, 'review team')} and ${meetings(v.jointMeetings, 'joint')}, over about ${v.months} months.`;
}

/** The review variants, as radios, each with what it usually involves. */
export const variantChoices = (Object.keys(reviewVariants) as ReviewVariant[]).map((value) => ({
  value,
  label: reviewVariants[value].label,
  hint: variantHint(value),
}));
