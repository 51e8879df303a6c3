import { parseArgs } from 'node:util';
import { runBackup, runRestore } from './backup.ts';
import { runMigrate, runSeedDemo, runServe, runVerifyAudit } from './commands.ts';
import { runCreatePartnership, runCreateUser } from './people.ts';
import { runSendReminders } from './reminders.ts';

const usage = `Usage: sightlines <command> [options]

Commands:
  serve               Start the web server (applies migrations; loads the demo partnership into an empty database)
  migrate             Apply database migrations
  seed-demo           Load the fictional demo partnership (once)
  create-partnership  --name "…" --slug short-name
  create-user         --partnership <slug> --email … --name "…" --role partnership_admin|business_manager|member
                      [--job-title "…"]  (the password is read from SIGHTLINES_NEW_USER_PASSWORD or generated and printed)
  verify-audit        Check the audit log's hash chains; exits 1 and names the first broken row
  backup              --out <file.tar.gz>  The database and stored files, consistent, in one archive
  restore             --from <file.tar.gz> [--force]  Restore a backup into an empty database (--force: replace what is there)
  send-reminders      Email the deadline and action reminders that are due (serve also does this daily)

Configuration comes from environment variables: PORT, SIGHTLINES_DATA_DIR, DATABASE_URL, SIGHTLINES_DEMO_PASSWORD (see README).`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  serve: runServe,
  migrate: runMigrate,
  'seed-demo': runSeedDemo,
  'verify-audit': runVerifyAudit,
  'create-user': runCreateUser,
  'create-partnership': runCreatePartnership,
  backup: runBackup,
  restore: runRestore,
  'send-reminders': runSendReminders,
};

const [name, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: name ? [] : process.argv.slice(2),
  options: { help: { type: 'boolean', short: 'h' } },
  strict: false,
});
const command = name ? commands[name] : undefined;
if (!command) {
  console.log(usage);
  process.exit(name && !values.help && name !== 'help' && name !== '--help' ? 2 : 0);
}
try {
  const code = await command(rest);
  if (name !== 'serve') process.exit(code);
} catch (error) {
  console.error(`sightlines ${name}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
