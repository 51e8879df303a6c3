import { z } from 'zod';
import { id, optionalText, requiredText, timestamp } from '../shared/fields.ts';

/*
 * Supervision of a review's lead reviewers (trainees especially): a supervisor's comment threads on
 * a key practice episode, a finding or a section of the report, answered and resolved by the
 * reviewers; and the log of supervision sessions.
 */

export const supervisionTargets = {
  episode: 'Key practice episode',
  finding: 'Finding',
  report_section: 'Report section',
} as const;
export type SupervisionTarget = keyof typeof supervisionTargets;
export const supervisionTarget = z.enum(
  Object.keys(supervisionTargets) as [SupervisionTarget, ...SupervisionTarget[]],
  { error: 'Choose what the comment is about' },
);

export const supervisionThreadParams = z.object({ partnershipId: id, reviewId: id, threadId: id });
export const supervisionSessionParams = z.object({ partnershipId: id, reviewId: id, sessionId: id });

export const listSupervisionQuery = z.object({
  targetType: supervisionTarget.optional(),
  targetId: z.string().max(200).optional().describe('An episode or finding id, or a report section id'),
});

export const addSupervisionCommentInput = z.object({
  targetType: supervisionTarget,
  targetId: requiredText('what the comment is about', 200).describe(
    'The episode or finding id, or the report section id (like “findings.finding-2”)',
  ),
  body: requiredText('your comment', 5_000),
});
export const replySupervisionInput = z.object({ body: requiredText('your reply', 5_000) });

export const supervisionMessageDto = z.object({
  id,
  body: z.string(),
  authorName: z.string().nullable(),
  authorRoleLabel: z.string().nullable(),
  createdAt: timestamp,
});
export const supervisionThreadDto = z.object({
  id,
  targetType: supervisionTarget,
  targetId: z.string(),
  targetLabel: z.string().describe('Like “Finding 2: …” or “Episode 3: …”'),
  body: z.string(),
  authorName: z.string().nullable(),
  authorRoleLabel: z.string().nullable(),
  createdAt: timestamp,
  replies: z.array(supervisionMessageDto),
  status: z.enum(['open', 'resolved']),
  resolvedByName: z.string().nullable(),
  resolvedAt: timestamp.nullable(),
  abilities: z.object({ reply: z.boolean(), resolve: z.boolean() }),
});
export type SupervisionThreadDto = z.infer<typeof supervisionThreadDto>;
export const supervisionThreadList = z.object({
  threads: z.array(supervisionThreadDto),
  abilities: z.object({ comment: z.boolean() }),
});
export type SupervisionThreadList = z.infer<typeof supervisionThreadList>;

export const supervisionSessionKinds = {
  group: 'Group supervision',
  individual: 'Individual session',
} as const;
export type SupervisionSessionKind = keyof typeof supervisionSessionKinds;
export const supervisionSessionKind = z.enum(
  Object.keys(supervisionSessionKinds) as [SupervisionSessionKind, ...SupervisionSessionKind[]],
  { error: 'Choose group or individual' },
);
export const recordSupervisionSessionInput = z.object({
  kind: supervisionSessionKind,
  heldOn: z.iso.date({ error: 'Enter the date of the session as a real date, like 2027-03-02' }),
  attendees: optionalText('who attended', 1_000),
  notes: optionalText('the notes', 20_000),
});
export const supervisionSessionDto = z.object({
  id,
  kind: supervisionSessionKind,
  kindLabel: z.string(),
  heldOn: z.iso.date(),
  attendees: z.string().nullable(),
  notes: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: timestamp,
});
export const supervisionSessionList = z.object({
  sessions: z.array(supervisionSessionDto),
  abilities: z.object({ record: z.boolean() }),
});
