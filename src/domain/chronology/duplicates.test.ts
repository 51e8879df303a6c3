import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likelyDuplicate, similarity } from './duplicates.ts';

describe('duplicate accounts of an event', () => {
  it('scores identical accounts 1 and unrelated ones 0', () => {
    expect(similarity('Home visit by health visitor', 'home visit by Health Visitor.')).toBe(1);
    expect(similarity('Home visit', 'School attendance letter')).toBe(0);
    expect(similarity('', '')).toBe(0);
  });

  it('finds the same event told in similar words on the same date, and not on another date', () => {
    const a = { occurredOn: '2026-03-02', summary: 'Mother took child to A&E with a bruise on the arm' };
    const b = { occurredOn: '2026-03-02', summary: 'Child taken to A&E by mother, bruise on arm' };
    expect(likelyDuplicate(a, b)).toBe(true);
    expect(likelyDuplicate(a, { ...b, occurredOn: '2026-03-03' })).toBe(false);
    expect(likelyDuplicate(a, { ...b, summary: 'School reported non-attendance' })).toBe(false);
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a)).toBe(s);
      }),
    );
  });
});
