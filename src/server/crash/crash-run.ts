import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';
import type { Database } from '../db/client.ts';
import { memberships, partnerships, users } from '../db/schema/index.ts';
import { ApiClient } from './api-client.ts';
import { checkConsistency } from './consistency.ts';
import { logTail, type RunningServer, type ServerSetup, startServer } from './server-process.ts';
import {
  type AckedEvent,
  driveRound,
  eventsPath,
  type ImportAttempt,
  importFile,
  importsPath,
  type KillPlan,
  seededRandom,
  type Target,
} from './workload.ts';

export const CRASH_EMAIL = 'crash.manager@example.org';
export const CRASH_PASSWORD = 'harbour-quill-meadow-83';

export type CrashOptions = {
  label: 'PGlite' | 'PostgreSQL';
  setup: ServerSetup;
  /** Opens the database from this process, to seed it and to check it between runs of the server. */
  open(): Promise<Database>;
  /** PGlite allows one process at a time: the database can be checked only while the server is down. */
  embedded: boolean;
  kills: number;
  seed: number;
  rows: number;
  writers: number;
  log(line: string): void;
};

export type CrashSummary = {
  kills: number;
  survived: number;
  ackedWrites: number;
  importsWhole: number;
  importsAbsent: number;
  seconds: number;
};

/** Creates the partnership and its business manager directly in the database, as the CLI does. */
export async function seedPeople(database: Database): Promise<void> {
  await database.migrate();
  const passwordHash = await hashPassword(CRASH_PASSWORD);
  await database.db.transaction(async (tx) => {
    const [p] = await tx
      .insert(partnerships)
      .values({ name: 'Crash test partnership', slug: 'crash' })
      .returning();
    const [u] = await tx
      .insert(users)
      .values({ email: CRASH_EMAIL, name: 'Casey Manager', passwordHash, mustChangePassword: false })
      .returning();
    await tx.insert(memberships).values({ partnershipId: p!.id, userId: u!.id, role: 'business_manager' });
    for (const [action, entityType, entityId] of [
      ['partnership.created', 'partnership', p!.id],
      ['user.created', 'user', u!.id],
    ] as const)
      await recordAudit(tx, {
        partnershipId: p!.id,
        actorUserId: null,
        action,
        entityType,
        entityId,
        details: { via: 'crash-test' },
      });
  });
}

/** Signs in and sets up an agency and two reviews through the API, as a business manager would. */
async function setUpReviews(api: ApiClient): Promise<Target> {
  await api.signIn(CRASH_EMAIL, CRASH_PASSWORD);
  const session = await api.expect<{ memberships: { partnershipId: string }[] }>(200, 'GET', '/api/session');
  const partnershipId = session.memberships[0]!.partnershipId;
  const agency = await api.expect<{ id: string }>(
    201,
    'POST',
    `/api/partnerships/${partnershipId}/agencies`,
    {
      name: 'Health visiting service',
      sector: 'health_community',
    },
  );
  const commission = (title: string) =>
    api.expect<{ id: string }>(201, 'POST', `/api/partnerships/${partnershipId}/reviews`, {
      title,
      type: 'lcspr',
      variant: 'full',
      initiatedDate: '2026-09-01',
    });
  return {
    partnershipId,
    agencyId: agency.id,
    eventsReviewId: (await commission('Child C')).id,
    importsReviewId: (await commission('Child D')).id,
  };
}

/** After a restart: the server answers for what it acknowledged before the kill. */
async function checkThroughApi(
  api: ApiClient,
  target: Target,
  acked: readonly AckedEvent[],
  attempt: ImportAttempt,
): Promise<string[]> {
  const problems: string[] = [];
  for (const a of acked.slice(-5)) {
    const res = await api.request('GET', `${eventsPath(target)}/events/${a.id}`);
    if (res.status !== 200 || (res.json as { summary: string }).summary !== a.summary)
      problems.push(`acknowledged event ${a.id} answered ${res.status}`);
  }
  if (attempt.importId) {
    const res = await api.request('GET', `${importsPath(target)}/imports/${attempt.importId}`);
    const dto = res.json as { status: string; eventsCreated: number | null } | null;
    if (res.status !== 200) problems.push(`checked import ${attempt.importId} answered ${res.status}`);
    else if (dto?.status === 'committed' && dto.eventsCreated !== attempt.rows)
      problems.push(
        `import ${attempt.importId} is imported with ${dto.eventsCreated} of ${attempt.rows} events`,
      );
    else if (attempt.commitAcked && dto?.status !== 'committed')
      problems.push(`acknowledged import ${attempt.importId} is ${dto?.status}`);
  }
  return problems;
}

/**
 * Runs the server, drives writes and a large import, kills it with SIGKILL at a seeded random
 * moment, restarts it and checks what survived; `kills` times. Throws at the first problem.
 */
export async function runCrashRounds(o: CrashOptions): Promise<CrashSummary> {
  const started = performance.now();
  const random = seededRandom(o.seed);
  const api = new ApiClient();
  const acked: AckedEvent[] = [];
  const attempts: ImportAttempt[] = [];
  const fail = (round: number, problems: string[]) => {
    throw new Error(
      `crash: ${o.label} failed after kill ${round} (seed ${o.seed}, data kept in ${o.setup.dataDir}):\n- ${problems.join('\n- ')}\nserver log:\n${logTail(o.setup.logFile)}`,
    );
  };
  const checkDatabase = async (round: number, database: Database) => {
    const result = await checkConsistency(database.db, target.importsReviewId, acked, attempts);
    if (result.problems.length) fail(round, result.problems);
    return result;
  };

  const seeding = await o.open();
  await seedPeople(seeding);
  await seeding.close();
  let server: RunningServer = await startServer(o.setup);
  api.baseUrl = server.baseUrl;
  const target = await setUpReviews(api);
  const external = o.embedded ? null : await o.open();
  let survived = 0;
  try {
    // One round without a kill, writers and all: how long its file takes to check and to import
    // here decides the range of kill moments.
    const calibration = await driveRound(
      api,
      target,
      { round: 0, writers: o.writers, rows: o.rows, file: importFile(0, o.rows) },
      null,
      () => server.kill(),
    );
    const { checkedAtMs, importedAtMs, commitAcked } = calibration.importAttempt;
    if (!commitAcked || calibration.unexpected.length || !checkedAtMs || !importedAtMs)
      fail(0, ['the import without a kill did not succeed', ...calibration.unexpected]);
    acked.push(...calibration.acked);
    attempts.push(calibration.importAttempt);
    o.log(
      `crash: ${o.label}: seed ${o.seed}; ${o.rows} rows beside ${o.writers} writers: checked in ${Math.round(checkedAtMs!)} ms, imported ${Math.round(importedAtMs! - checkedAtMs!)} ms later`,
    );

    for (let round = 1; round <= o.kills; round++) {
      // A third of the kills fall anywhere from the start of the round (the server freshly
      // restarted, the file being sent and checked); the rest from the check to twice as long as an
      // import takes: half inside the import's transaction, half while only the writers run.
      const plan: KillPlan =
        random() < 1 / 3
          ? { from: 'start', afterMs: Math.round(random() * checkedAtMs! * 2) }
          : { from: 'checked', afterMs: Math.round(random() * (importedAtMs! - checkedAtMs!) * 2) };
      const work = await driveRound(
        api,
        target,
        { round, writers: o.writers, rows: o.rows, file: importFile(round, o.rows) },
        plan,
        () => server.kill(),
      );
      acked.push(...work.acked);
      attempts.push(work.importAttempt);
      if (work.unexpected.length) fail(round, work.unexpected);
      // PGlite: every other time this process opens the killed database (and recovers it) to check
      // it; the other times the restarted server recovers it, and the next check covers that too.
      const checkHere = o.embedded && (round % 2 === 0 || round === o.kills);
      const t1 = performance.now();
      if (checkHere) {
        const database = await o
          .open()
          .catch((error: Error) => fail(round, [`the killed database does not open: ${error.message}`]));
        try {
          await checkDatabase(round, database);
        } finally {
          await database.close();
        }
      }
      const t2 = performance.now();
      server = await startServer(o.setup).catch((error: Error) => fail(round, [error.message]));
      api.baseUrl = server.baseUrl;
      const t3 = performance.now();
      const apiProblems = await checkThroughApi(api, target, work.acked, work.importAttempt);
      if (apiProblems.length) fail(round, apiProblems);
      if (external) await checkDatabase(round, external);
      if (api.serverErrors.length)
        fail(
          round,
          api.serverErrors.map((e) => `${e.method} ${e.path} answered ${e.status}: ${e.body}`),
        );
      const imported = work.importAttempt.commitAcked
        ? 'imported (acknowledged)'
        : work.importAttempt.importId
          ? 'checked, import not acknowledged'
          : 'not checked';
      o.log(
        `crash: ${o.label} kill ${round} ${plan.afterMs} ms after ${plan.from === 'start' ? 'the start' : 'the check'}: ${work.acked.length} writes acknowledged, ${work.unanswered} unanswered; import ${imported}; ${checkHere ? `checked in ${Math.round(t2 - t1)} ms, ` : ''}restarted in ${Math.round(t3 - t2)} ms`,
      );
      survived++;
    }
    const code = await server.stop();
    if (code !== 0) fail(o.kills, [`the server exited with ${code} when asked to stop`]);
    const final = o.embedded ? await o.open() : external!;
    const result = await checkDatabase(o.kills, final);
    if (o.embedded) await final.close();
    const committed = new Set(result.imports.filter((i) => i.committed).map((i) => i.id));
    const killed = attempts.filter((a) => a.round > 0);
    const whole = killed.filter((a) => a.importId && committed.has(a.importId)).length;
    return {
      kills: o.kills,
      survived,
      ackedWrites: acked.length,
      importsWhole: whole,
      importsAbsent: killed.length - whole,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await server.kill().catch(() => {});
    await external?.close();
  }
}
