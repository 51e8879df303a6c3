import type { Queryable } from '../db/client.ts';

/**
 * Brings a review's entries in the learning library into step with its findings: every agreed or
 * final finding has one entry, its text anonymised with the review's pseudonym register; others
 * have none. Called in the same transaction as whatever changed the findings, register,
 * publication, agencies or contributory factors.
 */
export async function refreshLibraryForReview(_q: Queryable, _reviewId: string, _now: Date): Promise<void> {
  // Implemented with the library service.
}
