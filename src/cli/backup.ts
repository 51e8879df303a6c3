import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '#server/config.ts';
import { openDatabase } from '#server/db/client.ts';
import { createBackup, restoreBackup } from '#server/transfer/backup.service.ts';

const KEY_WARNING =
  'The secret key (SIGHTLINES_SECRET_KEY, or secret.key in the data directory) is NOT in the backup: back it up separately and keep it apart from the backup. Without it, the secrets it encrypts cannot be read after a restore.';

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `sightlines backup --out <file>`: the database and the stored files, consistent, in one archive. */
export async function runBackup(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true });
  if (!values.out) {
    console.error('Usage: sightlines backup --out <file.tar.gz>');
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const out = resolve(values.out);
    const { manifest, bytes } = await createBackup({ database, dataDir: config.dataDir, out });
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      [
        `Backup written to ${out} (${bytes} bytes).`,
        `  ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} stored files; migration ${manifest.migration?.tag ?? 'none'}.`,
        '  It holds everything in the database: keep it as safe as the database itself.',
        `  ${KEY_WARNING}`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    console.error(`sightlines backup: ${describeError(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

/** `sightlines restore --from <file>`: an archive made by `backup`, into an empty database. */
export async function runRestore(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.from) {
    console.error('Usage: sightlines restore --from <file.tar.gz> [--force]');
    return 2;
  }
  const from = resolve(values.from);
  if (!existsSync(from)) {
    console.error(`sightlines restore: there is no file at ${from}`);
    return 1;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const result = await restoreBackup({
      database,
      dataDir: config.dataDir,
      from,
      force: values.force ?? false,
    });
    const rows = Object.values(result.counts).reduce((n, c) => n + c, 0);
    const lines = [
      `Restored the backup of ${result.manifest.createdAt} (Sightlines ${result.manifest.appVersion}, migration ${result.manifest.migration?.tag ?? 'none'}).`,
      `  ${rows} rows in ${Object.keys(result.counts).length} tables, ${result.files} stored files.`,
      ...Object.entries(result.counts)
        .filter(([, n]) => n > 0)
        .map(([name, n]) => `    ${name.padEnd(32)} ${n}`),
      result.audit.ok
        ? `  Audit log intact: ${result.audit.events} events in ${result.audit.chains} chains.`
        : `  Audit log BROKEN in chain ${result.audit.firstBreak?.chain} at sequence ${result.audit.firstBreak?.seq}: ${result.audit.firstBreak?.reason}.`,
      `  ${KEY_WARNING}`,
    ];
    console.log(lines.join('\n'));
    return result.audit.ok ? 0 : 1;
  } catch (error) {
    console.error(`sightlines restore: ${describeError(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}
