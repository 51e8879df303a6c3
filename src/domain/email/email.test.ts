import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SEND_ATTEMPTS,
  maskEmail,
  nextAttemptAfter,
  passwordTokenText,
  resetThrottled,
} from './email.ts';
import {
  actionReminderEmail,
  deadlineReminderEmail,
  invitationEmail,
  participantInvitationEmail,
  passwordResetEmail,
} from './messages.ts';

describe('maskEmail', () => {
  it('hides most of the address', () => {
    expect(maskEmail('jane.smith@example.org')).toBe('j•••@e•••.org');
    expect(maskEmail('a@localhost')).toBe('a•••@l•••');
  });
  it('never shows the whole address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const masked = maskEmail(email);
        expect(masked).not.toBe(email);
        expect(masked.length).toBeLessThanOrEqual(email.length + 6);
      }),
    );
  });
});

describe('link tokens', () => {
  it('accept 43 base64url characters only', () => {
    expect(passwordTokenText.safeParse('a'.repeat(43)).success).toBe(true);
    expect(passwordTokenText.safeParse('a'.repeat(42)).success).toBe(false);
    expect(passwordTokenText.safeParse(`${'a'.repeat(42)}=`).success).toBe(false);
  });
});

describe('reset throttle', () => {
  it('refuses a busy address before a busy account', () => {
    expect(resetThrottled({ forAccount: 0, fromAddress: 0 })).toBeNull();
    expect(resetThrottled({ forAccount: 3, fromAddress: 0 })).toBe('account');
    expect(resetThrottled({ forAccount: 3, fromAddress: 10 })).toBe('address');
  });
});

describe('retries', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  it('wait longer after each failure and stop after the last', () => {
    const waits = [1, 2, 3, 4].map((n) => (nextAttemptAfter(n, now)!.getTime() - now.getTime()) / 60_000);
    expect(waits).toEqual([1, 5, 30, 120]);
    expect(nextAttemptAfter(MAX_SEND_ATTEMPTS, now)).toBeNull();
  });
});

describe('messages', () => {
  const link = 'https://sightlines.example.org/x';
  it('carry the link, in plain text, and nothing about a review', () => {
    const all = [
      invitationEmail({
        name: 'Jo',
        partnershipName: 'Northshire',
        link,
        expiresAt: new Date('2027-01-08T10:00:00Z'),
      }),
      passwordResetEmail({ name: 'Jo', link }),
      participantInvitationEmail({ name: 'Jo', partnershipName: 'Northshire', link, expiresAt: now() }),
      actionReminderEmail({
        name: 'Jo',
        partnershipName: 'Northshire',
        dueOn: '2027-01-10',
        overdue: false,
        toOwner: true,
        link,
      }),
      deadlineReminderEmail({
        name: 'Jo',
        partnershipName: 'Northshire',
        label: 'Publication',
        date: '2027-03-01',
        daysLeft: 7,
        link,
      }),
    ];
    for (const m of all) {
      expect(m.text).toContain(link);
      expect(m.text).not.toMatch(/<[a-z]/i);
      expect(m.subject.length).toBeGreaterThan(5);
    }
    expect(all[0]!.text).toContain('8 January 2027');
    expect(all[4]!.text).toContain('in 7 days');
    expect(all[3]!.subject).toBe('An action you own is due soon');
    const toManager = actionReminderEmail({
      name: 'Jo',
      partnershipName: 'Northshire',
      dueOn: '2027-01-10',
      overdue: true,
      toOwner: false,
      link,
    });
    expect(toManager.subject).toBe('An action in your review is overdue');
    expect(toManager.text).toContain('does not use Sightlines');
    expect(
      deadlineReminderEmail({
        name: 'Jo',
        partnershipName: 'N',
        label: 'Publication',
        date: '2027-03-01',
        daysLeft: -2,
        link,
      }).subject,
    ).toBe('A review’s publication date has passed');
  });
});

function now() {
  return new Date('2027-01-01T00:00:00Z');
}
