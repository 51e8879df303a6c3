import { describe, expect, it } from 'vitest';
import { defaultThrottleLimits, isSessionExpired, sessionExpiry, signInThrottled } from './session.ts';

const limits = { idleMinutes: 30, absoluteHours: 12 };
const t0 = new Date('2026-03-02T09:00:00Z');
const plus = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('session timeouts', () => {
  it('expires after the idle timeout since last use', () => {
    const times = { createdAt: t0, lastSeenAt: plus(60) };
    expect(sessionExpiry(times, limits)).toEqual(plus(90));
    expect(isSessionExpired(times, limits, plus(89))).toBe(false);
    expect(isSessionExpired(times, limits, plus(90))).toBe(true);
  });

  it('never outlives the absolute limit however active', () => {
    const times = { createdAt: t0, lastSeenAt: plus(12 * 60 - 5) };
    expect(sessionExpiry(times, limits)).toEqual(plus(12 * 60));
    expect(isSessionExpired(times, limits, plus(12 * 60))).toBe(true);
  });
});

describe('sign-in throttle', () => {
  it('allows sign-in under both limits', () => {
    expect(signInThrottled({ forAccount: 4, fromAddress: 19 }, defaultThrottleLimits)).toBeNull();
  });
  it('refuses an account with too many recent failures', () => {
    expect(signInThrottled({ forAccount: 5, fromAddress: 0 }, defaultThrottleLimits)).toBe('account');
  });
  it('refuses an address with too many recent failures', () => {
    expect(signInThrottled({ forAccount: 0, fromAddress: 20 }, defaultThrottleLimits)).toBe('address');
  });
});
