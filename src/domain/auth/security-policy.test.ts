import { describe, expect, it } from 'vitest';
import {
  mayManageSecurity,
  mfaRequiredBy,
  sensitiveReviewRoles,
  updateSecurityPolicyInput,
} from './security-policy.ts';

describe('the partnership security policy', () => {
  it('counts as seeing sensitive material the roles that read a review’s case material', () => {
    expect(sensitiveReviewRoles).toEqual([
      'lead_reviewer',
      'trainee_reviewer',
      'supervisor',
      'review_team_member',
      'business_manager',
    ]);
  });

  it('requires two-step verification by partnership role', () => {
    const policy = ['business_manager'] as const;
    expect(mfaRequiredBy(policy, { partnershipRole: 'business_manager', reviewRoles: [] })).toBe(true);
    expect(mfaRequiredBy(policy, { partnershipRole: 'member', reviewRoles: ['lead_reviewer'] })).toBe(false);
    expect(mfaRequiredBy([], { partnershipRole: 'partnership_admin', reviewRoles: [] })).toBe(false);
  });

  it('requires it of those who see sensitive material, including those who run every review', () => {
    const policy = ['sensitive_review_roles'] as const;
    expect(mfaRequiredBy(policy, { partnershipRole: 'member', reviewRoles: ['review_team_member'] })).toBe(
      true,
    );
    expect(mfaRequiredBy(policy, { partnershipRole: 'member', reviewRoles: ['case_group_member'] })).toBe(
      false,
    );
    expect(mfaRequiredBy(policy, { partnershipRole: 'member', reviewRoles: ['board_member', 'chair'] })).toBe(
      false,
    );
    expect(mfaRequiredBy(policy, { partnershipRole: 'member', reviewRoles: [] })).toBe(false);
    expect(mfaRequiredBy(policy, { partnershipRole: 'business_manager', reviewRoles: [] })).toBe(true);
    expect(mfaRequiredBy(policy, { partnershipRole: 'partnership_admin', reviewRoles: [] })).toBe(true);
  });

  it('is changed by partnership admins only', () => {
    expect(mayManageSecurity('partnership_admin')).toBe(true);
    expect(mayManageSecurity('business_manager')).toBe(false);
    expect(mayManageSecurity('member')).toBe(false);
  });

  it('takes a list of known requirements, once each', () => {
    expect(updateSecurityPolicyInput.parse({ requireMfaFor: ['member', 'member'], version: 1 })).toEqual({
      requireMfaFor: ['member'],
      version: 1,
    });
    const bad = updateSecurityPolicyInput.safeParse({ requireMfaFor: ['everyone'], version: 1 });
    expect(bad.error?.issues[0]?.path).toEqual(['requireMfaFor', 0]);
  });
});
