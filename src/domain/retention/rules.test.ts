import { describe, expect, it } from 'vitest';
import { eraseReviewInput, subjectAccessQuery, updateRetentionPolicyInput } from './retention.ts';
import {
  addYears,
  defaultRetainYears,
  erasureDueOn,
  erasureRefusal,
  isDueForErasure,
  mayManageRetention,
  referenceMatches,
  refusedWhenErased,
  retentionStartsOn,
} from './rules.ts';

describe('when a review’s retention period starts', () => {
  it('starts at publication, even when the review later closed', () => {
    expect(retentionStartsOn({ stage: 'closed', publishedOn: '2027-04-01', closedOn: '2028-01-10' })).toBe(
      '2027-04-01',
    );
    expect(retentionStartsOn({ stage: 'action_monitoring', publishedOn: '2027-04-01', closedOn: null })).toBe(
      '2027-04-01',
    );
  });

  it('starts at closure for a review closed without publication', () => {
    expect(retentionStartsOn({ stage: 'closed', publishedOn: null, closedOn: '2027-06-30' })).toBe(
      '2027-06-30',
    );
  });

  it('has not started for a review in progress or paused', () => {
    expect(retentionStartsOn({ stage: 'drafting', publishedOn: null, closedOn: null })).toBeNull();
    expect(retentionStartsOn({ stage: 'paused', publishedOn: null, closedOn: '2027-01-01' })).toBeNull();
  });
});

describe('when personal data falls due for erasure', () => {
  const published = { stage: 'action_monitoring' as const, publishedOn: '2020-03-15', closedOn: null };

  it('adds whole years, keeping 29 February inside the year', () => {
    expect(addYears('2020-03-15', 6)).toBe('2026-03-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('is due on the anniversary and after, not the day before', () => {
    expect(erasureDueOn(published, defaultRetainYears)).toBe('2026-03-15');
    expect(isDueForErasure(published, 6, '2026-03-14')).toBe(false);
    expect(isDueForErasure(published, 6, '2026-03-15')).toBe(true);
    expect(isDueForErasure(published, 6, '2030-01-01')).toBe(true);
  });

  it('is never due for a review in progress', () => {
    expect(isDueForErasure({ stage: 'analysis', publishedOn: null, closedOn: null }, 1, '2099-01-01')).toBe(
      false,
    );
  });
});

describe('whether erasure may go ahead', () => {
  it('refuses a review in progress and a review already erased', () => {
    expect(
      erasureRefusal({ stage: 'findings', publishedOn: null, closedOn: null, erased: false })?.code,
    ).toBe('in_progress');
    expect(
      erasureRefusal({ stage: 'closed', publishedOn: null, closedOn: '2020-01-01', erased: true })?.code,
    ).toBe('already_erased');
    expect(
      erasureRefusal({ stage: 'closed', publishedOn: null, closedOn: '2020-01-01', erased: false }),
    ).toBe(null);
  });

  it('accepts the review’s name typed again, ignoring case and spacing only', () => {
    expect(referenceMatches('  child   q ', 'Child Q')).toBe(true);
    expect(referenceMatches('Child R', 'Child Q')).toBe(false);
    expect(referenceMatches('', '')).toBe(false);
  });

  it('is for partnership admins only', () => {
    expect(mayManageRetention('partnership_admin')).toBe(true);
    expect(mayManageRetention('business_manager')).toBe(false);
    expect(mayManageRetention('member')).toBe(false);
  });

  it('refuses changes to an erased review but not reads', () => {
    expect(refusedWhenErased('editReview')).toBe(true);
    expect(refusedWhenErased('transitionReview')).toBe(true);
    expect(refusedWhenErased('uploadDocuments')).toBe(true);
    expect(refusedWhenErased('viewReview')).toBe(false);
    expect(refusedWhenErased('searchEvidence')).toBe(false);
  });
});

describe('the retention schemas', () => {
  it('names the field of bad input', () => {
    const years = updateRetentionPolicyInput.safeParse({ retainYears: 0, version: 1 });
    expect(years.success).toBe(false);
    expect(years.error?.issues[0]?.path).toEqual(['retainYears']);
    expect(updateRetentionPolicyInput.safeParse({ retainYears: 2.5, version: 1 }).success).toBe(false);
    const erase = eraseReviewInput.safeParse({ reason: ' ', confirmReference: 'Child Q' });
    expect(erase.error?.issues[0]?.path).toEqual(['reason']);
  });

  it('asks for an account or a person named in a review', () => {
    expect(subjectAccessQuery.safeParse({}).success).toBe(false);
    expect(
      subjectAccessQuery.safeParse({ participantId: '8b6f0a0e-2b1c-4f3e-9a0d-6f1e2d3c4b5a' }).success,
    ).toBe(true);
  });
});
