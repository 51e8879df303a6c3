import { describe, expect, it } from 'vitest';
import { type PartnershipRole, partnershipRoles } from '../user/roles.ts';
import { mayInPartnership, type PartnershipAction, partnershipAbilities } from './policy.ts';

const expected: Record<PartnershipRole, Record<PartnershipAction, boolean>> = {
  partnership_admin: {
    viewPartnership: true,
    listAgencies: true,
    manageAgencies: true,
    listUsers: true,
    manageUsers: true,
    viewAudit: true,
    commissionReviews: true,
    manageIntake: true,
    viewReferenceData: true,
    manageReferenceData: true,
    viewReviewerPool: true,
    manageReviewerPool: true,
    monitorReviews: true,
    trackActions: true,
    viewLibrary: true,
    manageLibrary: true,
    viewAnalytics: true,
  },
  business_manager: {
    viewPartnership: true,
    listAgencies: true,
    manageAgencies: true,
    listUsers: true,
    manageUsers: false,
    viewAudit: false,
    commissionReviews: true,
    manageIntake: true,
    viewReferenceData: true,
    manageReferenceData: false,
    viewReviewerPool: true,
    manageReviewerPool: true,
    monitorReviews: true,
    trackActions: true,
    viewLibrary: true,
    manageLibrary: true,
    viewAnalytics: true,
  },
  member: {
    viewPartnership: true,
    listAgencies: true,
    manageAgencies: false,
    listUsers: false,
    manageUsers: false,
    viewAudit: false,
    commissionReviews: false,
    manageIntake: false,
    viewReferenceData: true,
    manageReferenceData: false,
    viewReviewerPool: false,
    manageReviewerPool: false,
    monitorReviews: false,
    trackActions: false,
    viewLibrary: true,
    manageLibrary: false,
    viewAnalytics: true,
  },
};

describe('partnership policy', () => {
  for (const role of Object.keys(partnershipRoles) as PartnershipRole[]) {
    for (const [action, allowed] of Object.entries(expected[role])) {
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(mayInPartnership({ userId: 'u', role }, action as PartnershipAction)).toBe(allowed);
      });
    }
  }

  it('derives abilities from the same table', () => {
    expect(partnershipAbilities({ userId: 'u', role: 'business_manager' })).toEqual({
      manageAgencies: true,
      listUsers: true,
      manageUsers: false,
      viewAudit: false,
      manageIntake: true,
      commissionReviews: true,
      viewReferenceData: true,
      manageReferenceData: false,
      viewReviewerPool: true,
      manageReviewerPool: true,
      monitorReviews: true,
      trackActions: true,
      viewLibrary: true,
      manageLibrary: true,
      viewAnalytics: true,
    });
  });
});
