import { describe, expect, it } from 'vitest';
import { type ActionFacts, deadlineOccasion, ownerOf, type Recipient, remindersDue } from './reminders.ts';

const p = 'p1';
const ann: Recipient = { userId: 'u1', name: 'Ann Owner', email: 'ann@example.org' };
const bob: Recipient = { userId: 'u2', name: 'Bob Manager', email: 'bob@example.org' };
const people = new Map([[p, [ann, bob]]]);
const businessManagers = new Map([['r1', [bob]]]);

const action = (over: Partial<ActionFacts>): ActionFacts => ({
  id: 'a1',
  partnershipId: p,
  reviewId: 'r1',
  dueOn: '2027-01-10',
  status: 'open',
  ownerName: 'Ann Owner',
  ...over,
});

const due = (actions: ActionFacts[], today: string, alreadySent = new Set<string>()) =>
  remindersDue({ today, actions, reviews: [], people, businessManagers, alreadySent });

describe('action reminders', () => {
  it('reminds the owner of an action due within 14 days, once', () => {
    const [r, ...rest] = due([action({})], '2026-12-30');
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      kind: 'action_due',
      key: 'action_due:a1:2027-01-10',
      to: [ann],
      toOwner: true,
    });
    expect(due([action({})], '2026-12-30', new Set([`${p}:action_due:a1:2027-01-10`]))).toEqual([]);
  });

  it('says nothing of an action due later than 14 days, done, or without a due date', () => {
    expect(due([action({})], '2026-12-20')).toEqual([]);
    expect(due([action({ status: 'done' })], '2027-01-09')).toEqual([]);
    expect(due([action({ dueOn: null })], '2027-01-09')).toEqual([]);
  });

  it('reminds again, once, when the action is overdue', () => {
    const sent = new Set([`${p}:action_due:a1:2027-01-10`]);
    expect(due([action({ status: 'in_progress' })], '2027-01-11', sent)).toMatchObject([
      { kind: 'action_overdue', key: 'action_overdue:a1:2027-01-10' },
    ]);
  });

  it('a new due date is a new occasion', () => {
    const sent = new Set([`${p}:action_due:a1:2027-01-10`]);
    expect(due([action({ dueOn: '2027-01-12' })], '2027-01-01', sent)).toHaveLength(1);
  });

  it('goes to the business managers when the owner is not a person in the partnership', () => {
    expect(due([action({ ownerName: 'Head of early help' })], '2027-01-05')[0]).toMatchObject({
      to: [bob],
      toOwner: false,
    });
    expect(
      remindersDue({
        today: '2027-01-05',
        actions: [action({ ownerName: null, reviewId: 'r2' })],
        reviews: [],
        people,
        businessManagers,
        alreadySent: new Set(),
      }),
    ).toEqual([]);
  });
});

describe('owner of an action', () => {
  it('matches one person by email address or by name, ignoring case and spacing', () => {
    expect(ownerOf('  ANN@example.org ', [ann, bob])).toBe(ann);
    expect(ownerOf('ann  owner', [ann, bob])).toBe(ann);
    expect(ownerOf('Ann Owner', [ann, { ...bob, name: 'Ann Owner' }])).toBeNull();
    expect(ownerOf('', [ann])).toBeNull();
  });
});

describe('deadline reminders', () => {
  const review = (daysLeft: number, date = '2027-03-01') => ({
    id: 'r1',
    partnershipId: p,
    deadlines: [{ label: 'Publication', date, daysLeft }],
  });
  const run = (daysLeft: number, alreadySent = new Set<string>()) =>
    remindersDue({
      today: '2027-01-01',
      actions: [],
      reviews: [review(daysLeft)],
      people,
      businessManagers,
      alreadySent,
    });

  it('reminds the business managers 28 days before, 7 days before and once passed', () => {
    expect(deadlineOccasion(29)).toBeNull();
    expect(run(29)).toEqual([]);
    expect(run(28)[0]).toMatchObject({ key: 'deadline:r1:publication:2027-03-01:28_days', to: [bob] });
    expect(run(7)[0]?.key).toBe('deadline:r1:publication:2027-03-01:7_days');
    expect(run(0)[0]?.key).toBe('deadline:r1:publication:2027-03-01:7_days');
    expect(run(-1)[0]?.key).toBe('deadline:r1:publication:2027-03-01:passed');
  });

  it('each occasion once', () => {
    expect(run(20, new Set([`${p}:deadline:r1:publication:2027-03-01:28_days`]))).toEqual([]);
    expect(run(5, new Set([`${p}:deadline:r1:publication:2027-03-01:28_days`]))).toHaveLength(1);
  });

  it('nobody to tell: nothing, so it is tried again when there is', () => {
    expect(
      remindersDue({
        today: '2027-01-01',
        actions: [],
        reviews: [{ ...review(3), id: 'r9' }],
        people,
        businessManagers,
        alreadySent: new Set(),
      }),
    ).toEqual([]);
  });
});
