import type { ActionStatus } from '../action/action.ts';
import { isDueSoon, isOverdue } from '../action/rules.ts';
import type { IsoDate } from '../calendar/working-days.ts';

/** Someone a reminder can go to. */
export type Recipient = { userId: string; name: string; email: string };

/** What the reminder rule reads of an action. */
export type ActionFacts = {
  id: string;
  partnershipId: string;
  reviewId: string;
  dueOn: IsoDate | null;
  status: ActionStatus;
  ownerName: string | null;
};

/** What the reminder rule reads of a review: its open deadlines, as the dashboard counts them. */
export type ReviewFacts = {
  id: string;
  partnershipId: string;
  deadlines: readonly { label: string; date: IsoDate; daysLeft: number }[];
};

export type Reminder =
  | {
      kind: 'action_due' | 'action_overdue';
      key: string;
      partnershipId: string;
      reviewId: string;
      actionId: string;
      dueOn: IsoDate;
      /** False when the owner is not a person in the partnership and the business managers are told instead. */
      toOwner: boolean;
      to: Recipient[];
    }
  | {
      kind: 'deadline';
      key: string;
      partnershipId: string;
      reviewId: string;
      label: string;
      date: IsoDate;
      daysLeft: number;
      to: Recipient[];
    };

/** Days before a review's deadline when its business managers are reminded; and once more when it has passed. */
export const deadlineReminderDays = [28, 7] as const;

/** Which reminder a deadline is at: 28 days or fewer, 7 days or fewer, or passed; null when it is further off. */
export function deadlineOccasion(daysLeft: number): 'passed' | '7_days' | '28_days' | null {
  if (daysLeft < 0) return 'passed';
  if (daysLeft <= deadlineReminderDays[1]) return '7_days';
  if (daysLeft <= deadlineReminderDays[0]) return '28_days';
  return null;
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Who owns an action, among the people of its partnership: the one person whose email address or
 * name is the action's owner as written. An owner that names a role or an agency, or that two
 * people share, matches nobody.
 */
export function ownerOf(ownerName: string | null, people: readonly Recipient[]): Recipient | null {
  if (!ownerName?.trim()) return null;
  const wanted = normalise(ownerName);
  const byEmail = people.filter((p) => normalise(p.email) === wanted);
  if (byEmail.length === 1) return byEmail[0] ?? null;
  const byName = people.filter((p) => normalise(p.name) === wanted);
  return byName.length === 1 ? (byName[0] ?? null) : null;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/**
 * The reminders due today, each occasion once: an action still to be done that falls due within 14
 * days, and again once it is overdue, goes to its owner (or, when the owner is not a person in the
 * partnership, to the review's business managers); a review deadline 28 days away, 7 days away and
 * once passed goes to the review's business managers. Occasions already in `alreadySent`
 * (`<partnershipId>:<key>`) and occasions with nobody to tell are left out.
 */
export function remindersDue(input: {
  today: IsoDate;
  actions: readonly ActionFacts[];
  reviews: readonly ReviewFacts[];
  /** The active people of each partnership, by partnership id. */
  people: ReadonlyMap<string, readonly Recipient[]>;
  /** The business managers of each review, by review id. */
  businessManagers: ReadonlyMap<string, readonly Recipient[]>;
  alreadySent: ReadonlySet<string>;
}): Reminder[] {
  const out: Reminder[] = [];
  const fresh = (partnershipId: string, key: string) => !input.alreadySent.has(`${partnershipId}:${key}`);
  for (const a of input.actions) {
    if (a.dueOn === null) continue;
    const overdue = isOverdue(a, input.today);
    if (!overdue && !isDueSoon(a, input.today)) continue;
    const kind = overdue ? 'action_overdue' : 'action_due';
    const key = `${kind}:${a.id}:${a.dueOn}`;
    if (!fresh(a.partnershipId, key)) continue;
    const owner = ownerOf(a.ownerName, input.people.get(a.partnershipId) ?? []);
    const to = owner ? [owner] : [...(input.businessManagers.get(a.reviewId) ?? [])];
    if (to.length === 0) continue;
    out.push({
      kind,
      key,
      partnershipId: a.partnershipId,
      reviewId: a.reviewId,
      actionId: a.id,
      dueOn: a.dueOn,
      toOwner: owner !== null,
      to,
    });
  }
  for (const r of input.reviews) {
    for (const d of r.deadlines) {
      const occasion = deadlineOccasion(d.daysLeft);
      if (!occasion) continue;
      const key = `deadline:${r.id}:${slug(d.label)}:${d.date}:${occasion}`;
      if (!fresh(r.partnershipId, key)) continue;
      const to = [...(input.businessManagers.get(r.id) ?? [])];
      if (to.length === 0) continue;
      out.push({
        kind: 'deadline',
        key,
        partnershipId: r.partnershipId,
        reviewId: r.id,
        label: d.label,
        date: d.date,
        daysLeft: d.daysLeft,
        to,
      });
    }
  }
  return out;
}
