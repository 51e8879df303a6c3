import type { IsoDate } from '../calendar/working-days.ts';
import type { PublicationDecision } from '../publication/publication.ts';
import type { AutoEvidenceDto } from './quality.ts';

/*
 * The evidence Sightlines already holds for each quality marker, offered to the assessor. Facts are
 * gathered by the server as counts, dates and whether something is recorded: never the free text
 * of the review, since everyone who sees the self-assessment (the board included) sees this.
 */

/** What the server gathers about a review for the automatic evidence. */
export type QualityFacts = {
  partnershipId: string;
  reviewId: string;
  today: IsoDate;
  notification: { id: string; awareDate: IsoDate; dueDate: IsoDate; submittedDate: IsoDate | null } | null;
  rapidReview: { notificationId: string; dueDate: IsoDate; sentToPanelDate: IsoDate | null } | null;
  termsOfReference: {
    decisionDate: IsoDate | null;
    decisionRationaleRecorded: boolean;
    purposeRecorded: boolean;
    proportionalityRecorded: boolean;
    qualityAssurer: string | null;
    signOffChain: readonly string[];
  };
  /** When the letter to the family was generated, earliest first. */
  familyLetterDates: readonly IsoDate[];
  targetPublicationDate: IsoDate;
  /** The publication target as the review's deadlines show it; null once the review is past publication. */
  publicationTarget: { date: IsoDate; overdue: boolean; daysLeft: number } | null;
  draftRequests: ReadonlyArray<{ requestedOn: IsoDate; dueOn: IsoDate | null; receivedOn: IsoDate | null }>;
  parallelProcesses: { total: number; withContact: number };
  narrative: { events: number; documents: number; agenciesInScope: number; agenciesContributing: number };
  caseGroup: { members: number; conversationsHeld: number; conversationsConfirmed: number };
  family: {
    members: number;
    conversationsHeld: number;
    conversationsConfirmed: number;
    /** Whether the report's section on who took part, who did not and why is written. */
    participationSectionWritten: boolean;
  };
  analysis: {
    episodes: number;
    withHindsight: number;
    methodologyWritten: boolean;
    unresolvedLanguageFlags: number;
  };
  report: {
    versions: number;
    latest: {
      number: number;
      scannedOn: IsoDate;
      hits: number;
      unacknowledged: number;
      publishable: boolean;
    } | null;
  };
  publication: {
    decision: PublicationDecision;
    panelNoticeSentOn: IsoDate | null;
    dfeNoticeSentOn: IsoDate | null;
    publishedOn: IsoDate | null;
  } | null;
};

/** "1 event", "3 events". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** An evidence item before its link is settled (no link: null). */
export type Item = Omit<AutoEvidenceDto, 'href'> & { href?: string | null };
/** The web app's paths of the review and its partnership. */
export type Paths = { review: string; partnership: string };
/** The makers of one marker's evidence. */
export type EvidenceMaker = (f: QualityFacts, p: Paths) => Item[];

/** Whether a thing done by a deadline was on time, late, overdue or still to come. */
export function timeliness(due: IsoDate, done: IsoDate | null, today: IsoDate) {
  if (done) return done <= due ? 'on_time' : 'late';
  return today > due ? 'overdue' : 'pending';
}

export { formatLongDate as long } from '../publication/rules.ts';
