import { buildApp } from '#server/app.ts';
import { verifyAuditLog } from '#server/audit/verify.ts';
import { loadConfig } from '#server/config.ts';
import { type Database, openDatabase } from '#server/db/client.ts';
import { DEMO_PARTNERSHIP_NAME, type DemoSeedResult, isEmpty, seedDemo } from '#server/demo/seed.ts';
import { attachMailWorker, MailWorker } from '#server/email/mail-worker.ts';

/** Opens the configured database, runs the work, and always closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

function printDemoLogins(result: DemoSeedResult) {
  if (!result.created) return;
  const lines = [
    '',
    `Loaded the demo partnership: ${DEMO_PARTNERSHIP_NAME}`,
    'Demo sign-ins (all fictional):',
    ...result.logins.map((l) => `  ${l.email.padEnd(34)} ${l.role}`),
    result.generated
      ? `  Password: ${result.password}   (generated; set SIGHTLINES_DEMO_PASSWORD to choose one)`
      : '  Password: the value of SIGHTLINES_DEMO_PASSWORD',
    '',
  ];
  console.log(lines.join('\n'));
}

export async function runMigrate(): Promise<number> {
  await withDatabase(async (db) => console.log(`Migrations applied (${db.kind}).`));
  return 0;
}

export async function runSeedDemo(): Promise<number> {
  await withDatabase(async (database) => {
    const config = loadConfig();
    const result = await seedDemo(database.db, config.demoPassword, config.dataDir);
    if (!result.created) console.log('The demo partnership is already loaded.');
    printDemoLogins(result);
  });
  return 0;
}

export async function runVerifyAudit(): Promise<number> {
  return withDatabase(async (database) => {
    const result = await verifyAuditLog(database.db);
    if (result.ok) {
      console.log(`Audit log intact: ${result.events} events in ${result.chains} chains.`);
      return 0;
    }
    const b = result.firstBreak!;
    console.error(
      `Audit log BROKEN in chain ${b.chain} at sequence ${b.seq}${b.id !== null ? ` (audit_events.id ${b.id})` : ''}: ${b.reason}.`,
    );
    return 1;
  });
}

export async function runServe(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  await database.migrate();
  if (process.env.SIGHTLINES_SEED_DEMO !== 'false' && (await isEmpty(database.db))) {
    printDemoLogins(await seedDemo(database.db, config.demoPassword, config.dataDir));
  }
  const app = await buildApp({ database, config });
  // Sends the email outbox in the background and the daily reminders; stops when the app closes.
  const mailWorker = new MailWorker({ database, config, log: app.log });
  attachMailWorker(app, mailWorker);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  mailWorker.start();
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Sightlines is running at http://localhost:${config.port} (database: ${where})`);
  return 0;
}
