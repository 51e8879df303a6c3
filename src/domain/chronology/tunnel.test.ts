import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knewBy, tunnelView } from './tunnel.ts';

const event = (occurredOn: string, knowledge: { agencyId: string; learnedOn: string }[]) => ({
  occurredOn,
  knowledge,
});

describe('view from the tunnel', () => {
  const referral = event('2026-03-02', [
    { agencyId: 'health', learnedOn: '2026-03-02' },
    { agencyId: 'csc', learnedOn: '2026-03-09' },
  ]);

  it('the recording agency knows from the day it happened', () => {
    expect(knewBy(referral, 'health', '2026-03-02')).toBe(true);
    expect(knewBy(referral, 'health', '2026-03-01')).toBe(false);
  });

  it('an agency it was shared with knows only from the day it was told', () => {
    expect(knewBy(referral, 'csc', '2026-03-08')).toBe(false);
    expect(knewBy(referral, 'csc', '2026-03-09')).toBe(true);
  });

  it('an agency never told never knows', () => {
    expect(knewBy(referral, 'police', '2030-01-01')).toBe(false);
  });

  it('nothing is known before it happened, whatever the recorded dates say', () => {
    expect(
      knewBy(event('2026-05-01', [{ agencyId: 'police', learnedOn: '2026-04-01' }]), 'police', '2026-04-15'),
    ).toBe(false);
  });

  it('splits a narrative for one or several agencies (a participant sees through their agency)', () => {
    const later = event('2026-06-01', [{ agencyId: 'police', learnedOn: '2026-06-01' }]);
    expect(tunnelView([referral, later], ['csc'], '2026-04-01')).toEqual({
      known: [referral],
      hidden: [later],
    });
    expect(tunnelView([referral, later], ['csc', 'police'], '2026-07-01').known).toHaveLength(2);
  });

  it('what is known only grows as the date moves on (property)', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), day), { maxLength: 3 }))),
        day,
        day,
        (raw, d1, d2) => {
          const events = raw.map(([occurredOn, k]) =>
            event(
              occurredOn,
              k.map(([agencyId, learnedOn]) => ({ agencyId, learnedOn })),
            ),
          );
          const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const before = tunnelView(events, ['a'], early).known;
          const after = tunnelView(events, ['a'], late).known;
          for (const e of before) expect(after).toContain(e);
        },
      ),
    );
  });
});
