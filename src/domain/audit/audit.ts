import { z } from 'zod';
import { id } from '../shared/fields.ts';

/** What happened, in words an administrator reads in the audit log. */
export const auditActions = {
  'session.signed_in': 'Signed in',
  'session.sign_in_failed': 'Sign-in refused',
  'session.signed_out': 'Signed out',
  'user.password_changed': 'Changed their password',
  'agency.created': 'Added an agency',
  'agency.updated': 'Changed an agency',
  'user.created': 'Added a person',
  'user.added_to_partnership': 'Added an existing account to the partnership',
  'user.updated': 'Changed a person',
  'audit.viewed': 'Viewed the audit log',
  'partnership.created': 'Created the partnership',
  'meeting.scheduled': 'Scheduled a meeting',
  'meeting.updated': 'Changed a meeting',
  'letter_template.updated': 'Changed the wording of a letter',
  'letter.generated': 'Generated a letter',
  'review.commissioned': 'Commissioned a review',
  'review.updated': 'Changed a review’s terms of reference',
  'review.transitioned': 'Moved a review to another stage',
  'parallel_process.added': 'Recorded a parallel process',
  'parallel_process.updated': 'Changed a parallel process',
  'participant.added': 'Added a person to a review',
  'participant.invited': 'Invited a person to a review',
  'participant.updated': 'Changed a person’s part in a review',
  'participant.invitation_accepted': 'Accepted an invitation to a review',
  'evidence.searched': 'Searched a review’s evidence',
  'notification.created': 'Recorded a serious incident notification',
  'notification.updated': 'Changed a serious incident notification',
  'rapid_review.started': 'Started a rapid review',
  'rapid_review.updated': 'Changed a rapid review',
  'rapid_review.agency_asked': 'Asked an agency for a rapid review summary',
  'rapid_review.agency_request_updated': 'Changed an agency’s rapid review summary request',
  'rapid_review.meeting_scheduled': 'Scheduled a rapid review meeting',
  'calendar.closure_added': 'Added a non-working day to the calendar',
  'calendar.closure_removed': 'Removed a non-working day from the calendar',
  'chronology.event_recorded': 'Recorded an event in the multi-agency narrative',
  'chronology.event_updated': 'Changed an event in the multi-agency narrative',
  'chronology.event_deleted': 'Removed an event from the multi-agency narrative',
  'chronology.events_merged': 'Merged two agencies’ records of one event',
  'chronology.import_checked': 'Checked an agency chronology file for import',
  'chronology.imported': 'Imported an agency chronology',
  'chronology.exported': 'Exported the multi-agency narrative',
  'document.uploaded': 'Uploaded a document',
  'document.updated': 'Changed a document’s details',
  'document.downloaded': 'Downloaded a document',
  'document.previewed': 'Previewed a document',
  'conversation.recorded': 'Recorded a conversation',
  'conversation.updated': 'Changed a conversation record',
  'conversation.status_changed': 'Moved a conversation record to a new status',
  'conversation.viewed': 'Read a conversation record',
  'conversation.versions_viewed': 'Read the earlier versions of a conversation record',
  'episode.created': 'Added a key practice episode',
  'episode.updated': 'Changed a key practice episode',
  'episode.deleted': 'Removed a key practice episode',
  'episode.viewed': 'Read a key practice episode',
  'episode.status_changed': 'Moved a key practice episode to a new status',
  'episodes.reordered': 'Put the key practice episodes in a new order',
  'episodes.shared': 'Changed which key practice episodes the case group sees',
  'contributory_factor.added': 'Added a contributory factor to an episode',
  'contributory_factor.updated': 'Changed a contributory factor',
  'contributory_factor.removed': 'Removed a contributory factor',
  'episode_comment.added': 'Commented on a key practice episode',
  'episode_comment.resolved': 'Resolved a comment on a key practice episode',
  'language_flag.dismissed': 'Kept flagged wording, with a reason',
  'reference.published': 'Published a new version of reference data',
  'finding.created': 'Added a finding',
  'finding.updated': 'Changed a finding',
  'finding.deleted': 'Removed a finding',
  'findings.reordered': 'Put the findings in a new order',
  'finding.agreed': 'Agreed a finding as the review team',
  'finding.status_changed': 'Moved a finding to a new status',
  'pseudonym_register.viewed': 'Read a review’s pseudonym register (the real names)',
  'pseudonym_register.updated': 'Changed a review’s pseudonym register',
  'publication.recorded': 'Recorded whether, when and where a review’s report is published',
  'report.narrative_updated': 'Changed the written sections of a review’s report',
  'report.generated': 'Generated a version of a review’s report',
  'report.downloaded': 'Downloaded a version of a review’s report',
  'report.scanned': 'Scanned a version of a report for identifiers',
  'report.hit_acknowledged': 'Acknowledged an identifier found in a report, with a reason',
  'report.marked_publishable': 'Marked a version of a report publishable',
  'report.circulated': 'Circulated a version of a report for comment',
  'report.circulation_closed': 'Closed a round of comments on a report',
  'report.commented': 'Commented on a version of a report',
  'report.comment_resolved': 'Resolved a comment on a report',
  'report.signed_off': 'Recorded a sign-off outcome for a report',
} as const;
export type AuditAction = keyof typeof auditActions;

export const listAuditQuery = z.object({
  action: z
    .enum(Object.keys(auditActions) as [AuditAction, ...AuditAction[]], {
      error: 'Select an action from the list',
    })
    .optional(),
  actorUserId: id.optional(),
  entityType: z.string().max(40).optional(),
  from: z.iso.date({ error: 'Enter the from date as YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: 'Enter the to date as YYYY-MM-DD' }).optional(),
  before: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe('Show events older than this event id (paging)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

export const auditEventDto = z.object({
  id: z.string(),
  seq: z.int(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actor: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  details: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditEventList = z.object({
  events: z.array(auditEventDto),
  nextBefore: z.string().nullable(),
});
export type AuditEventList = z.infer<typeof auditEventList>;
