import type { ReviewRole } from '../review/policy.ts';
import { mayInReview, type ReviewActor } from '../review/policy.ts';
import {
  type CirculationAudience,
  defaultSignOffChain,
  type NarrativeKey,
  narrativeKeys,
  narrativeSections,
  type SignOffOutcome,
  type SignOffStatus,
} from './report.ts';

/** The review roles that read a version circulated to an audience (besides the review team side, who read every version). */
export const audienceRoles: Record<CirculationAudience, readonly ReviewRole[]> = {
  review_team: ['lead_reviewer', 'trainee_reviewer', 'supervisor', 'review_team_member', 'chair'],
  case_group: ['case_group_member'],
  // Agencies check factual accuracy through their senior managers on the review team and their practitioners.
  agencies: ['review_team_member', 'case_group_member'],
  family: ['family_member'],
};

/** Whether the person is in an audience of a circulation. */
export function inAudience(actor: ReviewActor, audience: CirculationAudience): boolean {
  return actor.reviewRoles.some((role) => audienceRoles[audience].includes(role));
}

/**
 * Whether the person may read a version: the review team side reads every draft; someone in the
 * audience of a round it was circulated to reads it; once signed off, everyone in the review does
 * (board members included). Anyone else is told it does not exist.
 */
export function mayReadVersion(
  actor: ReviewActor,
  version: { signOffStatus: SignOffStatus; circulatedTo: readonly CirculationAudience[] },
): boolean {
  if (mayInReview(actor, 'viewReportDrafts')) return true;
  if (version.signOffStatus === 'signed_off' && mayInReview(actor, 'viewSignedOffOutputs')) return true;
  return version.circulatedTo.some((a) => inAudience(actor, a));
}

/** The review's sign-off chain: the steps its terms of reference name, or the usual three. */
export function signOffChainOf(termsChain: readonly string[] | null | undefined): string[] {
  return termsChain?.length ? [...termsChain] : [...defaultSignOffChain];
}

/**
 * Where a version is in the sign-off chain, from the outcomes recorded in step order: changes
 * requested at any step stops the chain for that version (a new version starts again); every step
 * approved is signed off.
 */
export function signOffState(
  chain: readonly string[],
  outcomes: readonly { step: number; outcome: SignOffOutcome }[],
): { status: SignOffStatus; next: { step: number; label: string } | null } {
  if (outcomes.some((o) => o.outcome === 'changes_requested'))
    return { status: 'changes_requested', next: null };
  const approved = outcomes.length;
  if (approved >= chain.length) return { status: 'signed_off', next: null };
  return {
    status: approved === 0 ? 'not_started' : 'in_progress',
    next: { step: approved, label: chain[approved] as string },
  };
}

/** The keys of the hits in a scan that nobody has acknowledged: while any remain, a version is not publishable. */
export function unacknowledgedHits(hitKeys: readonly string[], acknowledged: ReadonlySet<string>): string[] {
  return hitKeys.filter((k) => !acknowledged.has(k));
}

/** The narrative sections still empty, by title (the methodology has a default text, so it is never empty). */
export function unwrittenSections(narrative: Partial<Record<NarrativeKey, string | null>>): string[] {
  return narrativeKeys
    .filter((k) => k !== 'methodology' && k !== 'familyComposition' && !narrative[k]?.trim())
    .map((k) => narrativeSections[k].title);
}
