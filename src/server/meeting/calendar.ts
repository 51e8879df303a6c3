import { createEvent } from 'ics';
import type { MeetingDto } from '#domain/meeting/meeting.ts';
import { isoToUkParts } from '#domain/meeting/uk-time.ts';

/** A file name that is safe in any header and file system: letters, digits and hyphens. */
export function safeFileName(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 80) || 'file'
  );
}

/**
 * The meeting as an iCalendar file. Calendar invitations leave Sightlines (into mail, phones and
 * shared calendars), so the description names only the kind of meeting and the review's
 * pseudonymous title: never the agenda or notes. Attendees are left out too: an ATTENDEE line
 * needs an address, participants' email addresses stay inside the system, and a list of who is
 * in a review's case group is itself sensitive once it is outside.
 */
export function meetingCalendar(
  meeting: MeetingDto,
  reviewTitle: string,
): { body: string; fileName: string } {
  const description = `${meeting.kindLabel} for the review ${reviewTitle}.`;
  const { error, value } = createEvent({
    uid: `meeting-${meeting.id}@sightlines`,
    productId: 'sightlines/meetings',
    method: 'PUBLISH',
    title: meeting.title,
    start: new Date(meeting.startsAt).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: Math.floor(meeting.durationMinutes / 60), minutes: meeting.durationMinutes % 60 },
    ...(meeting.location ? { location: meeting.location } : {}),
    description,
    status: 'CONFIRMED',
    classification: 'CONFIDENTIAL',
    sequence: meeting.version - 1,
  });
  if (error || !value) throw error ?? new Error('calendar file could not be made');
  const uk = isoToUkParts(meeting.startsAt);
  const day = [uk.year, uk.month.padStart(2, '0'), uk.day.padStart(2, '0')].join('-');
  return {
    body: value,
    fileName: `${safeFileName(meeting.kindLabel.split(' (')[0] ?? 'meeting')}-${day}.ics`,
  };
}
