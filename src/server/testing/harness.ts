import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import { buildApp } from '../app.ts';
import { hashPassword } from '../auth/password.ts';
import { type Config, loadConfig } from '../config.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import {
  agencies,
  memberships,
  parallelProcesses,
  participants,
  partnerships,
  reviews,
  users,
} from '../db/schema/index.ts';

export const TEST_PASSWORD = 'marble-otter-lantern-57';
let passwordHash: Promise<string> | null = null;

/** A fresh database for one test file: a clone of the migrated snapshot (PGlite) or template (PostgreSQL). */
export async function openTestDatabase(): Promise<Database> {
  const template = inject('postgresTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (template && url) {
    const name = `sightlines_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openPostgres(u.toString(), { max: 5 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.end();
      },
    };
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  return openPglite(null, new Blob([snapshot]));
}

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
};

/** The real application on its own test database. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  logger?: Parameters<typeof buildApp>[0]['logger'],
): Promise<TestApp> {
  const database = await openTestDatabase();
  // Each test app keeps its files (uploaded documents) in a directory of its own.
  const dataDir = mkdtempSync(join(tmpdir(), 'sightlines-files-'));
  const config = {
    ...loadConfig({ SIGHTLINES_WEB_DIR: '/nonexistent', SIGHTLINES_DATA_DIR: dataDir }),
    ...overrides,
  };
  const app = await buildApp({ database, config, logger: logger ?? false });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Creates a partnership directly in the database. */
export async function givenPartnership(t: TestApp, name = `Partnership ${unique()}`) {
  const [p] = await t.database.db
    .insert(partnerships)
    .values({ name, slug: `p-${unique()}` })
    .returning();
  return p!;
}

export async function givenAgency(t: TestApp, partnershipId: string, name = `Agency ${unique()}`) {
  const [a] = await t.database.db
    .insert(agencies)
    .values({ partnershipId, name, sector: 'police' })
    .returning();
  return a!;
}

/** Creates a person with a role in a partnership, with the test password. */
export async function givenMember(
  t: TestApp,
  partnershipId: string,
  role: PartnershipRole,
  options: { email?: string; name?: string; mustChangePassword?: boolean } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `${role}.${unique()}@example.org`;
  const [user] = await t.database.db
    .insert(users)
    .values({
      email,
      name: options.name ?? `Test ${role}`,
      passwordHash: await passwordHash,
      mustChangePassword: options.mustChangePassword ?? false,
    })
    .returning();
  await t.database.db.insert(memberships).values({ partnershipId, userId: user!.id, role });
  return user!;
}

export type Session = { cookie: string; csrfToken: string; userId: string };

/** Signs in through the API, as the web does. */
export async function signInAs(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name.endsWith('sightlines_session'));
  const body = res.json();
  return { cookie: `${cookie!.name}=${cookie!.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

/** A request as a signed-in person (or anonymously with null), sending the CSRF token on writes. */
export function call(
  t: TestApp,
  session: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  }
  return t.app.inject({
    method,
    url,
    headers,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/** Creates a review at commissioning and set-up directly in the database. */
export async function givenReview(
  t: TestApp,
  partnershipId: string,
  overrides: Partial<typeof reviews.$inferInsert> = {},
) {
  const [r] = await t.database.db
    .insert(reviews)
    .values({
      partnershipId,
      title: `Child ${unique().toUpperCase()}`,
      type: 'lcspr',
      variant: 'full',
      stage: 'commissioning',
      initiatedDate: '2026-09-01',
      targetPublicationDate: '2027-03-01',
      plannedReviewTeamMeetings: 5,
      plannedJointMeetings: 2,
      ...overrides,
    })
    .returning();
  return r!;
}

/** Gives a person (a new member of the partnership when none is given) a role in a review. */
export async function givenParticipant(
  t: TestApp,
  review: { id: string; partnershipId: string },
  role: ReviewRole,
  user?: { id: string; email: string; name: string },
  where: { agencyId?: string; jobTitle?: string } = {},
) {
  const person = user ?? (await givenMember(t, review.partnershipId, 'member'));
  const [p] = await t.database.db
    .insert(participants)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      userId: person.id,
      role,
      name: person.name,
      email: person.email,
      agencyId: where.agencyId ?? null,
      jobTitle: where.jobTitle ?? null,
    })
    .returning();
  return p!;
}

/** A new member of the partnership with a role in a review (at an agency, in a job), signed in. */
export async function signedInWithRole(
  t: TestApp,
  review: { id: string; partnershipId: string },
  role: ReviewRole,
  options: { name?: string; agencyId?: string; jobTitle?: string } = {},
) {
  const user = await givenMember(
    t,
    review.partnershipId,
    'member',
    options.name ? { name: options.name } : {},
  );
  const participant = await givenParticipant(t, review, role, user, options);
  return { session: await signInAs(t, user.email), participant, user };
}

export async function givenParallelProcess(t: TestApp, review: { id: string; partnershipId: string }) {
  const [p] = await t.database.db
    .insert(parallelProcesses)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      kind: 'inquest',
      description: 'Inquest opened and adjourned',
    })
    .returning();
  return p!;
}
