import { z } from 'zod';
import {
  mayInReview,
  type ReviewAction,
  type ReviewActor,
  type ReviewRole,
  reviewRoles,
} from '../review/policy.ts';
import { id, version } from '../shared/fields.ts';
import type { PartnershipRole } from '../user/roles.ts';

/** Who a partnership can require to use two-step verification: partnership roles, and those who see case material. */
export const mfaRequirements = {
  partnership_admin: 'Partnership admins',
  business_manager: 'Business managers',
  member: 'Members',
  sensitive_review_roles:
    'Anyone whose part in a review lets them read case material: conversation records, documents, the multi-agency narrative or the pseudonym register',
} as const;
export type MfaRequirement = keyof typeof mfaRequirements;
export const mfaRequirement = z.enum(Object.keys(mfaRequirements) as [MfaRequirement, ...MfaRequirement[]], {
  error: 'Select who must use two-step verification from the list',
});

/** What counts as sensitive material: the case itself, as agencies recorded it and practitioners told it. */
const sensitiveActions: readonly ReviewAction[] = [
  'viewConversations',
  'viewDocuments',
  'viewNarrative',
  'searchEvidence',
  'viewPseudonymRegister',
];

/** Whether someone, by their part in a review or their partnership role, can read the review's case material. */
export function seesSensitiveMaterial(actor: ReviewActor): boolean {
  return sensitiveActions.some((action) => mayInReview(actor, action));
}

/** The review roles that can read case material. */
export const sensitiveReviewRoles: ReviewRole[] = (Object.keys(reviewRoles) as ReviewRole[]).filter((role) =>
  seesSensitiveMaterial({ reviewRoles: [role], partnershipRole: null }),
);

/**
 * Whether a partnership's policy requires two-step verification of a person, given their
 * partnership role and their roles in the partnership's reviews.
 */
export function mfaRequiredBy(
  requireMfaFor: readonly MfaRequirement[],
  person: { partnershipRole: PartnershipRole; reviewRoles: readonly ReviewRole[] },
): boolean {
  if (requireMfaFor.includes(person.partnershipRole)) return true;
  return (
    requireMfaFor.includes('sensitive_review_roles') &&
    seesSensitiveMaterial({ reviewRoles: person.reviewRoles, partnershipRole: person.partnershipRole })
  );
}

/** Whether a partnership role may change the partnership's security policy and its API tokens. */
export function mayManageSecurity(role: PartnershipRole): boolean {
  return role === 'partnership_admin';
}

export const securityPolicyDto = z.object({
  requireMfaFor: z.array(mfaRequirement),
  version: z.int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id, name: z.string() }).nullable(),
  options: z.array(z.object({ value: mfaRequirement, label: z.string() })),
  sensitiveReviewRoles: z
    .array(z.object({ role: z.string(), label: z.string() }))
    .describe(
      'The review roles that `sensitive_review_roles` covers; partnership admins and business managers run every review, so they are covered too',
    ),
  abilities: z.object({ update: z.boolean() }),
});
export type SecurityPolicyDto = z.infer<typeof securityPolicyDto>;

export const updateSecurityPolicyInput = z.object({
  requireMfaFor: z
    .array(mfaRequirement, { error: 'Select who must use two-step verification, or none' })
    .max(Object.keys(mfaRequirements).length)
    .transform((list) => [...new Set(list)]),
  version,
});
export type UpdateSecurityPolicyInput = z.infer<typeof updateSecurityPolicyInput>;
