import { describe, expect, it } from 'vitest';
import { deadlineStatus, mostPressing } from './deadlines.ts';

describe('deadlineStatus', () => {
  const now = new Date('2026-11-22T23:30:00Z');
  it('counts calendar days from today, whatever the time of day', () => {
    expect(deadlineStatus('Publication', '2026-11-25', now)).toEqual({
      label: 'Publication',
      date: '2026-11-25',
      overdue: false,
      daysLeft: 3,
    });
    expect(deadlineStatus('Publication', '2026-11-22', now).overdue).toBe(false);
  });
  it('is overdue once the date has passed', () => {
    expect(deadlineStatus('Publication', '2026-11-21', now)).toMatchObject({ overdue: true, daysLeft: -1 });
  });
  it('picks the earliest open deadline', () => {
    expect(mostPressing([{ date: '2027-01-02' }, { date: '2026-12-01' }])).toEqual({ date: '2026-12-01' });
    expect(mostPressing([])).toBeNull();
  });
});
