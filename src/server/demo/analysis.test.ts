import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedEpisodeFields } from '#domain/analysis/episode.ts';
import { buildCausalMap, caseGroupMaySee, unmetForStatus } from '#domain/analysis/rules.ts';
import { checkLanguage } from '#domain/reference/language.ts';
import { builtInReference } from '#domain/reference/reference.ts';
import type { Database } from '../db/client.ts';
import {
  chronologyEvents,
  contributoryFactors,
  episodeComments,
  episodeEvents,
  episodeEvidence,
  episodes,
  participants,
  referenceVersions,
  reviewAnalysisSettings,
  reviewReferencePins,
  reviews,
} from '../db/schema/index.ts';
import { openTestDatabase } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let database: Database;
let dataDir: string;
let reviewId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'sightlines-demo-'));
  const result = await seedDemo(database.db, 'demo-password-for-tests', dataDir);
  expect(result.created).toBe(true);
  const [review] = await database.db.select().from(reviews).where(eq(reviews.title, 'Child A'));
  reviewId = review!.id;
});
afterAll(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const loadEpisodes = () =>
  database.db.select().from(episodes).where(eq(episodes.reviewId, reviewId)).orderBy(episodes.number);
const loadFactors = () =>
  database.db.select().from(contributoryFactors).where(eq(contributoryFactors.reviewId, reviewId));
const loadComments = async (episodeIds: string[]) =>
  database.db.select().from(episodeComments).where(inArray(episodeComments.episodeId, episodeIds));

describe('demo analysis for Child A', () => {
  it('has six numbered episodes: two checked by the case group, two agreed, two drafts; four shared', async () => {
    const rows = await loadEpisodes();
    expect(rows.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const byStatus = (s: string) => rows.filter((e) => e.status === s).length;
    expect([byStatus('case_group_checked'), byStatus('review_team_agreed'), byStatus('draft')]).toEqual([
      2, 2, 2,
    ]);
    for (const e of rows) expect(e.sharedWithCaseGroupAt !== null).toBe(e.status !== 'draft');
    expect(new Set(rows.map((e) => e.appraisal))).toEqual(
      new Set(['good', 'adequate', 'problematic', 'mixed']),
    );
    expect(rows.filter((e) => e.hindsight.trim()).length).toBeGreaterThanOrEqual(3);
    const [settings] = await database.db
      .select()
      .from(reviewAnalysisSettings)
      .where(eq(reviewAnalysisSettings.reviewId, reviewId));
    expect(settings?.caseGroupScope).toBe('involved');
  });

  it('makes each episode from 3 to 8 real events of the narrative, inside its period and agencies', async () => {
    const [review] = await database.db.select().from(reviews).where(eq(reviews.id, reviewId));
    for (const e of await loadEpisodes()) {
      const linked = await database.db
        .select({ event: chronologyEvents })
        .from(episodeEvents)
        .innerJoin(chronologyEvents, eq(chronologyEvents.id, episodeEvents.eventId))
        .where(eq(episodeEvents.episodeId, e.id));
      expect(linked.length, e.title).toBeGreaterThanOrEqual(3);
      expect(linked.length, e.title).toBeLessThanOrEqual(8);
      for (const { event } of linked) {
        expect(event.reviewId).toBe(reviewId);
        expect(event.occurredOn >= e.periodFrom && event.occurredOn <= e.periodTo).toBe(true);
        expect(e.agencyIds).toContain(event.agencyId);
      }
      expect(e.periodFrom >= review!.scopeFrom! && e.periodTo <= review!.scopeTo!).toBe(true);
    }
    const evidence = await database.db.select().from(episodeEvidence);
    expect(evidence.map((x) => x.kind).sort()).toContain('document');
    expect(evidence.map((x) => x.kind)).toContain('conversation');
  });

  it('codes 2 to 4 ranked factors per episode to the built-in framework, with factor types shared across episodes', async () => {
    const rows = await loadEpisodes();
    const factors = await loadFactors();
    const groups = builtInReference.factors.content.groups;
    for (const e of rows) {
      const mine = factors.filter((f) => f.episodeId === e.id).sort((a, b) => a.rank - b.rank);
      expect(mine.length, e.title).toBeGreaterThanOrEqual(2);
      expect(mine.length, e.title).toBeLessThanOrEqual(4);
      expect(mine.map((f) => f.rank)).toEqual(mine.map((_, i) => i + 1));
      for (const f of mine) {
        const group = groups.find((g) => g.key === f.groupKey);
        expect(group, f.groupKey).toBeDefined();
        if (group!.types.length > 0) expect(group!.types).toContain(f.factorType);
      }
    }
    const episodesWith = (type: string) =>
      new Set(factors.filter((f) => f.factorType === type).map((f) => f.episodeId)).size;
    expect(episodesWith('Workload')).toBeGreaterThanOrEqual(3);
    expect(episodesWith('Supervision')).toBeGreaterThanOrEqual(2);
    expect(episodesWith('Information sharing between agencies')).toBeGreaterThanOrEqual(3);

    const labels = new Map(groups.map((g) => [g.key, g.label]));
    const map = buildCausalMap(
      {
        episodes: rows.map((e) => ({
          id: e.id,
          number: e.number,
          title: e.title,
          appraisal: e.appraisal,
          appraisalLabel: e.appraisal,
          agencyIds: e.agencyIds,
        })),
        factors: factors.map((f) => ({
          episodeId: f.episodeId,
          group: f.groupKey,
          groupLabel: labels.get(f.groupKey) ?? f.groupKey,
          factorType: f.factorType,
          description: f.description,
        })),
        findings: [],
      },
      {},
    );
    const linksOf = (nodeId: string) => map.edges.filter((x) => x.from === nodeId).length;
    const shared = map.nodes.filter((n) => n.kind === 'factor' && linksOf(n.id) >= 2);
    expect(shared.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps the written fields free of hindsight and blame wording but for one deliberate flag', async () => {
    const rules = builtInReference.language.content.rules;
    const flags: { where: string; ruleId: string; phrase: string }[] = [];
    for (const e of await loadEpisodes())
      for (const field of Object.keys(checkedEpisodeFields) as (keyof typeof checkedEpisodeFields)[])
        for (const f of checkLanguage(e[field], rules))
          flags.push({ where: `episode ${e.number} ${field}`, ruleId: f.ruleId, phrase: f.phrase });
    for (const f of await loadFactors())
      for (const flag of checkLanguage(f.description, rules))
        flags.push({ where: `factor ${f.id}`, ruleId: flag.ruleId, phrase: flag.phrase });
    expect(flags).toEqual([
      { where: 'episode 5 localRationality', ruleId: 'with-hindsight', phrase: 'Looking back' },
    ]);
  });

  it('has the statuses the rules allow, and two case group comments, one resolved', async () => {
    const rows = await loadEpisodes();
    const comments = await loadComments(rows.map((e) => e.id));
    expect(comments).toHaveLength(2);
    expect(comments.filter((c) => c.resolvedAt && c.resolvedBy && c.resolution)).toHaveLength(1);
    for (const c of comments) expect(c.authorRole).toMatch(/^Case group member \(/);
    for (const e of rows) {
      if (e.status === 'draft') continue;
      const facts = {
        ...e,
        status: e.status === 'case_group_checked' ? ('review_team_agreed' as const) : ('draft' as const),
        sharedWithCaseGroup: e.sharedWithCaseGroupAt !== null,
        openComments: comments.filter((c) => c.episodeId === e.id && !c.resolvedAt).length,
      };
      expect(unmetForStatus(facts, e.status as 'review_team_agreed' | 'case_group_checked'), e.title).toEqual(
        [],
      );
    }
  });

  it('shows the case group the shared episodes that involve their agency or role', async () => {
    const rows = await loadEpisodes();
    const members = await database.db.select().from(participants).where(eq(participants.reviewId, reviewId));
    const seen = (name: string) => {
      const m = members.find((p) => p.name === name && p.role === 'case_group_member')!;
      return rows
        .filter((e) =>
          caseGroupMaySee(
            { sharedWithCaseGroup: e.sharedWithCaseGroupAt !== null, agencyIds: e.agencyIds, roles: e.roles },
            { agencyId: m.agencyId, jobTitle: m.jobTitle },
            'involved',
          ),
        )
        .map((e) => e.number);
    };
    expect(seen('Jordan Blake')).toEqual([1, 2, 3, 4]);
    expect(seen('PC Leah Murray')).toEqual([2, 4]);
    expect(seen('Amira Haddad')).toEqual([1, 3, 4]);
  });

  it('pins the review to version 1 of every kind of reference data', async () => {
    const pins = await database.db
      .select({ kind: reviewReferencePins.kind, version: referenceVersions.version })
      .from(reviewReferencePins)
      .innerJoin(referenceVersions, eq(referenceVersions.id, reviewReferencePins.referenceVersionId))
      .where(eq(reviewReferencePins.reviewId, reviewId));
    expect(pins.map((p) => `${p.kind}:${p.version}`).sort()).toEqual([
      'appraisal:1',
      'factors:1',
      'language:1',
      'typology:1',
    ]);
  });

  it('loads once: a second run changes nothing', async () => {
    const again = await seedDemo(database.db, undefined, dataDir);
    expect(again.created).toBe(false);
    expect(await loadEpisodes()).toHaveLength(6);
  });
});
