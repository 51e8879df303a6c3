import { describe, expect, it } from 'vitest';
import { scheduleMeetingInput, scheduleReviewMeetingInput, updateReviewMeetingInput } from './meeting.ts';

const valid = {
  kind: 'review_team',
  title: 'Review team meeting 1',
  startsAt: '2026-03-10T09:30:00+00:00',
  durationMinutes: 120,
  location: null,
  agenda: null,
};

describe('review meetings', () => {
  it('accepts a review team meeting, with nobody invited by default', () => {
    const parsed = scheduleReviewMeetingInput.parse(valid);
    expect(parsed.attendeeParticipantIds).toEqual([]);
  });
  it('leaves rapid review meetings to intake', () => {
    expect(scheduleMeetingInput.safeParse({ ...valid, kind: 'rapid_review' }).success).toBe(true);
    const result = scheduleReviewMeetingInput.safeParse({ ...valid, kind: 'rapid_review' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['kind', 'Select the kind of meeting'],
    ]);
    expect(updateReviewMeetingInput.safeParse({ kind: 'rapid_review', version: 1 }).success).toBe(false);
  });
  it('needs a real moment with its offset, and a length between 15 minutes and 10 hours', () => {
    const bad = scheduleReviewMeetingInput.safeParse({
      ...valid,
      startsAt: '2026-03-10 09:30',
      durationMinutes: 601,
    });
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['durationMinutes', 'startsAt']);
  });
});
