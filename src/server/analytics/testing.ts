import { londonDate } from '#domain/intake/deadlines.ts';
import { givenAction } from '../action/testing.ts';
import { givenEpisode, givenFactor } from '../analysis/testing.ts';
import { libraryEntries, publications } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
import { givenMember, givenPartnership, givenReview, signInAs, type TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string };

/**
 * Findings in the learning library, directly in the database: `count` alike entries of a year, as
 * imported findings unless a review is given.
 */
export async function givenLibraryEntries(
  t: TestApp,
  partnershipId: string,
  values: Partial<typeof libraryEntries.$inferInsert> & { year: number },
  count = 1,
) {
  const row = {
    partnershipId,
    source: values.reviewId ? 'review' : 'import',
    reviewTitle: 'Child T',
    reviewType: 'lcspr',
    statement:
      'Practitioners accept a parent’s account of an injury to a non-mobile baby without checking it',
    ...values,
  };
  return t.database.db
    .insert(libraryEntries)
    .values(Array.from({ length: count }, () => row))
    .returning();
}

/** A review's publication record saying it was published on a day. */
export async function givenPublished(t: TestApp, review: Review, publishedOn: string) {
  const [row] = await t.database.db
    .insert(publications)
    .values({
      reviewId: review.id,
      partnershipId: review.partnershipId,
      decision: 'publish',
      publishedOn,
      url: 'https://example.org/reports/child-review.pdf',
    })
    .returning();
  return row!;
}

/** This year in England, as the analytics count it. */
export const thisYear = () => Number(londonDate(new Date()).slice(0, 4));

/**
 * A partnership with known figures, and another whose figures must never be counted. With Y this
 * year, the partnership has:
 * - library findings: Y: 3 tools (themes neglect and information sharing on 2 of them, neglect on
 *   the third), 1 family–professional, 1 of a local category "Housing", 2 uncoded; Y−2: 2 human
 *   reasoning; Y−5: 1 tools (outside the default five years);
 * - contributory factors recorded this year: Conditions of work / Workload 3 times in 2 reviews,
 *   Family / Family dynamics once, Own team with no type once; one recorded in Y−6;
 * - reviews initiated Y−1: "Child A" (1 March, published 31 August: 183 days, within six months),
 *   "Child B" (1 April, published 2 October: 184 days, not within); "=Child C" initiated today,
 *   not published; "Child D" initiated in Y−6;
 * - actions: due Y Q1 done; due Y−1 Q2 one open (overdue) and one impact verified; due Y+1 Q1 in
 *   progress; one open with no due date; one open due in Y−9 (overdue).
 */
export async function givenAnalyticsScenario(t: TestApp) {
  const Y = thisYear();
  const partnership = await givenPartnership(t, 'Northshire Safeguarding Children Partnership');
  const other = await givenPartnership(t);
  const pid = partnership.id;

  await givenLibraryEntries(
    t,
    pid,
    { year: Y, typologyCode: 'tools', themes: ['neglect', 'information_sharing'] },
    2,
  );
  await givenLibraryEntries(t, pid, { year: Y, typologyCode: 'tools', themes: ['neglect'] });
  await givenLibraryEntries(t, pid, { year: Y, typologyCode: 'family_professional' });
  await givenLibraryEntries(t, pid, { year: Y, typologyCode: 'local_housing', typologyName: 'Housing' });
  await givenLibraryEntries(t, pid, { year: Y }, 2);
  await givenLibraryEntries(t, pid, { year: Y - 2, typologyCode: 'human_reasoning' }, 2);
  await givenLibraryEntries(t, pid, { year: Y - 5, typologyCode: 'tools' });
  await givenLibraryEntries(t, other.id, { year: Y, typologyCode: 'tools', themes: ['neglect'] }, 5);

  const a = await givenReview(t, pid, { title: 'Child A', initiatedDate: `${Y - 1}-03-01` });
  const b = await givenReview(t, pid, { title: 'Child B', initiatedDate: `${Y - 1}-04-01` });
  const c = await givenReview(t, pid, { title: '=Child C', initiatedDate: londonDate(new Date()) });
  await givenReview(t, pid, { title: 'Child D', initiatedDate: `${Y - 6}-01-01` });
  await givenPublished(t, a, `${Y - 1}-08-31`);
  await givenPublished(t, b, `${Y - 1}-10-02`);
  const elsewhere = await givenReview(t, other.id, { initiatedDate: `${Y - 1}-03-01` });
  await givenPublished(t, elsewhere, `${Y - 1}-03-02`);

  const a1 = await givenEpisode(t, a);
  const a2 = await givenEpisode(t, a);
  const b1 = await givenEpisode(t, b);
  const workload = { groupKey: 'conditions_of_work', factorType: 'Workload' };
  await givenFactor(t, a1, workload);
  await givenFactor(t, a2, workload);
  await givenFactor(t, b1, workload);
  await givenFactor(t, a1, { groupKey: 'family', factorType: 'Family dynamics' });
  await givenFactor(t, b1, { groupKey: 'own_team', factorType: null });
  await givenFactor(t, b1, { groupKey: 'family', createdAt: new Date(`${Y - 6}-06-01T12:00:00Z`) });
  await givenFactor(t, await givenEpisode(t, elsewhere), workload);

  const finding = await givenFinding(t, a);
  const action = (values: Partial<Parameters<typeof givenAction>[3]>) =>
    givenAction(t, a, finding.id, values);
  await action({ dueOn: `${Y}-01-10`, status: 'done', completedOn: `${Y}-01-09` });
  await action({ dueOn: `${Y - 1}-05-01` });
  await action({ dueOn: `${Y - 1}-05-20`, status: 'impact_verified', completedOn: `${Y - 1}-05-19` });
  await action({ dueOn: `${Y + 1}-02-01`, status: 'in_progress' });
  await action({});
  await action({ dueOn: `${Y - 9}-01-01` });
  await givenAction(t, elsewhere, (await givenFinding(t, elsewhere)).id, { dueOn: `${Y - 1}-05-01` });

  return {
    Y,
    pid,
    otherId: other.id,
    reviews: { a, b, c },
    admin: await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email),
    manager: await signInAs(t, (await givenMember(t, pid, 'business_manager')).email),
    member: await signInAs(t, (await givenMember(t, pid, 'member')).email),
    outsider: await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email),
  };
}
