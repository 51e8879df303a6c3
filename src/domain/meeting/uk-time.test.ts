import { describe, expect, it } from 'vitest';
import { isoToUkParts, parseClockTime, parseDateParts, ukDateTimeToIso } from './uk-time.ts';

describe('parseClockTime', () => {
  it('reads 24-hour and 12-hour times', () => {
    expect(parseClockTime('14:30')).toEqual({ hours: 14, minutes: 30 });
    expect(parseClockTime(' 9.05 ')).toEqual({ hours: 9, minutes: 5 });
    expect(parseClockTime('2:30pm')).toEqual({ hours: 14, minutes: 30 });
    expect(parseClockTime('12am')).toEqual({ hours: 0, minutes: 0 });
    expect(parseClockTime('12 PM')).toEqual({ hours: 12, minutes: 0 });
  });
  it('refuses what is not a time', () => {
    for (const text of ['', '14', '25:00', '10:60', '13pm', 'noon', '1430']) {
      expect(parseClockTime(text)).toBeNull();
    }
  });
});

describe('parseDateParts', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(parseDateParts({ day: '2', month: '3', year: '2026' })).toEqual({ year: 2026, month: 3, day: 2 });
    expect(parseDateParts({ day: '31', month: '2', year: '2026' })).toBeNull();
    expect(parseDateParts({ day: '1', month: '13', year: '2026' })).toBeNull();
    expect(parseDateParts({ day: '1', month: '1', year: '26' })).toBeNull();
    expect(parseDateParts({ day: '', month: '1', year: '2026' })).toBeNull();
  });
});

describe('UK time', () => {
  it('is UTC in winter and one hour ahead in summer', () => {
    expect(ukDateTimeToIso({ year: 2026, month: 1, day: 15 }, { hours: 14, minutes: 30 })).toBe(
      '2026-01-15T14:30:00.000Z',
    );
    expect(ukDateTimeToIso({ year: 2026, month: 7, day: 15 }, { hours: 14, minutes: 30 })).toBe(
      '2026-07-15T13:30:00.000Z',
    );
  });
  it('handles the days the clocks change', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(ukDateTimeToIso({ year: 2026, month: 3, day: 29 }, { hours: 9, minutes: 0 })).toBe(
      '2026-03-29T08:00:00.000Z',
    );
    expect(ukDateTimeToIso({ year: 2026, month: 10, day: 25 }, { hours: 9, minutes: 0 })).toBe(
      '2026-10-25T09:00:00.000Z',
    );
  });
  it('turns a moment back into what a person would enter', () => {
    expect(isoToUkParts('2026-07-15T13:30:00.000Z')).toEqual({
      day: '15',
      month: '7',
      year: '2026',
      time: '14:30',
    });
    expect(isoToUkParts('2026-12-01T09:05:00+00:00')).toEqual({
      day: '1',
      month: '12',
      year: '2026',
      time: '09:05',
    });
  });
});
