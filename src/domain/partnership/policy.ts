import type { PartnershipRole } from '../user/roles.ts';

/** A signed-in person as the policies see them in one partnership. */
export type PartnershipActor = { userId: string; role: PartnershipRole };

export type PartnershipAction =
  | 'viewPartnership'
  | 'listAgencies'
  | 'manageAgencies'
  | 'listUsers'
  | 'manageUsers'
  | 'viewAudit'
  | 'commissionReviews'
  | 'manageIntake'
  | 'viewReferenceData'
  | 'manageReferenceData'
  | 'viewReviewerPool'
  | 'manageReviewerPool'
  | 'monitorReviews'
  | 'trackActions'
  | 'viewLibrary'
  | 'manageLibrary'
  | 'viewAnalytics';

/**
 * What each partnership role may do. Members see the partnership and its agencies; business
 * managers run reviews and keep the agency list; partnership admins also manage people and read
 * the audit log.
 */
export const partnershipPolicy: Record<PartnershipAction, readonly PartnershipRole[]> = {
  viewPartnership: ['partnership_admin', 'business_manager', 'member'],
  listAgencies: ['partnership_admin', 'business_manager', 'member'],
  manageAgencies: ['partnership_admin', 'business_manager'],
  listUsers: ['partnership_admin', 'business_manager'],
  manageUsers: ['partnership_admin'],
  viewAudit: ['partnership_admin'],
  commissionReviews: ['partnership_admin', 'business_manager'],
  manageIntake: ['partnership_admin', 'business_manager'],
  viewReferenceData: ['partnership_admin', 'business_manager', 'member'],
  manageReferenceData: ['partnership_admin'],
  // The reviewer pool and training programme hold accreditation and declared conflicts.
  viewReviewerPool: ['partnership_admin', 'business_manager'],
  manageReviewerPool: ['partnership_admin', 'business_manager'],
  // The partners' monitoring of time and quality across reviews (and requests for a draft).
  monitorReviews: ['partnership_admin', 'business_manager'],
  // The partnership-wide action tracker and its export.
  trackActions: ['partnership_admin', 'business_manager'],
  // The learning library holds anonymised findings; members see the published ones (see library rules).
  viewLibrary: ['partnership_admin', 'business_manager', 'member'],
  // Importing older findings and choosing to share published findings with every partnership.
  manageLibrary: ['partnership_admin', 'business_manager'],
  // Counts across reviews: no case detail.
  viewAnalytics: ['partnership_admin', 'business_manager', 'member'],
};

/** Whether a member of a partnership may take a partnership-level action. */
export function mayInPartnership(actor: PartnershipActor, action: PartnershipAction): boolean {
  return partnershipPolicy[action].includes(actor.role);
}

/** The partnership-level abilities the web shows or hides, derived from the policy. */
export function partnershipAbilities(actor: PartnershipActor) {
  return {
    manageAgencies: mayInPartnership(actor, 'manageAgencies'),
    listUsers: mayInPartnership(actor, 'listUsers'),
    manageUsers: mayInPartnership(actor, 'manageUsers'),
    viewAudit: mayInPartnership(actor, 'viewAudit'),
    manageIntake: mayInPartnership(actor, 'manageIntake'),
    commissionReviews: mayInPartnership(actor, 'commissionReviews'),
    viewReferenceData: mayInPartnership(actor, 'viewReferenceData'),
    manageReferenceData: mayInPartnership(actor, 'manageReferenceData'),
    viewReviewerPool: mayInPartnership(actor, 'viewReviewerPool'),
    manageReviewerPool: mayInPartnership(actor, 'manageReviewerPool'),
    monitorReviews: mayInPartnership(actor, 'monitorReviews'),
    trackActions: mayInPartnership(actor, 'trackActions'),
    viewLibrary: mayInPartnership(actor, 'viewLibrary'),
    manageLibrary: mayInPartnership(actor, 'manageLibrary'),
    viewAnalytics: mayInPartnership(actor, 'viewAnalytics'),
  };
}
