import type { ReviewAction } from '../review/policy.ts';
import type { ReviewStage } from '../review/stages.ts';
import type { PartnershipRole } from '../user/roles.ts';

/**
 * Years a partnership keeps a review's personal data after the review is published (or closed
 * without publication) when it has not chosen otherwise. Nothing in the method or statutory guidance
 * fixes a period; six years is a common records schedule and each partnership can change it.
 */
export const defaultRetainYears = 6;
export const minRetainYears = 1;
export const maxRetainYears = 50;

/** Whether a partnership role may set the retention period, erase a review's personal data and export what is held about a person. */
export function mayManageRetention(role: PartnershipRole): boolean {
  return role === 'partnership_admin';
}

/** What decides when a review's retention period starts. */
export type RetentionFacts = {
  stage: ReviewStage;
  /** The date the report was published, if it was. */
  publishedOn: string | null;
  /** The date the review last moved to closed, if it did. */
  closedOn: string | null;
};

/** The day a review's retention period starts: its publication, or its closure without publication; null while it is still in progress. */
export function retentionStartsOn(facts: RetentionFacts): string | null {
  if (facts.publishedOn) return facts.publishedOn;
  if (facts.stage === 'closed' && facts.closedOn) return facts.closedOn;
  return null;
}

/** A date some whole years after another (29 February becomes 28 February in a year that lacks it). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day a review's personal data falls due for erasure, or null while the review is in progress. */
export function erasureDueOn(facts: RetentionFacts, retainYears: number): string | null {
  const start = retentionStartsOn(facts);
  return start ? addYears(start, retainYears) : null;
}

/** Whether a review's personal data is due for erasure on a day (ISO date). */
export function isDueForErasure(facts: RetentionFacts, retainYears: number, today: string): boolean {
  const due = erasureDueOn(facts, retainYears);
  return due !== null && due <= today;
}

/** Why a review's personal data may not be erased now, or null when it may. */
export function erasureRefusal(
  facts: RetentionFacts & { erased: boolean },
): { code: 'already_erased' | 'in_progress'; message: string } | null {
  if (facts.erased) {
    return { code: 'already_erased', message: 'This review’s personal data has already been erased.' };
  }
  if (retentionStartsOn(facts) === null) {
    return {
      code: 'in_progress',
      message:
        'This review is still in progress. Its personal data can be erased once its report is published or the review is closed.',
    };
  }
  return null;
}

/** Whether what was typed to confirm names the review: the same words, ignoring case and extra spaces. */
export function referenceMatches(typed: string, reference: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return norm(typed) !== '' && norm(typed) === norm(reference);
}

/** Review actions that only read; every other action is refused once a review's personal data is erased. */
const readOnlyActions: ReadonlySet<ReviewAction> = new Set<ReviewAction>([
  'searchEvidence',
  'generateBriefing',
]);

/** Whether an action in a review changes it, and so is refused once the review's personal data is erased. */
export function refusedWhenErased(action: ReviewAction): boolean {
  return !action.startsWith('view') && !readOnlyActions.has(action);
}

/** The kinds of record erasure removes or blanks, in the words the tombstone shows them in. */
export const erasureKinds = {
  conversations: 'Conversation records',
  conversationVersions: 'Earlier versions of conversation records',
  documents: 'Documents',
  chronologyEvents: 'Narrative events (text blanked)',
  chronologyPerspectives: 'Accounts of narrative events',
  chronologySources: 'Sources of narrative events',
  chronologyImports: 'Agency chronology imports',
  participants: 'People in the review (names and contact details blanked)',
  pseudonymEntries: 'Real names in the pseudonym register',
  meetings: 'Meetings (notes blanked)',
  meetingAttendees: 'Meeting attendance',
  episodes: 'Key practice episodes (text blanked)',
  episodeEvidence: 'Evidence cited by episodes',
  episodeComments: 'Comments on episodes',
  contributoryFactors: 'Contributory factors (evidence removed)',
  languageFlagDismissals: 'Kept wording flags',
  findings: 'Findings (case detail blanked)',
  reportDrafts: 'Report drafts',
  reportVersions: 'Unpublished report versions',
  reportComments: 'Comments on the report',
  reportCirculations: 'Report circulations',
  reportSignOffs: 'Report sign-offs',
  reportHitAcknowledgements: 'Acknowledged identifier scan hits',
  supervisionThreads: 'Supervision comments',
  supervisionReplies: 'Supervision replies',
  supervisionSessions: 'Supervision session notes',
  parallelProcesses: 'Parallel processes (details blanked)',
  actions: 'Named action owners',
  reviewTransitions: 'Reasons for stage changes',
} as const;
export type ErasureKind = keyof typeof erasureKinds;
