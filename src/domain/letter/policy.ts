import type { ReviewRole } from '../review/policy.ts';
import type { PartnershipRole } from '../user/roles.ts';
import type { LetterKind } from './letter.ts';

/** Partnership admins and business managers keep the partnership's wording of its letters. */
export function mayEditLetterTemplates(role: PartnershipRole): boolean {
  return role === 'partnership_admin' || role === 'business_manager';
}

/**
 * Who each letter can be addressed to: the introductory letter to anyone taking part in the review
 * other than the family, the family letter to family members only.
 */
export function mayReceiveLetter(kind: LetterKind, role: ReviewRole): boolean {
  return kind === 'family' ? role === 'family_member' : role !== 'family_member';
}

/** Whether a letter needs a named recipient: the family letter can be written to the family as a whole. */
export function letterNeedsParticipant(kind: LetterKind): boolean {
  return kind !== 'family';
}
