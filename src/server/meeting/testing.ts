import { inflateRawSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import type { ReviewRole } from '#domain/review/policy.ts';
import { meetingAttendees, meetings, participants } from '../db/schema/index.ts';
import { givenMember, type Session, signInAs, type TestApp } from '../testing/harness.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Adds a participant to a review, linked to an account when `userId` is given. */
export async function givenParticipantRecord(
  t: TestApp,
  review: { id: string; partnershipId: string },
  role: ReviewRole,
  options: { userId?: string | null; name?: string; email?: string; active?: boolean } = {},
) {
  const [participant] = await t.database.db
    .insert(participants)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      userId: options.userId ?? null,
      role,
      name: options.name ?? `Participant ${unique()}`,
      email: options.email ?? `participant.${unique()}@example.org`,
      active: options.active ?? true,
    })
    .returning();
  return participant!;
}

/** A partnership `member` who takes part in a review with a role, signed in. */
export async function givenReviewPerson(
  t: TestApp,
  review: { id: string; partnershipId: string },
  role: ReviewRole,
  name?: string,
): Promise<{ session: Session; participantId: string; name: string }> {
  const user = await givenMember(t, review.partnershipId, 'member');
  const participant = await givenParticipantRecord(t, review, role, {
    userId: user.id,
    name: name ?? `${role} ${unique()}`,
    email: user.email,
  });
  return { session: await signInAs(t, user.email), participantId: participant.id, name: participant.name };
}

/** Creates a meeting directly in the database, with its attendees. */
export async function givenMeeting(
  t: TestApp,
  review: { id: string; partnershipId: string },
  attendeeIds: string[] = [],
  overrides: Partial<typeof meetings.$inferInsert> = {},
) {
  const [meeting] = await t.database.db
    .insert(meetings)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      kind: 'review_team',
      title: `Meeting ${unique()}`,
      startsAt: new Date('2026-03-02T10:00:00Z'),
      durationMinutes: 120,
      ...overrides,
    })
    .returning();
  if (attendeeIds.length > 0) {
    await t.database.db.insert(meetingAttendees).values(
      attendeeIds.map((participantId) => ({
        meetingId: meeting!.id,
        participantId,
        partnershipId: review.partnershipId,
      })),
    );
  }
  return meeting!;
}

/**
 * A meeting to which every active participant of the review is invited, so that each review role
 * can see it (for the authorization matrix).
 */
export async function givenMeetingForEveryone(t: TestApp, review: { id: string; partnershipId: string }) {
  const everyone = await t.database.db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.reviewId, review.id), eq(participants.active, true)));
  return givenMeeting(
    t,
    review,
    everyone.map((p) => p.id),
  );
}

/** The files in a ZIP archive (a DOCX is one), read with Node's own zlib. */
export function unzip(buffer: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP archive');
  const entries = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
