import { NOTIFICATION_WORKING_DAYS, RAPID_REVIEW_WORKING_DAYS } from '../intake/deadlines.ts';
import { type Item, long, type Paths, plural, type QualityFacts, timeliness } from './evidence-facts.ts';

/* The evidence for setting up the review: referral, decision, informing the family, purpose and governance. */

/** QM1: the serious incident notification against its deadline of 5 working days. */
export function referral(f: QualityFacts, p: Paths): Item[] {
  const n = f.notification;
  const label = 'Serious incident notification';
  if (!n)
    return [
      { key: 'notification', label, detail: 'No notification is linked to this review', supports: null },
    ];
  const href = `${p.partnership}/notifications/${n.id}`;
  const window = `${NOTIFICATION_WORKING_DAYS} working days of the local authority becoming aware on ${long(n.awareDate)}`;
  const state = timeliness(n.dueDate, n.submittedDate, f.today);
  const sent = n.submittedDate ? `Sent on ${long(n.submittedDate)}` : 'Not sent yet';
  const detail = {
    on_time: `${sent}, within ${window} (due ${long(n.dueDate)})`,
    late: `${sent}, after it was due on ${long(n.dueDate)}, ${NOTIFICATION_WORKING_DAYS} working days after the local authority became aware`,
    overdue: `${sent}: it was due on ${long(n.dueDate)}`,
    pending: `${sent}: due on ${long(n.dueDate)}`,
  }[state];
  return [
    { key: 'notification', label, detail, supports: state === 'pending' ? null : state === 'on_time', href },
  ];
}

/** QM2: the decision and its reasoning in the terms of reference, and the rapid review against its deadline. */
export function decision(f: QualityFacts, p: Paths): Item[] {
  const { decisionDate, decisionRationaleRecorded: why } = f.termsOfReference;
  const detail =
    decisionDate && why
      ? `Decided on ${long(decisionDate)}, with the reasoning recorded`
      : decisionDate
        ? `Decided on ${long(decisionDate)}; the reasoning is not recorded`
        : why
          ? 'The reasoning is recorded; the date of the decision is not'
          : 'Neither the decision nor its reasoning is recorded';
  const items: Item[] = [
    {
      key: 'decision',
      label: 'Decision in the terms of reference',
      detail,
      supports: Boolean(decisionDate && why),
      href: `${p.review}/terms`,
    },
  ];
  const r = f.rapidReview;
  const label = 'Rapid review';
  if (!r)
    return [
      ...items,
      { key: 'rapid_review', label, detail: 'No rapid review is linked to this review', supports: null },
    ];
  const state = timeliness(r.dueDate, r.sentToPanelDate, f.today);
  const sent = r.sentToPanelDate ? `Sent to the national panel on ${long(r.sentToPanelDate)}` : '';
  return [
    ...items,
    {
      key: 'rapid_review',
      label,
      detail: {
        on_time: `${sent}, within ${RAPID_REVIEW_WORKING_DAYS} working days (due ${long(r.dueDate)})`,
        late: `${sent}, after it was due on ${long(r.dueDate)}`,
        overdue: `Not sent to the national panel yet: it was due on ${long(r.dueDate)}`,
        pending: `Not sent to the national panel yet: due on ${long(r.dueDate)}`,
      }[state],
      supports: state === 'pending' ? null : state === 'on_time',
      href: `${p.partnership}/notifications/${r.notificationId}/rapid-review`,
    },
  ];
}

/** QM4: when the letter to the family was generated, or that it never was. */
export function familyLetter(f: QualityFacts, p: Paths): Item[] {
  const dates = f.familyLetterDates;
  const first = dates[0];
  const last = dates.at(-1);
  const detail = !first
    ? 'None generated in Sightlines'
    : dates.length === 1
      ? `Generated on ${long(first)}`
      : `First generated on ${long(first)}; ${plural(dates.length, 'time')} in all, most recently on ${long(last ?? first)}`;
  return [
    {
      key: 'family_letter',
      label: 'Letter to the family',
      detail,
      supports: Boolean(first),
      href: `${p.review}/letters`,
    },
  ];
}

/** QM5 and QM6: whether something is recorded in the terms of reference. */
export const recorded = (key: string, label: string, done: boolean, href: string): Item => ({
  key,
  label,
  detail: done ? 'Recorded in the terms of reference' : 'Not recorded in the terms of reference',
  supports: done,
  href,
});

/** QM7: the quality assurer and the sign-off chain in the terms of reference. */
export function governance(f: QualityFacts, p: Paths): Item[] {
  const { qualityAssurer, signOffChain } = f.termsOfReference;
  const href = `${p.review}/terms`;
  return [
    {
      key: 'quality_assurer',
      label: 'Quality assurer',
      detail: qualityAssurer?.trim()
        ? `Named: ${qualityAssurer.trim()}`
        : 'Not named in the terms of reference',
      supports: Boolean(qualityAssurer?.trim()),
      href,
    },
    {
      key: 'sign_off_chain',
      label: 'Sign-off chain',
      detail: signOffChain.length
        ? `${plural(signOffChain.length, 'step')}: ${signOffChain.join(', then ')}`
        : 'Not set out in the terms of reference',
      supports: signOffChain.length > 0,
      href,
    },
  ];
}
