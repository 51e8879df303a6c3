/** `sightlines backup --out <file>`: the database and the stored files, consistent, in one archive. */
export async function runBackup(_args: string[]): Promise<number> {
  console.error('sightlines backup: not available yet');
  return 1;
}

/** `sightlines restore --from <file>`: an archive made by `backup`, into an empty database. */
export async function runRestore(_args: string[]): Promise<number> {
  console.error('sightlines restore: not available yet');
  return 1;
}
