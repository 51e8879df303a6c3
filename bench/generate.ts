// The seeded synthetic data generator: partnerships, agencies, one business manager, reviews with
// their people, and (in generate-evidence.ts) the narrative events, episodes, findings and library
// entries, all loaded with COPY. Foreign keys hold by construction and every row carries its
// partnership's id, the tenant key.
import type { agencySectors } from '#domain/partnership/agency.ts';
import { reviewTypes } from '#domain/review/review.ts';
import { hashPassword } from '#server/auth/password.ts';
import type { CopyRow, Loader } from './copy.ts';
import { loadEvidence, type ReviewPlan } from './generate-evidence.ts';
import type { Scale } from './scale.ts';
import { partnershipName, practitionerRoles, Random } from './words.ts';

export const BENCH_EMAIL = 'manager@bench.sightlines.test';
export const BENCH_PASSWORD = 'bench-password-for-national-scale-42';

/** What the measurements need to know about the generated data. */
export type Fixture = {
  partnershipId: string;
  /** The review with `largeReviewEvents` events, in the business manager's partnership. */
  largeReviewId: string;
  /** A review of the same partnership that the event-creation load writes to. */
  writeReviewId: string;
  /** Empty reviews: one for the CSV import, one for the raw COPY it is compared with. */
  importReviewId: string;
  copyReviewId: string;
  /** The agencies of the business manager's partnership. */
  agencyIds: string[];
  email: string;
  password: string;
  counts: Record<string, number>;
  seconds: number;
};

const agencyKinds: [string, keyof typeof agencySectors][] = [
  ['Children’s Services', 'childrens_social_care'],
  ['Police', 'police'],
  ['Hospitals NHS Trust', 'health_acute'],
  ['Community Health NHS Trust', 'health_community'],
  ['Medical Practice', 'health_gp'],
  ['Mental Health NHS Foundation Trust', 'health_mental_health'],
  ['Education Service', 'education'],
  ['Probation Service', 'probation'],
  ['Homes', 'housing'],
  ['Family Support (charity)', 'voluntary'],
];

const laterStages = ['findings', 'drafting', 'factual_accuracy', 'quality_assurance'] as const;
const publishedStages = ['publication', 'action_monitoring', 'closed'] as const;
const earlyStages = ['commissioning', 'data_collection', 'analysis'] as const;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Big tables lose their secondary indexes during the load and get them back, built once, after it. */
const bulkTables = [
  'chronology_events',
  'chronology_knowledge',
  'chronology_sources',
  'chronology_perspectives',
  'episode_events',
  'library_entries',
  'findings',
  'participants',
];

async function dropSecondaryIndexes(loader: Loader): Promise<string[]> {
  const rows = await loader.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes
     where schemaname = 'public' and tablename = any($1)
       and indexname not in (select conname from pg_constraint)`,
    [bulkTables],
  );
  for (const r of rows) await loader.query(`drop index ${r.indexname}`);
  return rows.map((r) => r.indexdef);
}

/**
 * Generates a scale's data into a migrated, empty database. On PostgreSQL the load runs with
 * triggers (foreign-key checks) off and secondary indexes dropped, then rebuilds them and analyses.
 */
export async function generate(
  loader: Loader,
  scale: Scale,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<Fixture> {
  const started = performance.now();
  const r = new Random(seed);
  const counts: Record<string, number> = {};
  const copy = async (table: string, columns: string[], rows: CopyRow[]) => {
    counts[table] = (counts[table] ?? 0) + (await loader.copy(table, columns, rows));
  };
  await loader.query(`set session_replication_role = replica`);
  const indexes = loader.kind === 'postgres' ? await dropSecondaryIndexes(loader) : [];

  const partnerships = Array.from({ length: scale.partnerships }, (_, i) => ({
    id: r.uuid(),
    name: partnershipName(i),
    slug: `bench-${i + 1}`,
    shares: i === 0 || r.chance(0.7),
    agencies: agencyKinds.map(([kind, sector]) => ({ id: r.uuid(), name: `${kind} ${i + 1}`, sector })),
  }));
  await copy(
    'partnerships',
    ['id', 'name', 'slug'],
    partnerships.map((p) => [p.id, p.name, p.slug]),
  );
  await copy(
    'agencies',
    ['id', 'partnership_id', 'name', 'sector'],
    partnerships.flatMap((p) => p.agencies.map((a) => [a.id, p.id, a.name, a.sector])),
  );
  await copy(
    'library_settings',
    ['partnership_id', 'share_nationally'],
    partnerships.map((p) => [p.id, p.shares]),
  );
  const home = partnerships[0]!;
  const userId = r.uuid();
  await copy(
    'users',
    ['id', 'email', 'name', 'password_hash'],
    [[userId, BENCH_EMAIL, 'Bench Business Manager', await hashPassword(BENCH_PASSWORD)]],
  );
  await copy(
    'memberships',
    ['id', 'partnership_id', 'user_id', 'role'],
    [[r.uuid(), home.id, userId, 'business_manager']],
  );

  // Reviews: the large one and the one written to first, then the rest spread over partnerships.
  const others = scale.events - scale.largeReviewEvents;
  const perReview = others / Math.max(1, scale.reviews - 1);
  const plans: ReviewPlan[] = [];
  for (let i = 0; i < scale.reviews + 2; i++) {
    const p = i < 2 || i >= scale.reviews ? home : partnerships[i % partnerships.length]!;
    const empty = i >= scale.reviews;
    const stage =
      i === 0
        ? 'analysis'
        : empty || i === 1
          ? 'data_collection'
          : r.chance(0.55)
            ? r.pick(publishedStages)
            : r.chance(0.5)
              ? r.pick(laterStages)
              : r.pick(earlyStages);
    const initiated = addDays('2019-01-01', r.int(0, 2400));
    const published = (publishedStages as readonly string[]).includes(stage);
    plans.push({
      id: r.uuid(),
      partnershipId: p.id,
      code: `${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ''}`,
      type: i === 0 ? 'lcspr' : r.pick(Object.keys(reviewTypes)),
      stage,
      initiated,
      scopeFrom: addDays(initiated, -r.int(400, 900)),
      publishedOn: published ? addDays(initiated, r.int(150, 400)) : null,
      agencies: r.some(p.agencies, 4, 7),
      events: empty ? 0 : i === 0 ? scale.largeReviewEvents : Math.round(perReview * (0.5 + r.next())),
      findings: empty || (earlyStages as readonly string[]).includes(stage) || i < 2 ? 0 : 1,
      episodes: empty ? 0 : i === 0 ? 40 : r.int(2, 6),
    });
  }
  // Findings only where the analysis has reached them, spread so the total comes to the scale's.
  const withFindings = plans.filter((v) => v.findings > 0);
  const perFinding = scale.findings / Math.max(1, withFindings.length);
  for (const v of withFindings) v.findings = Math.max(1, Math.round(perFinding * (0.5 + r.next())));
  await copy(
    'reviews',
    [
      'id',
      'partnership_id',
      'title',
      'type',
      'variant',
      'stage',
      'initiated_date',
      'target_publication_date',
      'scope_from',
      'scope_to',
      'purpose_statement',
      'planned_review_team_meetings',
      'planned_joint_meetings',
    ],
    plans.map((v) => [
      v.id,
      v.partnershipId,
      `Child ${v.code}`,
      v.type,
      'full',
      v.stage,
      v.initiated,
      addDays(v.initiated, 182),
      v.scopeFrom,
      addDays(v.initiated, -14),
      'To understand how agencies worked together to protect the child and what that shows about the system.',
      5,
      2,
    ]),
  );
  await copy(
    'review_agencies',
    ['review_id', 'agency_id', 'partnership_id'],
    plans.flatMap((v) => v.agencies.map((a) => [v.id, a.id, v.partnershipId])),
  );
  await copy(
    'research_questions',
    ['id', 'partnership_id', 'review_id', 'position', 'text'],
    plans.flatMap((v) => [
      [
        r.uuid(),
        v.partnershipId,
        v.id,
        1,
        'How well do agencies share what they know about adults in the household?',
      ],
      [r.uuid(), v.partnershipId, v.id, 2, 'What helps practitioners see the cumulative effect of neglect?'],
    ]),
  );
  await copy(
    'participants',
    ['id', 'partnership_id', 'review_id', 'role', 'name', 'email', 'job_title', 'agency_id'],
    plans.flatMap((v, n) =>
      (
        [
          'lead_reviewer',
          'lead_reviewer',
          'review_team_member',
          'review_team_member',
          'case_group_member',
          'case_group_member',
          'case_group_member',
        ] as const
      ).map((role, k) => [
        r.uuid(),
        v.partnershipId,
        v.id,
        role,
        `Person ${n}-${k}`,
        `person.${n}.${k}@bench.sightlines.test`,
        r.pick(practitionerRoles),
        v.agencies[k % v.agencies.length]!.id,
      ]),
    ),
  );

  await loadEvidence(
    loader,
    plans,
    r,
    (table, n) => {
      counts[table] = (counts[table] ?? 0) + n;
    },
    (events) =>
      log(`copied ${events.toLocaleString('en-GB')} of ${scale.events.toLocaleString('en-GB')} events`),
  );
  log('rebuilding indexes and analysing');
  await loader.query(`set session_replication_role = origin`);
  if (indexes.length) {
    await loader.query(`set maintenance_work_mem = '512MB'`);
    for (const def of indexes) await loader.query(def);
  }
  await loader.query(loader.kind === 'postgres' ? 'vacuum analyze' : 'analyze');
  const [large, write] = plans;
  return {
    partnershipId: home.id,
    largeReviewId: large!.id,
    writeReviewId: write!.id,
    importReviewId: plans[scale.reviews]!.id,
    copyReviewId: plans[scale.reviews + 1]!.id,
    agencyIds: home.agencies.map((a) => a.id),
    email: BENCH_EMAIL,
    password: BENCH_PASSWORD,
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}
